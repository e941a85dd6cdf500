// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const files = require('../../utils/files');

const OPEN = ['UNDER_REVIEW', 'SUPPLEMENT_REQUESTED'];

page({
  data: { app: null, documents: /** @type {any[]} */ ([]), banner: '', error: '', uploadError: '', uploadOk: '', note: '', supplementError: '', withdrawError: '', loaded: false },
  methods: {
    onLoad(query) {
      this.id = query.id;
      this.setData({ banner: query.submitted ? '申请已提交，请上传证明材料' : '' });
      return this.load();
    },
    async load() {
      const result = await this.act('error', async () => {
        const app = await api.get(`/appointments/legal-aid/applications/${this.id}`);
        const documents = await api.get(`/appointments/legal-aid/applications/${this.id}/documents`);
        return { app, documents };
      });
      if (!result) return this.setData({ loaded: true });
      const a = result.app;
      this.setData({
        loaded: true,
        app: {
          status: a.statusLabel,
          tone: a.status === 'SUPPLEMENT_REQUESTED' ? 'warn' : a.status === 'UNDER_REVIEW' ? 'wait' : a.status === 'REJECTED' || a.status === 'WITHDRAWN' ? 'done' : 'ok',
          withdrawn: a.status === 'WITHDRAWN',
          caseType: a.caseTypeLabel, otherParty: a.otherParty, description: a.description, region: a.regionName || '',
          applicant: `${a.applicantName} · ${a.phone}`, basis: a.exemptGroundLabel ? `免于经济困难审查：${a.exemptGroundLabel}（法律援助法${a.exemptGroundArticle}）` : '已说明经济困难情况',
          submitted: fmt.date(a.submittedOn), due: a.decisionDue ? fmt.date(a.decisionDue) : '', paused: a.clockPaused,
          supplement: a.status === 'SUPPLEMENT_REQUESTED', supplementNote: a.supplementNote || a.supplementRequest || '',
          decision: a.decisionReasons || '', open: OPEN.includes(a.status),
          consultationUrl: a.consultationId ? `/pages/appointments/detail?id=${a.consultationId}` : '',
        },
        documents: result.documents.map((d) => ({ id: d.id, title: d.displayName, detail: `上传于 ${fmt.dateTime(d.uploadedAt)}` })),
      });
    },
    async upload(e) {
      this.setData({ uploadOk: '', uploadError: '' });
      const file = await files.choose(e.currentTarget.dataset.kind);
      if (!file) return;
      const doc = await this.act('uploadError', () => api.upload(`/appointments/legal-aid/applications/${this.id}/documents`, file.path));
      if (doc) {
        this.setData({ uploadOk: `已上传：${doc.displayName}` });
        await this.load();
      }
    },
    /** Before the decision the applicant may withdraw; asked once more, since it cannot be undone. */
    async withdraw() {
      const sure = await new Promise((resolve) => {
        wx.showModal({ title: '撤回申请', content: '撤回后这份法律援助申请不再审查；以后需要时可以重新申请。确定撤回吗？',
          confirmText: '确定撤回', cancelText: '不撤回', success: (r) => resolve(Boolean(r.confirm)), fail: () => resolve(false) });
      });
      if (!sure) return;
      const done = await this.act('withdrawError', () => api.post(`/appointments/legal-aid/applications/${this.id}/withdrawal`, { reason: '申请人在小程序撤回' }));
      if (done) {
        this.setData({ banner: '申请已撤回' });
        await this.load();
      }
    },
    onNote(e) { this.setData({ note: e.detail.value }); },
    async supplement() {
      const done = await this.act('supplementError', () => api.post(`/appointments/legal-aid/applications/${this.id}/supplement`, { note: this.data.note }));
      if (done) {
        this.setData({ banner: '已提交补充材料说明' });
        await this.load();
      }
    },
  },
});
