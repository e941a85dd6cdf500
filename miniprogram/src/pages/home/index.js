// @ts-check
const { page } = require('../../utils/page');
const store = require('../../utils/store');
const me = require('../../utils/me');

/**
 * My open items from `GET /me` (counts per capability), each leading to its list. Order: what waits for me first.
 * @type {{key: string, title: string, unit: string, url: string, tag?: string, tone: string}[]}
 */
const OPEN_ITEMS = [
  { key: 'legalAidSupplementsRequested', title: '法律援助申请待补充材料', unit: '件', url: '/pages/legalaid/mine', tag: '请补充', tone: 'warn' },
  { key: 'bookings', title: '我的预约', unit: '个即将到来', url: '/pages/appointments/mine', tone: 'ok' },
  { key: 'proxyRequests', title: '代办', unit: '件正在办理', url: '/pages/proxy/index?tab=mine', tone: 'wait' },
  { key: 'legalAidApplications', title: '法律援助申请', unit: '件正在审查', url: '/pages/legalaid/mine', tone: 'wait' },
  { key: 'volunteerSignups', title: '志愿活动', unit: '场已报名', url: '/pages/volunteer/index', tone: 'ok' },
  { key: 'councilMeetings', title: '议事会会议', unit: '场已报名', url: '/pages/council/council', tone: 'ok' },
  { key: 'councilTopics', title: '我提的议题', unit: '个正在议', url: '/pages/council/council', tone: 'wait' },
];

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
    unread: 0,
    partial: false,
    loaded: false,
    error: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onHide() {
      this.hidden = true;
    },
    onShow() {
      const v = store.village();
      this.setData({ village: v ? v.path : '' });
      // Coming back (from the inbox, a detail page): counts may have changed.
      if (this.hidden) {
        this.hidden = false;
        return this.load();
      }
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      const v = store.village();
      this.setData({ village: v ? v.path : '' });
      const mine = await this.act('error', () => me.load());
      if (!mine) return this.setData({ loaded: true });
      const open = mine.openItems || {};
      const items = OPEN_ITEMS.filter((o) => Number(open[o.key]) > 0).map((o) => ({
        key: o.key, title: o.title, detail: `${open[o.key]} ${o.unit}`, tag: o.tag || '', tone: o.tone, url: o.url,
      }));
      const village = mine.homeRegion ? me.villagePath(mine.homeRegion) : (v ? v.path : '');
      this.setData({
        loaded: true,
        items,
        unread: mine.notifications ? Number(mine.notifications.unread) || 0 : 0,
        partial: !mine.complete,
        village,
      });
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
