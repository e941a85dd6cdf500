// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

/** A law's table of contents: its version, its other versions, its chapters and the articles under each (numbers only). */
page({
  data: {
    law: /** @type {any} */ (null),
    versions: /** @type {any[]} */ ([]),
    sections: /** @type {any[]} */ ([]),
    error: '',
    loaded: false,
  },
  methods: {
    onLoad(query) {
      const q = query || {};
      return this.load(q.lawId ? decodeURIComponent(q.lawId) : '', q.articleId ? decodeURIComponent(q.articleId) : '');
    },
    async load(lawId, from) {
      if (!lawId) {
        this.setData({ loaded: true, error: '没有找到这部法规，请返回重新搜索。' });
        return;
      }
      const law = await this.act('error', () => api.get(`/search/laws/${encodeURIComponent(lawId)}`, undefined, false));
      if (!law) {
        this.setData({ loaded: true });
        return;
      }
      this.setData({
        loaded: true,
        law: { title: law.title, issuer: law.issuer || '', effective: law.effective ? fmt.date(law.effective) : '',
          status: law.statusLabel || '现行有效', inForce: law.status === 'current', note: law.statusNote || '',
          count: law.articleCount || 0,
          currentUrl: law.currentLawId ? `/pages/search/law?lawId=${law.currentLawId}` : '' },
        versions: (law.otherVersions || []).map((v) => ({ lawId: v.lawId,
          title: v.effectiveOn ? `${fmt.date(v.effectiveOn)}施行的版本` : '另一个版本', tag: v.statusLabel,
          tone: v.status === 'current' ? 'ok' : 'warn', url: `/pages/search/law?lawId=${v.lawId}` })),
        sections: (law.contents || []).map((s, i) => ({ key: `s${i}`, heading: (s.headings || []).join(' · ') || '正文',
          articles: (s.articles || []).map((a) => ({ id: a.articleId, no: a.no || `第 ${a.ordinal} 条`, here: a.articleId === from,
            url: `/pages/search/article?articleId=${encodeURIComponent(a.articleId)}` })) })),
      });
    },
  },
});
