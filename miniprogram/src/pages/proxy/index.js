// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const catalogue = require('../../utils/catalogue');

page({
  data: { tab: 'guide', groups: /** @type {any[]} */ ([]), open: '', mine: /** @type {any[]} */ ([]), error: '', loaded: false },
  methods: {
    onLoad(query) {
      this.setData({ tab: query && query.tab === 'mine' ? 'mine' : 'guide' });
      return this.load();
    },
    async load() {
      const result = await this.act('error', async () => {
        const [items, categories, mine] = await Promise.all([api.get('/catalogue/items', { page: 0, size: 100 }),
          api.get('/catalogue/categories'), api.get('/proxy/requests/mine', { page: 0, size: 50 })]);
        return { items: items.items || [], categories: categories.items || [], mine: mine.items };
      });
      if (!result) return this.setData({ loaded: true });
      const groups = catalogue.group(result.items.filter((i) => !i.retired), result.categories).map((g) => ({
        name: g.name, count: g.items.length,
        items: g.items.map((i) => ({ code: i.code, title: i.name, detail: i.department, tag: i.proxyAllowed ? '可代办' : '', url: `/pages/proxy/item?code=${i.code}` })),
      }));
      this.setData({
        loaded: true,
        groups,
        open: this.data.open || (groups[0] ? groups[0].name : ''),
        mine: result.mine.map((r) => ({ id: r.id, title: r.itemName, detail: `提交于 ${fmt.date(r.createdAt)}${r.receiptNo ? ' · 回执 ' + r.receiptNo : ''}`,
          tag: r.statusLabel, tone: r.status === 'FOLLOWED_UP' || r.status === 'WITHDRAWN' ? 'done' : r.status === 'ARCHIVED' ? 'warn' : 'wait',
          note: r.status === 'ARCHIVED' ? '已办结，请评价' : r.overdue ? '已超过转办期限，代办员正在跟进' : '', url: `/pages/proxy/detail?id=${r.id}` })),
      });
    },
    pickTab(e) { this.setData({ tab: e.currentTarget.dataset.tab }); },
    toggle(e) {
      const name = e.currentTarget.dataset.name;
      this.setData({ open: this.data.open === name ? '' : name });
    },
  },
});
