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
      const v = store.village();
      // One call: the nearest providers (my village, township, district, then the city), each with the next free slot.
      const found = await this.act('error', () => api.get('/appointments/providers/nearest', { kind, near: v ? v.code : regions.district(), limit: 10 }));
      if (!found) return this.setData({ loaded: true });
      const rows = found.map((p) => ({
        id: p.id,
        title: p.displayName,
        detail: `${p.proximityLabel} · ${p.place.name}${p.place.address ? ' · ' + p.place.address : ''}`,
        note: p.nextSlot ? `最近可约：${fmt.dateTime(p.nextSlot.startsAt)}` : '近期已约满，可排队等候',
        tag: p.nextSlot ? '可预约' : '已约满',
        tone: p.nextSlot ? 'ok' : 'wait',
        url: `/pages/appointments/provider?id=${p.id}`,
      }));
      this.setData({ providers: rows, loaded: true, area: v ? v.path : '' });
    },
  },
});
