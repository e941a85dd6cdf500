// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const me = require('../../utils/me');
const prefs = require('../../utils/prefs');
const subscribe = require('../../utils/subscribe');

/** "2 件正在办理", or '' when none (or unknown) @param {Record<string, number>|null} items @param {string} key @param {string} words */
function count(items, key, words) {
  const n = items ? Number(items[key]) || 0 : 0;
  return n > 0 ? `${n} ${words}` : '';
}

page({
  data: {
    signedIn: false,
    phone: '',
    phoneError: '',
    phoneOk: '',
    village: '',
    volunteer: null,
    unread: 0,
    open: { bookings: '', legalAid: '', proxy: '' },
    partial: false,
    meError: '',
    loginError: '',
    subscribeText: '',
    subscribeError: '',
    subscribeAvailable: false,
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      const v = store.village();
      this.setData({ village: v ? v.path : '', signedIn: api.signedIn() });
      if (this.hidden && this.data.signedIn) {
        this.hidden = false;
        return this.refresh();
      }
      return undefined;
    },
    onHide() {
      this.hidden = true;
    },
    async load() {
      const v = store.village();
      this.setData({ village: v ? v.path : '' });
      await this.act('loginError', async () => {
        await api.ensureSession();
        this.setData({ signedIn: true });
      });
      if (!this.data.signedIn) return;
      await this.refresh();
      const templates = await subscribe.templates();
      this.setData({ subscribeAvailable: templates.length > 0 });
    },
    /** Phone, volunteer standing, home village and unread notices: one call (`GET /me`). */
    async refresh() {
      const mine = await this.act('meError', () => me.load());
      if (!mine) return;
      const vol = mine.volunteer && mine.volunteer.registered ? mine.volunteer : null;
      this.setData({
        phone: mine.phone && mine.phone.bound ? mine.phone.masked || '' : '',
        village: mine.homeRegion ? me.villagePath(mine.homeRegion) : this.data.village,
        volunteer: vol ? { star: vol.starLabel || '尚未评星', hours: vol.confirmedHours, upcoming: vol.upcomingSignups } : null,
        unread: mine.notifications ? Number(mine.notifications.unread) || 0 : 0,
        open: {
          bookings: count(mine.openItems, 'bookings', '个即将到来'),
          legalAid: count(mine.openItems, 'legalAidApplications', '件正在审查'),
          proxy: count(mine.openItems, 'proxyRequests', '件正在办理'),
        },
        partial: !mine.complete,
      });
    },
    async relogin() {
      await this.act('loginError', async () => {
        await api.login();
        this.setData({ signedIn: true });
      });
    },
    /** getPhoneNumber button: WeChat hands over a one-time code, the gateway exchanges it and answers the masked number. */
    async onPhone(e) {
      this.setData({ phoneError: '', phoneOk: '' });
      const code = e && e.detail && e.detail.code;
      if (!code) {
        this.setData({ phoneError: '您没有同意使用手机号。需要时可以再点一次。' });
        return;
      }
      const bound = await this.act('phoneError', () => api.post('/auth/wechat/phone', { code }));
      if (bound) {
        this.setData({ phone: bound.phone, phoneOk: `已绑定手机号 ${bound.phone}` });
      }
    },
    toggleLarge() {
      prefs.setLarge(!this.data.large);
      this.applyPrefs();
    },
    async askSubscribe() {
      const outcome = await this.act('subscribeError', () => subscribe.ask());
      if (outcome) this.setData({ subscribeText: outcome });
    },
    logout() {
      api.logout();
      this.setData({ signedIn: false, phone: '', volunteer: null, unread: 0 });
    },
  },
});
