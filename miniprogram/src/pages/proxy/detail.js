// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const files = require('../../utils/files');

const STEPS = [
  ['AUTHORISED', '委托'], ['ACCEPTED', '受理'], ['FORWARDED', '办理'], ['DELIVERED', '送达'], ['ARCHIVED', '归档'], ['FOLLOWED_UP', '回访'],
];
const UPLOAD_WHILE = ['AUTHORISED', 'ACCEPTED'];
const SCORES = [
  { value: 5, text: '非常满意' }, { value: 4, text: '满意' }, { value: 3, text: '一般' }, { value: 2, text: '不满意' }, { value: 1, text: '非常不满意' },
];

/**
 * The checklist lines as the page shows them: ticked by the clerk at 受理, else uploaded (with the files' names), else
 * still to upload while uploads are taken (an upload button on the line), or to be checked.
 * @param {{name: string, ticked: boolean, uploaded?: boolean, uploads?: {id: string, displayName: string}[]}[]} lines
 * @param {boolean} open whether uploads are still taken
 */
function checklist(lines, open) {
  return lines.map((m) => {
    const uploads = m.uploads || [];
    const uploaded = Boolean(m.uploaded) || uploads.length > 0;
    const state = m.ticked ? '已核对' : uploaded ? '已上传' : open ? '待上传' : '待核对';
    return { name: m.name, state, tone: m.ticked || uploaded ? 'ok' : 'wait', missing: !uploaded && !m.ticked,
      detail: uploaded ? `已上传：${uploads.map((u) => u.displayName).join('、') || '材料'}` : open && !m.ticked ? '还未上传' : '' };
  });
}

page({
  data: {
    r: null, steps: /** @type {any[]} */ ([]), done: 0, point: null, checklist: /** @type {any[]} */ ([]), uploaded: /** @type {any[]} */ ([]),
    canUpload: false, canRate: false, canWithdraw: false, withdrawn: '', withdrawError: '', rated: '', scores: SCORES, score: 0, comment: '', banner: '', error: '', uploadError: '', uploadOk: '', rateError: '', loaded: false,
  },
  methods: {
    onLoad(query) {
      this.id = query.id;
      this.setData({ banner: query.submitted ? '委托已提交，代办员核对材料后受理' : '' });
      return this.load();
    },
    async load() {
      const result = await this.act('error', async () => {
        const [r, materials] = await Promise.all([api.get(`/proxy/requests/${this.id}`), api.get(`/proxy/requests/${this.id}/materials`)]);
        return { r, materials };
      });
      if (!result) return this.setData({ loaded: true });
      const { r, materials } = result;
      const point = r.point;
      const withdrawal = r.status === 'WITHDRAWN' ? (r.timeline || []).filter((t) => t.status === 'WITHDRAWN').pop() : null;
      const index = STEPS.findIndex(([s]) => s === r.status);
      const steps = STEPS.map(([status, label]) => {
        const ev = (r.timeline || []).filter((t) => t.status === status).pop();
        // Who did it as people read it (本人, the clerk's name): the API never gives account ids.
        return { label, at: ev ? `${fmt.dateTime(ev.occurredAt)}${ev.actorName ? ' · ' + ev.actorName : ''}` : '', note: ev && ev.note ? ev.note : '' };
      });
      const followUp = (r.timeline || []).find((t) => t.status === 'FOLLOWED_UP');
      this.setData({
        loaded: true,
        r: { item: r.itemName, status: r.statusLabel, receipt: r.receiptNo || '', resident: `${r.residentName} · ${r.residentPhone}`,
          forwardDue: r.forwardDue ? fmt.date(r.forwardDue) : '', overdue: r.overdue, created: fmt.dateTime(r.createdAt),
          expectedBy: r.expectedBy ? fmt.date(r.expectedBy) : '', tone: r.status === 'WITHDRAWN' || r.status === 'FOLLOWED_UP' ? 'done' : 'wait' },
        steps,
        done: r.status === 'FOLLOWED_UP' ? STEPS.length : index + 1,
        point: point ? { name: point.name, phone: point.phone || '', address: point.address || '' } : null,
        checklist: checklist(r.materials || [], UPLOAD_WHILE.includes(r.status)),
        uploaded: materials.map((m) => ({ id: m.id, title: m.displayName,
          detail: `${m.checklistItem ? `对应“${m.checklistItem}” · ` : ''}上传于 ${fmt.dateTime(m.uploadedAt)}` })),
        canUpload: UPLOAD_WHILE.includes(r.status),
        canRate: r.status === 'ARCHIVED',
        canWithdraw: r.status === 'AUTHORISED',
        withdrawn: r.status !== 'WITHDRAWN' ? ''
          : `您已${withdrawal ? `于 ${fmt.dateTime(withdrawal.occurredAt)} ` : ''}撤回这项委托，代办员不再办理。`,
        rated: followUp ? followUp.note || '已评价，感谢您的反馈。' : '',
      });
    },
    /** Uploads a photo or file: for one checklist line (data-line, the line's name) or, without it, loose. */
    async upload(e) {
      this.setData({ uploadOk: '', uploadError: '' });
      const line = e.currentTarget.dataset.line || '';
      const file = await files.choose(e.currentTarget.dataset.kind);
      if (!file) return;
      const path = `/proxy/requests/${this.id}/materials${line ? `?checklistItem=${encodeURIComponent(line)}` : ''}`;
      const m = await this.act('uploadError', () => api.upload(path, file.path));
      if (m) {
        this.setData({ uploadOk: line ? `已上传“${line}”：${m.displayName}` : `已上传：${m.displayName}` });
        await this.load();
      }
    },
    callPoint() { wx.makePhoneCall({ phoneNumber: this.data.point.phone }); },
    /** Before 受理 the resident may take the request back; asked once more, since it cannot be undone. */
    async withdraw() {
      const sure = await new Promise((resolve) => {
        wx.showModal({ title: '撤回委托', content: '撤回后代办员不再为您办理这项事务，已上传的材料不再使用。确定撤回吗？',
          confirmText: '确定撤回', cancelText: '不撤回', success: (r) => resolve(Boolean(r.confirm)), fail: () => resolve(false) });
      });
      if (!sure) return;
      const r = await this.act('withdrawError', () => api.post(`/proxy/requests/${this.id}/withdrawal`, { reason: '居民在小程序撤回' }));
      if (r) {
        this.setData({ banner: '委托已撤回' });
        await this.load();
      }
    },
    pickScore(e) { this.setData({ score: Number(e.currentTarget.dataset.value) }); },
    onComment(e) { this.setData({ comment: e.detail.value }); },
    async rate() {
      if (!this.data.score) {
        this.setData({ rateError: '请先选择满意程度。' });
        return;
      }
      const r = await this.act('rateError', () => api.post(`/proxy/requests/${this.id}/follow-up`, { satisfaction: this.data.score, comment: this.data.comment.trim() || undefined }));
      if (r) {
        this.setData({ banner: '感谢您的评价！' });
        await this.load();
      }
    },
  },
});
