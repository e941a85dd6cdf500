// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

/**
 * What the activity's QR code holds: "civic-checkin:<activityId>:<code>", or the organiser's 6-digit check code alone
 * or inside other text. The API has no QR payload of its own (API-GAPS.md).
 * @returns {{code: string, activityId: string}}
 */
function codeFrom(scanned) {
  const text = String(scanned || '').trim();
  const full = /^civic-checkin:([0-9a-fA-F-]{36}):(\d{6})$/.exec(text);
  if (full) return { activityId: full[1], code: full[2] };
  const groups = text.match(/(?<!\d)\d{6}(?!\d)/g);
  return { activityId: '', code: groups ? groups[groups.length - 1] : '' };
}

page({
  data: { activity: null, signup: null, attendance: null, error: '', actionError: '', ok: '', loaded: false },
  methods: {
    onLoad(query) {
      this.id = query.id;
      return this.load();
    },
    async load() {
      const result = await this.act('error', async () => {
        const a = await api.get(`/volunteers/activities/${this.id}`);
        const mine = await api.get('/volunteers/me/signups', { size: 50 }).then((p) => p.items).catch(() => []);
        return { a, signup: mine.find((x) => x.activityId === this.id && x.status !== 'CANCELLED') || null };
      });
      if (!result) return this.setData({ loaded: true });
      const { a, signup } = result;
      const now = Date.now();
      this.setData({
        loaded: true,
        activity: { title: a.title, description: a.description || '', when: `${fmt.dateTime(a.startsAt)} 至 ${fmt.dateTime(a.endsAt)}`,
          place: a.place, planned: fmt.duration(a.plannedMinutes), capacity: a.capacity, remaining: a.remaining,
          skills: (a.requiredSkills || []).join('、'), minors: a.suitableForMinors, started: Date.parse(a.startsAt) <= now,
          running: Date.parse(a.startsAt) <= now && now < Date.parse(a.endsAt), ended: Date.parse(a.endsAt) <= now },
        signup: signup ? { status: signup.status, label: signup.status === 'WAITLISTED' ? `候补第 ${signup.waitlistNo} 位` : signup.statusLabel } : null,
      });
    },
    async signUp() {
      const s = await this.act('actionError', () => api.post(`/volunteers/activities/${this.id}/signups`, {}));
      if (s) {
        this.setData({ ok: s.status === 'WAITLISTED' ? `名额已满，已为您候补，第 ${s.waitlistNo} 位。有人取消时自动补上。` : '报名成功，请按时参加。' });
        await this.load();
      }
    },
    async cancel() {
      const s = await this.act('actionError', () => api.post(`/volunteers/activities/${this.id}/signups/cancellation`, {}));
      if (s) {
        this.setData({ ok: '已取消报名。' });
        await this.load();
      }
    },
    async scan(e) {
      const action = e.currentTarget.dataset.action; // check-in | check-out
      this.setData({ ok: '', actionError: '' });
      const scanned = await new Promise((resolve) => {
        wx.scanCode({ onlyFromCamera: true, scanType: ['qrCode'], success: (r) => resolve(r.result), fail: () => resolve(null) });
      });
      if (scanned === null) return;
      const { code, activityId } = codeFrom(scanned);
      if (!code) {
        this.setData({ actionError: '没有识别到签到码，请扫描组织方出示的活动签到二维码。' });
        return;
      }
      if (activityId && activityId !== this.id) {
        this.setData({ actionError: '这是其他活动的签到码，请扫描本活动现场的二维码。' });
        return;
      }
      const att = await this.act('actionError', () => api.post(`/volunteers/activities/${this.id}/${action}`, { code }));
      if (!att) return;
      if (action === 'check-in') {
        this.setData({ ok: `签到成功（${fmt.time(att.checkInAt)}）。活动结束时请再扫码签退。`, attendance: { in: fmt.time(att.checkInAt) } });
      } else {
        const minutes = att.attendedMinutes || 0;
        this.setData({
          ok: att.qualifies ? `签退成功，本次服务 ${fmt.duration(minutes)}，待组织方确认后计入时长。`
            : `签退成功，本次服务 ${fmt.duration(minutes)}，未达到计时要求（至少 ${fmt.duration(att.requiredMinutes)}）。`,
          attendance: { in: fmt.time(att.checkInAt), out: fmt.time(att.checkOutAt) },
        });
      }
    },
  },
});
