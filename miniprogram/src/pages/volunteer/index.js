// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

page({
  data: { registered: null, me: null, hours: null, signups: /** @type {any[]} */ ([]), error: '', loaded: false },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const result = await this.act('error', async () => {
        let me = null;
        try {
          me = await api.get('/volunteers/me');
        } catch (e) {
          if (e.status !== 404) throw e; // 404: not registered yet
        }
        if (!me) return { me: null };
        const [hours, signups] = await Promise.all([api.get('/volunteers/me/hours'), api.get('/volunteers/me/signups', { size: 20 })]);
        // Each sign-up carries its activity (title, time, place): no call per activity.
        return { me, hours, signups: signups.items.filter((x) => x.status !== 'CANCELLED').slice(0, 5) };
      });
      if (!result) return this.setData({ loaded: true });
      if (!result.me) return this.setData({ loaded: true, registered: false });
      const { me, hours } = result;
      this.setData({
        loaded: true,
        registered: true,
        me: { name: me.realName || '', status: me.statusLabel, minor: me.minor },
        hours: { total: hours.confirmedHours, star: hours.starLabel, next: hours.nextStarAtHours || '', underNotice: hours.starsUnderNotice,
          unconfirmed: hours.unconfirmedMinutes ? fmt.duration(hours.unconfirmedMinutes) : '' },
        signups: result.signups.map((x) => ({ id: x.id, title: x.activity ? x.activity.title : '志愿活动',
          detail: x.activity ? `${fmt.dateTime(x.activity.startsAt)} · ${x.activity.place}` : '',
          tag: x.status === 'WAITLISTED' ? `候补第 ${x.waitlistNo} 位` : x.statusLabel, tone: x.status === 'CONFIRMED' ? 'ok' : 'wait',
          url: `/pages/volunteer/activity?id=${x.activityId}` })),
      });
    },
  },
});
