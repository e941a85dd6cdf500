// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const nav = require('../../utils/nav');

const SIZE = 20;

/**
 * The page a notice links to ("pages/proxy/detail?id=…", as the API stores it) as an absolute mini-program URL, or ''
 * when it names none of our pages.
 * @param {string|null|undefined} link
 */
function target(link) {
  if (!link) return '';
  const url = `/${String(link).replace(/^\/+/, '')}`;
  return /^\/pages\/[a-z-]+\/[a-z-]+(\?.*)?$/.test(url) ? url : '';
}

/** @param {any} n a notice as `GET /me/notifications` serves it */
function row(n) {
  return { id: n.id, title: n.title, body: n.body || '', when: fmt.dateTime(n.createdAt), read: Boolean(n.read), url: target(n.page) };
}

/** 我的通知: my in-app notices, newest first, read or not in words; opening one marks it read and goes where it points. */
page({
  data: { items: /** @type {any[]} */ ([]), page: 0, total: 0, unread: 0, unreadOnly: false, more: false, loaded: false, error: '', readError: '' },
  methods: {
    onLoad() {
      return this.reload();
    },
    onPullDownRefresh() {
      return this.reload().then(() => wx.stopPullDownRefresh());
    },
    /** The first page again (after a pull-down or a failure). */
    reload() {
      return this.fetch(0);
    },
    /** "全部" or "只看未读" */
    pickFilter(e) {
      const unreadOnly = e.currentTarget.dataset.only === 'unread';
      if (unreadOnly === this.data.unreadOnly) return undefined;
      this.setData({ unreadOnly, items: [], loaded: false });
      return this.fetch(0);
    },
    loadMore() {
      if (this.data.busy || !this.data.more) return undefined;
      return this.fetch(this.data.page + 1);
    },
    /** @param {number} p page number from 0 */
    async fetch(p) {
      const answer = await this.act('error', () => api.get('/me/notifications', { unread: this.data.unreadOnly ? true : undefined, page: p, size: SIZE }));
      if (!answer) return this.setData({ loaded: true });
      const fresh = (answer.items || []).map(row);
      // A notice that arrived since the last page shifts the list: keep each notice once.
      const kept = p === 0 ? [] : this.data.items;
      const seen = new Set(kept.map((n) => n.id));
      const items = kept.concat(fresh.filter((n) => !seen.has(n.id)));
      this.setData({ items, page: p, total: answer.total, unread: answer.unread, more: items.length < answer.total && fresh.length > 0, loaded: true });
      return undefined;
    },
    async openNotice(e) {
      const id = e.currentTarget.dataset.id;
      const index = this.data.items.findIndex((n) => n.id === id);
      if (index < 0) return;
      const notice = this.data.items[index];
      this.setData({ readError: '' });
      if (!notice.read) {
        const done = await this.act('readError', () => api.post(`/me/notifications/${id}/read`));
        if (!done) return;
        this.setData({ [`items[${index}].read`]: true, unread: Math.max(0, this.data.unread - 1) });
      }
      if (notice.url) nav.go(notice.url);
    },
  },
});
