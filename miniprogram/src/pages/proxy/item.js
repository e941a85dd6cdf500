// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const catalogue = require('../../utils/catalogue');
const profile = require('../../utils/profile');

page({
  data: {
    item: null, materials: /** @type {string[]} */ ([]), point: null, pointNote: '', village: '',
    forWhom: 'self', residentName: '', residentPhone: '', consent: false, error: '', submitError: '', loaded: false,
    signedIn: false, signInError: '', prefilled: false,
  },
  methods: {
    onLoad(query) {
      this.code = query.code;
      return Promise.all([this.load(), this.prefill()]);
    },
    onShow() {
      const v = store.village();
      if (this.data.loaded && v && v.path !== this.data.village) return this.load();
      return undefined;
    },
    /**
     * The guide is public: the item is read without signing in (a search hit opens here before the resident signed
     * in). Which point proxies it is looked up only once signed in; asking for 代办 is what asks to sign in.
     */
    async load() {
      const v = store.village();
      const signedIn = api.signedIn();
      const result = await this.act('error', async () => {
        const item = await api.get(`/catalogue/items/${encodeURIComponent(this.code)}`, undefined, false);
        let point = null;
        if (item.proxyAllowed && v && signedIn) {
          const points = await api.get('/proxy/points', { region: v.code });
          point = points.find((p) => p.active && (p.itemCodes || []).includes(item.code)) || null;
          if (!point && points.length) return { item, point: null, note: `${points[0].name}暂不代办这项业务，可以咨询代办员。` };
          if (!points.length) return { item, point: null, note: '您所在的村（社区）还没有开通代办服务点。' };
        }
        return { item, point, note: '' };
      });
      if (!result) return this.setData({ loaded: true });
      const { item, point, note } = result;
      this.setData({
        loaded: true,
        signedIn,
        village: v ? v.path : '',
        item: { code: item.code, name: item.name, department: item.department, conditions: item.conditions || '', fee: item.fee || '',
          days: item.timeLimitDays, visits: item.visits, contact: item.contact || '', basis: item.legalBasis || '', proxyAllowed: item.proxyAllowed },
        // The API serves the list (materialsList); the text is split only for an answer without it.
        materials: Array.isArray(item.materialsList) ? item.materialsList : catalogue.materials(item.materials),
        point: point ? { id: point.id, name: point.name, address: point.address || '', phone: point.phone || '' } : null,
        pointNote: note,
      });
    },
    /** 申请代办 needs a signed-in resident: sign in (WeChat, silently), then find the village's point. */
    async signInToApply() {
      const ok = await this.act('signInError', () => api.ensureSession());
      if (ok) await Promise.all([this.load(), this.prefill()]);
    },
    /** Name and phone from 我的资料 for a request of one's own; only once signed in (the guide itself is public). */
    async prefill() {
      if (!api.signedIn()) return;
      const filled = await profile.fill(this, { name: 'residentName', phone: 'residentPhone' });
      if (!filled.length) return;
      this.own = { residentName: this.data.residentName, residentPhone: this.data.residentPhone };
      this.setData({ prefilled: true });
    },
    /** For a family member the citizen's own prefilled data is taken out again, and put back for a request of their own. */
    pickWhom(e) {
      const whom = e.currentTarget.dataset.whom;
      /** @type {Record<string, string>} */
      const update = { forWhom: whom };
      const own = this.own;
      if (own) {
        for (const key of ['residentName', 'residentPhone']) {
          const current = this.data[key];
          if (whom === 'family' && current === own[key]) update[key] = '';
          if (whom === 'self' && !String(current || '').trim()) update[key] = own[key];
        }
      }
      this.setData(update);
    },
    onInput(e) { this.setData({ [e.currentTarget.dataset.field]: e.detail.value }); },
    toggleConsent() { this.setData({ consent: !this.data.consent }); },
    callPoint() { wx.makePhoneCall({ phoneNumber: this.data.point.phone }); },
    async submit() {
      if (!this.data.consent) {
        this.setData({ submitError: '请确认委托代办员为您办理。' });
        return;
      }
      const r = await this.act('submitError', () => api.post('/proxy/requests', {
        pointId: this.data.point.id, itemCode: this.data.item.code, residentName: this.data.residentName.trim(),
        residentPhone: this.data.residentPhone.trim(), consent: true, consentChannel: 'MINI_PROGRAM',
      }));
      if (r) wx.redirectTo({ url: `/pages/proxy/detail?id=${r.id}&submitted=1` });
    },
  },
});
