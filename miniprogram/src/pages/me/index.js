// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const prefs = require('../../utils/prefs');
const subscribe = require('../../utils/subscribe');

page({
  data: {
    signedIn: false,
    phone: '',
    phoneError: '',
    phoneOk: '',
    village: '',
    volunteer: null,
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
      this.setData({ village: v ? v.path : '', signedIn: api.signedIn(), phone: wx.getStorageSync('civic.phone') || '' });
    },
    async load() {
      const v = store.village();
      this.setData({ village: v ? v.path : '', phone: wx.getStorageSync('civic.phone') || '' });
      await this.act('loginError', async () => {
        await api.ensureSession();
        this.setData({ signedIn: true });
      });
      if (!this.data.signedIn) return;
      // Whether I am a volunteer: there is no "me" endpoint (API-GAPS.md), so ask the volunteers module; 404 = no.
      const vol = await api.get('/volunteers/me').catch(() => null);
      const hours = vol ? await api.get('/volunteers/me/hours').catch(() => null) : null;
      this.setData({ volunteer: vol ? { status: vol.statusLabel, star: hours ? hours.starLabel : '', hours: hours ? hours.confirmedHours : 0 } : null });
      const templates = await subscribe.templates();
      this.setData({ subscribeAvailable: templates.length > 0 });
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
        wx.setStorageSync('civic.phone', bound.phone);
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
      wx.removeStorageSync('civic.phone');
      this.setData({ signedIn: false, phone: '', volunteer: null });
    },
  },
});
