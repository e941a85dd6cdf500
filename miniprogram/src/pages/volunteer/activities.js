// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const store = require('../../utils/store');
const regions = require('../../utils/regions');

page({
  data: { items: /** @type {any[]} */ ([]), area: '', loaded: false, error: '' },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const v = store.village();
      const list = await this.act('error', async () => {
        // Activities accept a village, township or district code: the nearest area that has any.
        for (const code of regions.widening().slice(0, 3)) {
          const found = await api.get('/volunteers/activities', { region: code, size: 50 });
          if (found.items.length) return found.items;
        }
        return [];
      });
      this.setData({
        loaded: true,
        area: v ? v.path : '',
        items: (list || []).map((a) => ({ id: a.id, title: a.title, detail: `${fmt.dateTime(a.startsAt)} · ${a.place}`,
          note: a.remaining > 0 ? `还有 ${a.remaining} 个名额` : '名额已满，可报名候补',
          tag: a.remaining > 0 ? '可报名' : '可候补', tone: a.remaining > 0 ? 'ok' : 'wait', url: `/pages/volunteer/activity?id=${a.id}` })),
      });
    },
  },
});
