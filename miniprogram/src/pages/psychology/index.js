// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const s = require('../../utils/screening');

/** @param {any} served the questions as `GET /appointments/psychology/screening/questions` serves them */
function questions(served) {
  if (!served) return [];
  const phq9 = (served.phq9 && served.phq9.items) || [];
  const gad7 = (served.gad7 && served.gad7.items) || [];
  return [
    ...phq9.map((q, i) => ({ key: `p${q.no}`, set: 'phq9', no: i + 1, itemNo: q.no, text: q.text, answer: -1 })),
    ...gad7.map((q, i) => ({ key: `g${q.no}`, set: 'gad7', no: phq9.length + i + 1, itemNo: q.no, text: q.text, answer: -1 })),
  ];
}

page({
  data: {
    instructions: '',
    options: /** @type {{value: number, label: string}[]} */ ([]),
    questions: /** @type {any[]} */ ([]),
    hotline: /** @type {any} */ (null),
    fallbackHotline: s.HOTLINE,
    result: /** @type {any} */ (null),
    error: '',
    loadError: '',
    missing: '',
    loaded: false,
  },
  methods: {
    onLoad() {
      this.setData({ hotline: null, result: null });
      return this.loadQuestions();
    },
    async loadQuestions() {
      const served = await this.act('loadError', () => api.get('/appointments/psychology/screening/questions'));
      if (!served) return this.setData({ loaded: true });
      this.served = served;
      const scale = (served.scale || []).slice().sort((a, b) => a.value - b.value);
      this.setData({ loaded: true, instructions: served.instructions || '', options: scale, questions: questions(served) });
      return undefined;
    },
    answer(e) {
      const { key, value } = e.currentTarget.dataset;
      const qs = this.data.questions.map((q) => (q.key === key ? { ...q, answer: Number(value) } : q));
      /** @type {Record<string, any>} */
      const update = { questions: qs, missing: '' };
      // A risky answer shows the hotline at once, above everything else, before any request is sent.
      const risky = qs.find((q) => q.set === 'phq9' && q.itemNo === s.RISK_ITEM_NO && q.answer > 0);
      if (risky && !this.data.hotline) update.hotline = (this.served && this.served.hotline) || s.HOTLINE;
      this.setData(update);
      if (risky) wx.pageScrollTo && wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },
    call(e) {
      const shown = this.data.hotline || s.HOTLINE;
      wx.makePhoneCall({ phoneNumber: shown.number });
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
      this.setData({ questions: questions(this.served), result: null, hotline: null });
    },
  },
});
