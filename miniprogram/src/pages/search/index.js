// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const fmt = require('../../utils/format');
const next = require('../../utils/nextsteps');

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
        api.get('/search/services', { q, page: 0, size: 5 }, false),
        api.get('/search/laws', { q, page: 0, size: 5, perLaw: 2 }, false),
      ]));
      if (!found) return;
      const [services, laws] = found;
      const hits = (services.hits || []).filter((h) => h.score === undefined || h.score >= 3);
      const lawRows = [];
      for (const law of laws.laws || []) {
        for (const a of law.articles || []) {
          const text = fmt.plain((a.snippets || [])[0]);
          lawRows.push({
            key: `${law.lawId}-${a.ordinal}`,
            title: `${law.title} ${a.no}`,
            detail: text.length > 60 ? `${text.slice(0, 60)}…` : text,
            note: law.status === 'current' ? '现行有效' : '已修改或废止，仅供参考',
            url: `/pages/search/article?lawId=${law.lawId}&ordinal=${a.ordinal}&q=${encodeURIComponent(q)}`,
            law, article: a,
          });
        }
      }
      store.put('search.laws', lawRows);
      // A question close to one the knowledge base knows comes with a plain answer and its next step: shown first.
      const known = (laws.answers || [])[0];
      const first = known ? next.fromAnswer(known.nextStep) : null;
      const steps = next.forAnswer(hits).filter((s) => !first || s.url.split('?')[0] !== first.url.split('?')[0]);
      this.setData({
        answer: known ? { question: known.question, text: known.answer,
          basis: (known.articles || []).map((a) => `${a.title || ''}${a.no || ''}`).filter(Boolean).join('、') } : null,
        searched: true,
        services: hits.map((h) => ({ code: h.code, name: h.name, department: h.department, proxyAllowed: h.proxyAllowed,
          url: `/pages/proxy/item?code=${h.code}`, tag: h.proxyAllowed ? '可代办' : '' })),
        laws: lawRows.map(({ law, article, ...row }) => row),
        steps: first ? [first, ...steps] : steps,
      });
    },
  },
});
