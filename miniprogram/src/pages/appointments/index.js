// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const regions = require('../../utils/regions');
const store = require('../../utils/store');

const KINDS = {
  LAWYER: { title: '法律咨询预约', intro: '公共法律服务站的律师免费为您解答法律问题，可以到场，也可以线上。', empty: '附近暂时没有可预约的律师' },
  COUNSELLOR: { title: '预约心理咨询师', intro: '心理咨询师一对一倾听和帮助您，内容严格保密。', empty: '附近暂时没有可预约的心理咨询师' },
};

page({
  data: { kind: 'LAWYER', title: '', intro: '', empty: '', providers: /** @type {any[]} */ ([]), loaded: false, error: '', area: '' },
  methods: {
    onLoad(query) {
      const kind = query && query.kind === 'COUNSELLOR' ? 'COUNSELLOR' : 'LAWYER';
      this.setData({ kind, ...KINDS[kind] });
      wx.setNavigationBarTitle({ title: KINDS[kind].title });
      return this.load();
    },
    async load() {
      const kind = this.data.kind;
      const found = await this.act('error', async () => {
        // Nearest first: widen from my village until someone is found (no coordinates in the API).
        for (const code of regions.widening()) {
          const list = await api.get('/appointments/providers', { kind, regionCode: code });
          if (list && list.length) return list;
        }
        return [];
      });
      if (!found) return this.setData({ loaded: true });
      const from = fmt.nanningDay(0);
      const to = fmt.nanningDay(13);
      const rows = await Promise.all(found.map(async (p) => {
        const slots = await api.get(`/appointments/providers/${p.id}/slots`, { from, to }).catch(() => null);
        const next = slots && slots[0];
        return {
          id: p.id,
          title: p.displayName,
          detail: `${p.place.name}${p.place.address ? ' · ' + p.place.address : ''}`,
          note: slots === null ? '暂时查不到可约时间' : next ? `最近可约：${fmt.dateTime(next.startsAt)}` : '两周内已约满，可排队等候',
          tag: next ? '可预约' : '已约满',
          tone: next ? 'ok' : 'wait',
          url: `/pages/appointments/provider?id=${p.id}`,
          at: next ? Date.parse(next.startsAt) : Infinity,
        };
      }));
      rows.sort((a, b) => a.at - b.at);
      const v = store.village();
      this.setData({ providers: rows, loaded: true, area: v ? v.path : '' });
    },
  },
});
