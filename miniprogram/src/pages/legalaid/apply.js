// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const regions = require('../../utils/regions');
const { CASE_TYPES, EXEMPT_GROUNDS } = require('../../utils/legalaid');

page({
  data: {
    caseTypes: CASE_TYPES,
    grounds: EXEMPT_GROUNDS,
    applicantName: '',
    idNumber: '',
    phone: '',
    caseType: '',
    otherParty: '',
    description: '',
    basis: 'exempt',
    exemptGround: '',
    hardshipStatement: '',
    error: '',
  },
  methods: {
    onLoad(query) {
      // Coming from a law-search answer: its matter type is chosen already (the citizen can still change it).
      const type = query && query.caseType;
      if (type && CASE_TYPES.some((c) => c.code === type)) this.setData({ caseType: type });
    },
    onInput(e) { this.setData({ [e.currentTarget.dataset.field]: e.detail.value }); },
    pickCase(e) { this.setData({ caseType: e.currentTarget.dataset.code }); },
    pickBasis(e) { this.setData({ basis: e.currentTarget.dataset.basis }); },
    pickGround(e) { this.setData({ exemptGround: e.currentTarget.dataset.code }); },
    async submit() {
      const d = this.data;
      const body = {
        applicantName: d.applicantName.trim(), idNumber: d.idNumber.trim(), phone: d.phone.trim(), regionCode: regions.district(),
        caseType: d.caseType || undefined, otherParty: d.otherParty.trim(), description: d.description.trim(),
        exemptGround: d.basis === 'exempt' && d.exemptGround ? d.exemptGround : undefined,
        hardshipStatement: d.basis === 'hardship' ? d.hardshipStatement.trim() : undefined,
      };
      const created = await this.act('error', () => api.post('/appointments/legal-aid/applications', body));
      if (created) wx.redirectTo({ url: `/pages/legalaid/detail?id=${created.id}&submitted=1` });
    },
  },
});
