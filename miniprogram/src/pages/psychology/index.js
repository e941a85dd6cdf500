// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const s = require('../../utils/screening');

function questions() {
  return [
    ...s.PHQ9.map((text, i) => ({ key: `p${i}`, set: 'phq9', index: i, no: i + 1, text, answer: -1 })),
    ...s.GAD7.map((text, i) => ({ key: `g${i}`, set: 'gad7', index: i, no: s.PHQ9.length + i + 1, text, answer: -1 })),
  ];
}

page({
  data: {
    options: s.OPTIONS,
    questions: questions(),
    hotline: /** @type {any} */ (null),
    result: /** @type {any} */ (null),
    error: '',
    missing: '',
  },
  methods: {
    onLoad() {
      this.setData({ questions: questions(), hotline: null, result: null });
    },
    answer(e) {
      const { key, value } = e.currentTarget.dataset;
      const qs = this.data.questions.map((q) => (q.key === key ? { ...q, answer: Number(value) } : q));
      const update = { questions: qs, missing: '' };
      // A risky answer shows the hotline at once, above everything else, before any request is sent.
      const risky = qs.find((q) => q.set === 'phq9' && q.index === s.RISK_ITEM && q.answer > 0);
      if (risky && !this.data.hotline) {
        update.hotline = { number: s.HOTLINE, name: '全国心理援助热线',
          message: `如果您有伤害自己的想法，请立即拨打全国心理援助热线 ${s.HOTLINE}（24 小时），或拨打 110、120 求助。` };
      }
      this.setData(update);
      if (risky) wx.pageScrollTo && wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },
    call() {
      wx.makePhoneCall({ phoneNumber: this.data.hotline ? this.data.hotline.number : s.HOTLINE });
    },
    async submit() {
      const qs = this.data.questions;
      const open = qs.filter((q) => q.answer < 0);
      if (open.length) {
        this.setData({ missing: `还有 ${open.length} 题没有选择（第 ${open.map((q) => q.no).join('、')} 题）。` });
        return;
      }
      const answers = { phq9: qs.filter((q) => q.set === 'phq9').map((q) => q.answer), gad7: qs.filter((q) => q.set === 'gad7').map((q) => q.answer) };
      const r = await this.act('error', () => api.post('/appointments/psychology/screening', answers));
      if (!r) return;
      store.put('psychology.screening', answers);
      this.setData({
        hotline: r.crisisHotline || this.data.hotline,
        result: { phq9: `${r.result.phq9Level}（${r.result.phq9Score} 分）`, gad7: r.result.gad7Level ? `${r.result.gad7Level}（${r.result.gad7Score} 分）` : '', risk: r.result.risk },
      });
    },
    book() {
      wx.navigateTo({ url: '/pages/appointments/index?kind=COUNSELLOR' });
    },
    again() {
      store.take('psychology.screening');
      this.setData({ questions: questions(), result: null, hotline: null });
    },
  },
});
