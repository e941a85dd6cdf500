// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');
const store = require('../../utils/store');

page({
  data: { booking: null, hotline: null, banner: '', error: '', actionError: '', cancelling: false, reason: '', loaded: false },
  methods: {
    onLoad(query) {
      this.id = query.id;
      const hotline = store.take('psychology.hotline') || null;
      this.setData({ hotline, banner: query.booked ? '预约成功' : query.changed ? '已改到新的时间' : '' });
      return this.load();
    },
    async load() {
      const b = await this.act('error', () => api.get(`/appointments/bookings/${this.id}`));
      if (!b) return this.setData({ loaded: true });
      const open = b.status === 'CONFIRMED' && Date.parse(b.startsAt) > Date.now();
      this.setData({
        loaded: true,
        booking: {
          id: b.id, service: b.serviceLabel, provider: `${b.providerName}（${b.providerKindLabel}）`, when: fmt.dateTime(b.startsAt),
          until: fmt.time(b.endsAt), mode: b.modeLabel, status: b.statusLabel, tone: b.status === 'CONFIRMED' ? 'ok' : 'done',
          place: b.place ? b.place.name : '', address: b.place && b.place.address ? b.place.address : '', topic: b.topic || '',
          urgent: b.urgent, cancelReason: b.cancelReason || '', open, providerId: b.providerId,
          soon: Date.parse(b.startsAt) - Date.now() < 2 * 3600e3,
          // A legal consultation leads to the legal-aid application made from it, or offers to make one once it took place.
          applicationUrl: b.legalAidApplicationId ? `/pages/legalaid/detail?id=${b.legalAidApplicationId}` : '',
          applyUrl: b.service === 'LEGAL_CONSULTATION' && b.status === 'ATTENDED' && !b.legalAidApplicationId
            ? `/pages/legalaid/apply?consultationId=${b.id}` : '',
        },
      });
    },
    call() {
      wx.makePhoneCall({ phoneNumber: this.data.hotline.number });
    },
    reschedule() {
      wx.navigateTo({ url: `/pages/appointments/provider?id=${this.data.booking.providerId}&reschedule=${this.id}` });
    },
    askCancel() {
      this.setData({ cancelling: true, actionError: '' });
    },
    keep() {
      this.setData({ cancelling: false });
    },
    onReason(e) { this.setData({ reason: e.detail.value }); },
    async cancel() {
      const done = await this.act('actionError', () => api.post(`/appointments/bookings/${this.id}/cancel`, { reason: this.data.reason || undefined }));
      if (done) {
        this.setData({ cancelling: false, banner: '已取消预约' });
        await this.load();
      }
    },
  },
});
