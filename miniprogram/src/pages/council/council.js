// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const store = require('../../utils/store');

page({
  data: {
    council: null, topics: /** @type {any[]} */ ([]), meetings: /** @type {any[]} */ ([]), decisions: /** @type {any[]} */ ([]),
    subscribed: false, noVillage: false, none: false, error: '', subError: '', meetingError: '', ok: '', loaded: false,
  },
  methods: {
    onLoad(query) {
      this.id = (query && query.id) || '';
      return this.load();
    },
    async load() {
      const result = await this.act('error', async () => {
        let id = this.id;
        if (!id) {
          const v = store.village();
          if (!v) return { noVillage: true };
          const found = await api.get('/council/public/councils', { region: v.code }, false);
          if (!found.length) return { none: true, village: v.path };
          id = found[0].id;
          this.id = id;
        }
        const [council, topics, meetings, decisions, sub, mine] = await Promise.all([
          api.get(`/council/public/councils/${id}`, undefined, false),
          api.get(`/council/councils/${id}/topics`, { size: 50 }).then((page) => page.items),
          api.get(`/council/councils/${id}/meetings`, { upcoming: true }),
          api.get(`/council/councils/${id}/decisions`, { size: 50 }).then((page) => page.items),
          api.get(`/council/councils/${id}/subscription`),
          // What is mine (proposed, supported, registered for) only marks the lists: without it they still show.
          api.get('/council/me').catch(() => null),
        ]);
        return { council, topics, meetings, decisions, sub, mine };
      });
      if (!result) return this.setData({ loaded: true });
      if (result.noVillage) return this.setData({ loaded: true, noVillage: true });
      if (result.none) return this.setData({ loaded: true, none: true });
      const { council, topics, meetings, decisions, sub, mine } = result;
      const proposed = new Set(mine ? mine.topics.map((t) => t.id) : []);
      const supported = new Set(mine ? mine.supports.map((t) => t.topicId) : []);
      const registered = new Set(mine ? mine.meetingRegistrations.map((m) => m.meetingId) : []);
      this.setData({
        loaded: true,
        council: { name: council.name, region: council.regionName || '', charter: council.charter || '', rules: council.rules || '',
          representatives: (council.representatives || []).map((r) => (typeof r === 'string' ? r : `${r.name}${r.duty ? '（' + r.duty + '）' : ''}`)).join('、') },
        topics: topics.map((t) => ({ id: t.id, title: t.title, tag: t.statusLabel,
          detail: `${t.sourceLabel || ''} · ${t.supports} 人附议${proposed.has(t.id) ? ' · 我提出的' : supported.has(t.id) ? ' · 我已附议' : ''}`,
          tone: t.status === 'OPEN' ? 'wait' : t.status === 'ACCEPTED' ? 'ok' : 'done', url: `/pages/council/topic?id=${t.id}` })),
        meetings: meetings.map((m) => ({ id: m.id, title: m.title, when: fmt.dateTime(m.startsAt), place: m.place, registrations: m.registrations,
          agenda: (m.agenda || []).map((a) => a.title).join('；'), status: m.statusLabel, mine: registered.has(m.id) })),
        decisions: decisions.map((d) => ({ id: d.id, title: d.title, detail: d.nextStepLabel ? `下一步：${d.nextStepLabel}` : `实施进度 ${d.progress}%`,
          tag: d.statusLabel, tone: 'ok', url: `/pages/council/decision?id=${d.id}` })),
        subscribed: sub.subscribed,
      });
    },
    async toggleSubscribe() {
      const on = !this.data.subscribed;
      const r = await this.act('subError', () => (on ? api.put(`/council/councils/${this.id}/subscription`, {}) : api.del(`/council/councils/${this.id}/subscription`)));
      if (r) this.setData({ subscribed: r.subscribed, ok: r.subscribed ? '已订阅：决议和实施结果公开时会通知您。' : '已取消订阅。' });
    },
    async register(e) {
      const id = e.currentTarget.dataset.id;
      const m = await this.act('meetingError', () => api.post(`/council/meetings/${id}/registrations`, {}));
      if (m) {
        this.setData({ ok: `已报名参加“${m.title}”，请按时到场。` });
        this.setData({ meetings: this.data.meetings.map((x) => (x.id === id ? { ...x, registrations: m.registrations, mine: true } : x)) });
      }
    },
    propose() {
      wx.navigateTo({ url: `/pages/council/propose?council=${this.id}` });
    },
  },
});
