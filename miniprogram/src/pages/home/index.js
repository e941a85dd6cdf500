// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const fmt = require('../../utils/format');

/** Open items: not yet finished from the citizen's side. */
const CLOSED_PROXY = ['FOLLOWED_UP'];
const OPEN_BOOKING = ['CONFIRMED'];
const CLOSED_APPLICATION = ['REJECTED', 'ASSIGNED'];

page({
  data: {
    q: '',
    village: '',
    entrances: [
      { text: '问法律', sub: '说说遇到的事', url: '/pages/search/index' },
      { text: '法律咨询预约', sub: '免费约律师', url: '/pages/appointments/index' },
      { text: '法律援助申请', sub: '请不起律师可申请', url: '/pages/legalaid/apply' },
      { text: '心理咨询', sub: '先做自测再预约', url: '/pages/psychology/index' },
      { text: '志愿者', sub: '报名活动 记录时长', url: '/pages/volunteer/index' },
      { text: '老友议事会', sub: '村里的事大家议', url: '/pages/council/council' },
      { text: '代办服务', sub: '村里代您跑腿', url: '/pages/proxy/index' },
      { text: '我的预约', sub: '查看、改期、取消', url: '/pages/appointments/mine' },
    ],
    items: /** @type {any[]} */ ([]),
    loaded: false,
    error: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      const v = store.village();
      this.setData({ village: v ? v.path : '' });
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      const v = store.village();
      this.setData({ village: v ? v.path : '' });
      const result = await this.act('error', async () => {
        // Three lists, because the API has no "my open items" (API-GAPS.md); each one that fails alone is left out.
        const [proxy, apps, bookings] = await Promise.all([
          api.get('/proxy/requests/mine').catch(() => []),
          api.get('/appointments/legal-aid/applications/mine').catch(() => []),
          api.get('/appointments/bookings/mine').catch(() => []),
        ]);
        /** @type {any[]} */
        const items = [];
        for (const b of bookings || []) {
          if (OPEN_BOOKING.includes(b.status) && Date.parse(b.endsAt) > Date.now()) {
            items.push({ title: `${b.serviceLabel}：${b.providerName}`, detail: fmt.dateTime(b.startsAt), tag: b.statusLabel, tone: 'ok',
              url: `/pages/appointments/detail?id=${b.id}`, at: Date.parse(b.startsAt) });
          }
        }
        for (const r of proxy || []) {
          if (!CLOSED_PROXY.includes(r.status)) {
            items.push({ title: `代办：${r.itemName}`, detail: `提交于 ${fmt.date(r.createdAt)}`, tag: r.statusLabel, tone: 'wait',
              url: `/pages/proxy/detail?id=${r.id}`, at: Date.parse(r.createdAt) });
          }
        }
        for (const a of apps || []) {
          if (!CLOSED_APPLICATION.includes(a.status)) {
            items.push({ title: '法律援助申请', detail: `${a.caseTypeLabel}`, tag: a.statusLabel, tone: 'wait',
              url: `/pages/legalaid/detail?id=${a.id}`, at: Date.parse(a.submittedOn) });
          }
        }
        return items;
      });
      this.setData({ items: result || [], loaded: true });
    },
    onInput(e) {
      this.setData({ q: e.detail.value });
    },
    search() {
      const q = (this.data.q || '').trim();
      store.put('search.q', q);
      wx.switchTab({ url: '/pages/search/index' });
    },
  },
});
