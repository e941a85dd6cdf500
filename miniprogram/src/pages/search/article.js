// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const fmt = require('../../utils/format');
const next = require('../../utils/nextsteps');

page({
  data: {
    law: null,
    article: null,
    paragraphs: /** @type {string[]} */ ([]),
    services: /** @type {any[]} */ ([]),
    steps: /** @type {any[]} */ ([]),
    error: '',
    loaded: false,
  },
  methods: {
    onLoad(query) {
      return this.load(query || {});
    },
    async load(query) {
      const key = `${query.lawId}-${query.ordinal}`;
      // The API has no article endpoint (API-GAPS.md): the article comes from the search that led here, or is found
      // again by searching its question.
      let row = (store.peek('search.laws') || []).find((r) => r.key === key);
      if (!row && query.q) {
        const laws = await this.act('error', () => api.get('/search/laws', { q: decodeURIComponent(query.q), page: 0, size: 10, perLaw: 5 }, false));
        for (const law of (laws && laws.laws) || []) {
          for (const a of law.articles || []) if (`${law.lawId}-${a.ordinal}` === key) row = { law, article: a };
        }
      }
      if (!row) {
        this.setData({ loaded: true, error: this.data.error || '没有找到这条法律规定，请返回重新搜索。' });
        return;
      }
      const { law, article } = row;
      const paragraphs = (article.snippets || []).map((s) => String(s).replace(/<\/?em>/g, '')).join('\n').split(/\n+/).filter(Boolean);
      const citing = await api.get(`/search/laws/${law.lawId}/services`, undefined, false).catch(() => null);
      const services = (citing && citing.services) || [];
      this.setData({
        loaded: true,
        law: { title: law.title, issuer: law.issuer || '', effective: law.effective ? fmt.date(law.effective) : '',
          status: law.status === 'current' ? '现行有效' : '已修改或废止' },
        article: { no: article.no, chapter: article.chapter || '' },
        paragraphs,
        services: services.map((s) => ({ code: s.code, name: s.name, department: s.department, url: `/pages/proxy/item?code=${s.code}`,
          tag: s.proxyAllowed ? '可代办' : '' })),
        steps: next.forAnswer(services),
      });
    },
  },
});
