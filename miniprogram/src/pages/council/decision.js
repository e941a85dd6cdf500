// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

page({
  data: { d: null, steps: /** @type {any[]} */ ([]), progress: /** @type {any[]} */ ([]), resolution: '', resolvedOn: '', error: '', loaded: false },
  methods: {
    onLoad(query) {
      this.id = query.id;
      return this.load();
    },
    async load() {
      const d = await this.act('error', () => api.get(`/council/public/decisions/${this.id}`, undefined, false));
      if (!d) return this.setData({ loaded: true });
      const steps = (d.register || []).map((s) => ({ id: s.id, label: s.stepLabel, outcome: s.outcomeLabel, when: fmt.date(s.heldAt),
        votes: s.votesFor !== undefined && s.votesFor !== null ? `应到 ${s.expectedAttendance} 人，实到 ${s.actualAttendance} 人；赞成 ${s.votesFor}，反对 ${s.votesAgainst}，弃权 ${s.votesAbstain}` : '',
        explanation: s.explanation || '', content: s.content || '' }));
      // The published resolution is a field of its own (null until 决议公开).
      const resolution = d.resolution && d.resolution.content ? d.resolution.content : '';
      const resolvedOn = d.resolution && d.resolution.publishedAt ? fmt.date(d.resolution.publishedAt) : '';
      this.setData({
        loaded: true,
        d: { title: d.title, matter: d.matter !== d.title ? d.matter : '', status: d.statusLabel, percent: d.progress },
        steps: steps.filter((s) => !s.content || s.votes),
        resolution,
        resolvedOn,
        progress: (d.progressUpdates || []).map((p) => ({ id: p.id, percent: p.percent, note: p.note, when: fmt.date(p.occurredOn),
          photos: (p.photos || []).map((ph) => ({ id: ph.id, src: api.url(ph.url.replace(/^\/api\/v1/, '')) })) })),
      });
    },
    preview(e) {
      const src = e.currentTarget.dataset.src;
      wx.previewImage({ urls: [src], current: src });
    },
  },
});
