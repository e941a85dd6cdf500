// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

page({
  data: { items: /** @type {any[]} */ ([]), loaded: false, error: '' },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const found = await this.act('error', () => api.get('/appointments/legal-aid/applications/mine', { page: 0, size: 50 }));
      this.setData({
        loaded: true,
        items: (found ? found.items : []).map((a) => ({ id: a.id, title: a.caseTypeLabel, detail: `提交于 ${fmt.date(a.submittedOn)}`,
          note: a.status === 'UNDER_REVIEW' ? `预计 ${fmt.date(a.decisionDue)} 前作出决定` : '', tag: a.statusLabel,
          tone: a.status === 'SUPPLEMENT_REQUESTED' ? 'warn' : a.status === 'REJECTED' || a.status === 'WITHDRAWN' ? 'done' : a.status === 'UNDER_REVIEW' ? 'wait' : 'ok',
          url: `/pages/legalaid/detail?id=${a.id}` })),
      });
    },
  },
});
