// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

page({
  data: { items: /** @type {any[]} */ ([]), loaded: false, error: '', openError: '' },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const found = await this.act('error', () => api.get('/volunteers/me/certificates', { size: 50 }));
      this.setData({
        loaded: true,
        items: (found ? found.items : []).map((c) => ({ number: c.number, title: `志愿服务证明 · ${c.totalHours} 小时`,
          detail: `${c.issuer} · ${fmt.date(c.issuedOn)}出具`, note: `证书编号 ${c.number}`, tag: c.statusLabel, tone: c.status === 'ISSUED' ? 'ok' : 'done' })),
      });
    },
    async openPdf(e) {
      const number = e.currentTarget.dataset.number;
      this.setData({ openError: '' });
      const file = await this.act('openError', () => api.download(`/volunteers/certificates/${encodeURIComponent(number)}/pdf`));
      if (file) wx.openDocument({ filePath: file, fileType: 'pdf', showMenu: true });
    },
  },
});
