// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

page({
  data: { upcoming: /** @type {any[]} */ ([]), past: /** @type {any[]} */ ([]), loaded: false, error: '' },
  methods: {
    onLoad() {
      return this.load();
    },
    async load() {
      const found = await this.act('error', () => api.get('/appointments/bookings/mine', { page: 0, size: 50 }));
      if (!found) return this.setData({ loaded: true });
      const list = found.items;
      const now = Date.now();
      const row = (b) => ({
        id: b.id,
        title: `${b.serviceLabel} · ${b.providerName}`,
        detail: `${fmt.dateTime(b.startsAt)} · ${b.modeLabel}`,
        note: b.place ? b.place.name : '',
        tag: b.statusLabel,
        tone: b.status === 'CONFIRMED' ? 'ok' : b.status === 'CANCELLED' || b.status === 'NO_SHOW' ? 'done' : 'done',
        url: `/pages/appointments/detail?id=${b.id}`,
      });
      this.setData({
        loaded: true,
        upcoming: list.filter((b) => b.status === 'CONFIRMED' && Date.parse(b.endsAt) > now).map(row),
        past: list.filter((b) => !(b.status === 'CONFIRMED' && Date.parse(b.endsAt) > now)).map(row),
      });
    },
  },
});
