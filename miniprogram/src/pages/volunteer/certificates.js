// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

const TONES = { OPEN: 'wait', ISSUED: 'ok', DECLINED: 'done' };

page({
  data: { items: /** @type {any[]} */ ([]), requests: /** @type {any[]} */ ([]), purpose: '', asking: false, loaded: false,
    error: '', requestsError: '', openError: '', askError: '', ok: '' },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const found = await this.act('error', () => api.get('/volunteers/me/certificates', { size: 50 }));
      const asked = found ? await this.act('requestsError', () => api.get('/volunteers/me/certificate-requests', { size: 50 })) : null;
      this.setData({
        loaded: true,
        items: (found ? found.items : []).map((c) => ({ number: c.number, title: `志愿服务证明 · ${c.totalHours} 小时`,
          detail: `${c.issuer} · ${fmt.date(c.issuedOn)}出具`, note: `证书编号 ${c.number}`, tag: c.statusLabel, tone: c.status === 'ISSUED' ? 'ok' : 'done' })),
        requests: (asked ? asked.items : []).map((r) => ({ id: r.id, title: r.kindLabel,
          detail: `${fmt.date(r.requestedAt)}申请${r.purpose ? ` · 用途：${r.purpose}` : ''}`,
          note: r.status === 'ISSUED' ? `已出具，证书编号 ${r.certificateNumber}` : r.status === 'DECLINED' ? `未出具，原因：${r.declineReason}` : '组织方处理后会通知您',
          tag: r.statusLabel, tone: TONES[r.status] || 'done' })),
      });
    },
    startAsking() {
      this.setData({ asking: true, ok: '', askError: '' });
    },
    onPurpose(e) {
      this.setData({ purpose: String(e.detail.value || '') });
    },
    /** Asks the organisers of my area for a certificate of my confirmed hours. */
    async ask() {
      this.setData({ ok: '' });
      const purpose = this.data.purpose.trim();
      const made = await this.act('askError', () => api.post('/volunteers/me/certificate-requests',
        purpose ? { kind: 'SERVICE_HOURS', purpose } : { kind: 'SERVICE_HOURS' }));
      if (!made) return;
      this.setData({ asking: false, purpose: '', ok: '已提交申请，组织方出具或不予出具时会通知您。' });
      await this.load();
    },
    async openPdf(e) {
      const number = e.currentTarget.dataset.number;
      this.setData({ openError: '' });
      const file = await this.act('openError', () => api.download(`/volunteers/certificates/${encodeURIComponent(number)}/pdf`));
      if (file) wx.openDocument({ filePath: file, fileType: 'pdf', showMenu: true });
    },
  },
});
