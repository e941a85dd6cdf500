// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const fmt = require('../../utils/format');
const next = require('../../utils/nextsteps');

const MIN_SCORE = 3;

/**
 * A law hit's version in words: in force, or what became of it (the search shows a title once, its older versions
 * listed under it).
 * @param {{status?: string, statusLabel?: string, otherVersions?: any[]}} law
 */
function mark(law) {
  const label = law.statusLabel || (law.status === 'current' ? '现行有效' : '已被修改');
  const older = (law.otherVersions || []).length;
  if (law.status && law.status !== 'current') return `${label}，仅供参考`;
  return older ? `${label} · 另有 ${older} 个旧版本` : label;
}

const EXAMPLES = ['工资被拖欠怎么办', '邻居装修噪音扰民', '离婚孩子抚养权', '老人赡养费', '交通事故对方不赔'];

page({
  data: {
    q: '',
    examples: EXAMPLES,
    searched: false,
    services: /** @type {any[]} */ ([]),
    laws: /** @type {any[]} */ ([]),
    answer: /** @type {any} */ (null),
    steps: /** @type {any[]} */ ([]),
    error: '',
  },
  methods: {
    onLoad(query) {
      const q = query && query.q ? decodeURIComponent(query.q) : '';
      if (q) {
        this.setData({ q });
        return this.search();
      }
      return undefined;
    },
    onShow() {
      const q = store.take('search.q');
      if (q) {
        this.setData({ q });
        return this.search();
      }
      return undefined;
    },
    onInput(e) {
      this.setData({ q: e.detail.value });
    },
    pick(e) {
      this.setData({ q: e.currentTarget.dataset.q });
      return this.search();
    },
    async search() {
      const q = (this.data.q || '').trim();
      if (!q) {
        this.setData({ error: '请先说说您遇到的事，例如“工资被拖欠怎么办”。' });
        return;
      }
      const found = await this.act('error', () => Promise.all([
        // The server leaves out weak hits (a character or two in common): minScore is its floor.
        api.get('/search/services', { q, page: 0, size: 5, minScore: MIN_SCORE }, false),
        api.get('/search/laws', { q, page: 0, size: 5, perLaw: 2 }, false),
      ]));
      if (!found) return;
      const [services, laws] = found;
      const hits = services.hits || [];
      const lawRows = [];
      const lawSteps = [];
      for (const law of laws.laws || []) {
        const items = next.fromServer(law.nextSteps).filter((s) => s.url.startsWith('/pages/proxy/item'));
        lawSteps.push(...next.fromServer(law.nextSteps));
        (law.articles || []).forEach((a, i) => {
          const text = fmt.plain((a.snippets || [])[0]);
          lawRows.push({
            key: a.articleId || `${law.lawId}-${a.ordinal}`,
            title: `${law.title} ${a.no}`,
            detail: text.length > 60 ? `${text.slice(0, 60)}…` : text,
            note: mark(law),
            url: `/pages/search/article?articleId=${encodeURIComponent(a.articleId || `${law.lawId}-${a.ordinal}`)}`,
            // The items citing the law's shown articles, once per law (under its first article).
            steps: i === 0 ? items : [],
          });
        });
      }
      // A question close to one the knowledge base knows comes with a plain answer and its next step: shown first.
      const known = (laws.answers || [])[0];
      const first = known ? next.fromAnswer(known.nextStep) : null;
      const steps = next.distinct([...(first ? [first] : []), ...lawSteps, ...next.forAnswer(hits)]);
      this.setData({
        answer: known ? { question: known.question, text: known.answer,
          basis: (known.articles || []).map((a) => `${a.title || ''}${a.no || ''}`).filter(Boolean).join('、') } : null,
        searched: true,
        services: hits.map((h) => ({ code: h.code, name: h.name, department: h.department, proxyAllowed: h.proxyAllowed,
          url: `/pages/proxy/item?code=${h.code}`, tag: h.proxyAllowed ? '可代办' : '' })),
        laws: lawRows,
        steps,
      });
    },
  },
});
