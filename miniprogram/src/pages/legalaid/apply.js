// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const regions = require('../../utils/regions');
const profile = require('../../utils/profile');

page({
  data: {
    caseTypes: /** @type {{code: string, label: string, article: string|null}[]} */ ([]),
    grounds: /** @type {{code: string, label: string, article: string|null}[]} */ ([]),
    choicesError: '',
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
    prefilled: false,
  },
  methods: {
    onLoad(query) {
      // Coming from a law-search answer: its matter type is chosen already (the citizen can still change it).
      this.wanted = (query && query.caseType) || '';
      // Coming from a consultation: the application names it, so each leads to the other.
      this.consultationId = (query && query.consultationId) || undefined;
      return Promise.all([this.loadChoices(), this.prefill()]);
    },
    /** Case types (法律援助法 Art. 31) and exemption grounds (Art. 32, 42) as the API serves them. */
    async loadChoices() {
      const choices = await this.act('choicesError', () => Promise.all([
        api.get('/appointments/legal-aid/case-types'), api.get('/appointments/legal-aid/exempt-grounds')]));
      if (!choices) return;
      const [types, grounds] = choices;
      /** @type {Record<string, any>} */
      const update = { caseTypes: types.items || [], grounds: (grounds.items || []).map((g) => ({ ...g, article: g.article || '' })) };
      if (this.wanted && update.caseTypes.some((c) => c.code === this.wanted)) update.caseType = this.wanted;
      this.setData(update);
    },
    /** Name, ID number and phone from 我的资料, when the citizen saved them. */
    async prefill() {
      const filled = await profile.fill(this, { name: 'applicantName', idNumber: 'idNumber', phone: 'phone' });
      if (filled.length) this.setData({ prefilled: true });
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
        consultationId: this.consultationId,
      };
      const created = await this.act('error', () => api.post('/appointments/legal-aid/applications', body));
      if (created) wx.redirectTo({ url: `/pages/legalaid/detail?id=${created.id}&submitted=1` });
    },
  },
});
