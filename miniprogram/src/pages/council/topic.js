// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

page({
  data: { topic: null, opinions: /** @type {any[]} */ ([]), opinion: '', error: '', supportError: '', opinionError: '', ok: '', loaded: false },
  methods: {
    onLoad(query) {
      this.id = query.id;
      return this.load();
    },
    async load() {
      const result = await this.act('error', async () => {
        const [t, opinions] = await Promise.all([api.get(`/council/topics/${this.id}`), api.get(`/council/topics/${this.id}/opinions`)]);
        return { t, opinions };
      });
      if (!result) return this.setData({ loaded: true });
      const { t, opinions } = result;
      this.setData({
        loaded: true,
        topic: { title: t.title, description: t.description, status: t.statusLabel, open: t.status === 'OPEN', supports: t.supports,
          source: t.sourceLabel || '', when: fmt.date(t.createdAt), moderation: t.moderation !== 'VISIBLE' ? t.moderationLabel : '',
          reason: t.statusReason || '', decisionId: t.decisionId || '', councilId: t.councilId },
        opinions: opinions.map((o) => ({ id: o.id, content: o.content, when: fmt.dateTime(o.createdAt), status: o.status === 'VISIBLE' ? '' : o.statusLabel })),
      });
    },
    async support() {
      const r = await this.act('supportError', () => api.post(`/council/topics/${this.id}/supports`, {}));
      if (r) this.setData({ 'topic.supports': r.supports, ok: '已附议，感谢您的支持。' });
    },
    onOpinion(e) { this.setData({ opinion: e.detail.value }); },
    async comment() {
      const content = this.data.opinion.trim();
      if (!content) {
        this.setData({ opinionError: '请先写下您的意见。' });
        return;
      }
      const o = await this.act('opinionError', () => api.post(`/council/topics/${this.id}/opinions`, { content }));
      if (o) {
        this.setData({ opinion: '', ok: o.status === 'VISIBLE' ? '意见已发表。' : `意见已提交，${o.statusLabel}。` });
        await this.load();
      }
    },
  },
});
