// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const next = require('../../utils/nextsteps');

/** One article, whole: its law and version, where it sits, the articles before and after it, and what to do next. */
page({
  data: {
    articleId: '',
    law: /** @type {any} */ (null),
    article: /** @type {any} */ (null),
    paragraphs: /** @type {string[]} */ ([]),
    previous: /** @type {any} */ (null),
    following: /** @type {any} */ (null),
    steps: /** @type {any[]} */ ([]),
    error: '',
    loaded: false,
  },
  methods: {
    onLoad(query) {
      const q = query || {};
      // Links from before article ids (lawId + ordinal) still open: an article's id is its law's id and its place.
      const id = q.articleId ? decodeURIComponent(q.articleId) : q.lawId && q.ordinal ? `${q.lawId}-${q.ordinal}` : '';
      return this.load(id);
    },
    async load(id) {
      if (!id) {
        this.setData({ loaded: true, error: '没有找到这条法律规定，请返回重新搜索。' });
        return;
      }
      const a = await this.act('error', () => api.get(`/search/law-articles/${encodeURIComponent(id)}`, undefined, false));
      if (!a) {
        this.setData({ loaded: true, law: null });
        return;
      }
      const law = a.law || {};
      this.setData({
        loaded: true,
        articleId: a.articleId,
        law: { lawId: law.lawId, title: law.title, effective: law.effective ? fmt.date(law.effective) : '',
          status: law.statusLabel || '现行有效', inForce: law.status === 'current', note: law.statusNote || '',
          currentUrl: law.currentLawId ? `/pages/search/law?lawId=${law.currentLawId}` : '',
          contentsUrl: `/pages/search/law?lawId=${law.lawId}&articleId=${encodeURIComponent(a.articleId)}` },
        article: { no: a.no || '', place: (a.headings || []).join(' · ') },
        paragraphs: String(a.text || '').split(/\n+/).filter(Boolean),
        previous: a.previous ? { id: a.previous.articleId, no: a.previous.no || '上一条' } : null,
        following: a.next ? { id: a.next.articleId, no: a.next.no || '下一条' } : null,
        steps: next.fromServer(a.nextSteps),
      });
    },
    /** Previous or next article: read in place (the way back still leads to the search). */
    turn(e) {
      const id = e.currentTarget.dataset.id;
      if (id) return this.load(id);
      return undefined;
    },
  },
});
