// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const store = require('../../utils/store');
const idcard = require('../../utils/idcard');
const profile = require('../../utils/profile');

page({
  data: {
    provider: null,
    counsellor: false,
    reschedule: '',
    days: /** @type {any[]} */ ([]),
    day: '',
    slots: /** @type {any[]} */ ([]),
    chosen: '',
    chosenText: '',
    mode: 'IN_PERSON',
    topic: '',
    idNumber: '',
    adult: false,
    minor: false,
    guardianName: '',
    guardianRelation: '',
    guardianPhone: '',
    guardianConsent: false,
    screened: false,
    hotline: null,
    error: '',
    bookError: '',
    waitOk: '',
    loaded: false,
    prefilled: false,
  },
  methods: {
    onLoad(query) {
      this.setData({ reschedule: (query && query.reschedule) || '', screened: Boolean(store.peek('psychology.screening')) });
      return this.load(query.id);
    },
    async load(id) {
      const result = await this.act('error', async () => {
        const provider = await api.get(`/appointments/providers/${id}`);
        const slots = await api.get(`/appointments/providers/${id}/slots`, { from: fmt.nanningDay(0), to: fmt.nanningDay(13) });
        return { provider, slots };
      });
      if (!result) return this.setData({ loaded: true });
      const { provider, slots } = result;
      this.allSlots = slots;
      this.place = provider.place;
      const days = [];
      for (let i = 0; i < 14; i++) {
        const day = fmt.nanningDay(i);
        const count = slots.filter((s) => s.startsAt.slice(0, 10) === day).length;
        days.push({ day, label: fmt.day(`${day}T12:00:00+08:00`), count, text: count ? `${count} 个空位` : '已约满' });
      }
      const first = days.find((d) => d.count) || days[0];
      this.setData({
        loaded: true,
        provider: { id: provider.id, name: provider.displayName, kind: provider.kindLabel, place: provider.place.name,
          address: provider.place.address || '', minutes: provider.slotMinutes, phone: provider.place.phone || '',
          hours: provider.place.openingHours || '', mapped: provider.place.latitude != null },
        counsellor: provider.kind === 'COUNSELLOR',
        days,
      });
      if (provider.kind === 'COUNSELLOR') await this.prefill();
      this.pickDay({ currentTarget: { dataset: { day: first.day } } });
    },
    /** The place's phone, as the administrator entered it: one tap to call. */
    call() {
      if (this.data.provider && this.data.provider.phone) wx.makePhoneCall({ phoneNumber: this.data.provider.phone });
    },
    /** The place on WeChat's map, with its name and address. */
    async map() {
      const place = this.place;
      if (!place || place.latitude == null) return;
      wx.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address || '', scale: 16 });
    },
    pickDay(e) {
      const day = e.currentTarget.dataset.day;
      const slots = (this.allSlots || []).filter((s) => s.startsAt.slice(0, 10) === day)
        .map((s) => ({ startsAt: s.startsAt, text: fmt.time(s.startsAt) }));
      this.setData({ day, slots, chosen: '', chosenText: '', waitOk: '' });
    },
    pickSlot(e) {
      const startsAt = e.currentTarget.dataset.at;
      this.setData({ chosen: startsAt, chosenText: fmt.dateTime(startsAt), bookError: '' });
    },
    pickMode(e) {
      this.setData({ mode: e.currentTarget.dataset.mode });
    },
    onTopic(e) { this.setData({ topic: e.detail.value }); },
    onId(e) {
      const idNumber = e.detail.value.trim();
      const age = idcard.age(idNumber);
      this.setData({ idNumber, minor: age !== null && age < 18 });
    },
    /** An adult may book counselling without an ID number; a minor needs it for the guardian's consent. */
    toggleAdult() { this.setData({ adult: !this.data.adult }); },
    /** The ID number from 我的资料, when saved: the minor check follows it. */
    async prefill() {
      const filled = await profile.fill(this, { idNumber: 'idNumber' });
      if (!filled.length) return;
      const age = idcard.age(this.data.idNumber);
      this.setData({ prefilled: true, minor: age !== null && age < 18 });
    },
    onGuardian(e) { this.setData({ [e.currentTarget.dataset.field]: e.detail.value }); },
    toggleGuardianConsent() { this.setData({ guardianConsent: !this.data.guardianConsent }); },
    async book() {
      if (!this.data.chosen) {
        this.setData({ bookError: '请先选择一个时间。' });
        return;
      }
      if (this.data.reschedule) {
        const moved = await this.act('bookError', () => api.post(`/appointments/bookings/${this.data.reschedule}/reschedule`, { startsAt: this.data.chosen }));
        if (moved) wx.redirectTo({ url: `/pages/appointments/detail?id=${moved.id}&changed=1` });
        return;
      }
      if (this.data.counsellor) return this.bookCounsellor();
      const booked = await this.act('bookError', () => api.post('/appointments/legal-aid/consultations', {
        providerId: this.data.provider.id, startsAt: this.data.chosen, mode: this.data.mode, topic: this.data.topic || undefined,
      }));
      if (booked) wx.redirectTo({ url: `/pages/appointments/detail?id=${booked.id}&booked=1` });
    },
    async bookCounsellor() {
      const screening = store.peek('psychology.screening');
      const body = {
        providerId: this.data.provider.id, startsAt: this.data.chosen, mode: this.data.mode, topic: this.data.topic || undefined,
        idNumber: this.data.adult ? undefined : this.data.idNumber, adult: this.data.adult || undefined,
        screening: screening || undefined,
        guardian: this.data.minor && !this.data.adult ? { name: this.data.guardianName, relation: this.data.guardianRelation, phone: this.data.guardianPhone,
          consent: this.data.guardianConsent } : undefined,
      };
      const booked = await this.act('bookError', () => api.post('/appointments/psychology/bookings', body));
      if (booked) {
        store.take('psychology.screening');
        if (booked.crisisHotline) store.put('psychology.hotline', booked.crisisHotline);
        wx.redirectTo({ url: `/pages/appointments/detail?id=${booked.booking.id}&booked=1` });
      }
    },
    async wait() {
      const entry = await this.act('bookError', () => api.post(`/appointments/providers/${this.data.provider.id}/waitlist`, { day: this.data.day }));
      if (entry) this.setData({ waitOk: `已排队，您是第 ${entry.position} 位。有人取消时会通知您。` });
    },
  },
});
