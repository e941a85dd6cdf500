// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const fmt = require('../../utils/format');

/**
 * What the activity's QR code holds: "civic-checkin:<activityId>:<code>" (GET /volunteers/activities/{id}/check-in-qr,
 * shown by the organiser), or the organiser's 6-digit check code alone or inside other text (typed by hand).
 * @returns {{code: string, activityId: string}}
 */
function codeFrom(scanned) {
  const text = String(scanned || '').trim();
  const full = /^civic-checkin:([0-9a-fA-F-]{36}):(\d{6})$/.exec(text);
  if (full) return { activityId: full[1], code: full[2] };
  const groups = text.match(/(?<!\d)\d{6}(?!\d)/g);
  return { activityId: '', code: groups ? groups[groups.length - 1] : '' };
}

/**
 * What the page says of my attendance (GET …/attendance/mine): 签到状态 and 时长.
 * @param {any} m
 */
function attendanceOf(m) {
  let state = '未签到';
  if (m.checkInAt) state = `已签到 ${fmt.time(m.checkInAt)}`;
  if (m.checkOutAt) state = `已签到 ${fmt.time(m.checkInAt)}，已签退 ${fmt.time(m.checkOutAt)}`;
  let hours = '';
  if (m.status === 'CONFIRMED') hours = `已确认 ${fmt.duration(m.recordedMinutes)}`;
  else if (m.status === 'AWAITING_CONFIRMATION') hours = `本次 ${fmt.duration(m.attendedMinutes || 0)}，待组织方确认`;
  else if (m.status === 'NOT_QUALIFIED') hours = `本次 ${fmt.duration(m.attendedMinutes || 0)}，未达到计时要求（至少 ${fmt.duration(m.requiredMinutes)}）`;
  return { status: m.status, state, hours, label: m.statusLabel };
}

page({
  data: { activity: null, signup: null, attendance: null, typed: '', error: '', actionError: '', ok: '', loaded: false },
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
      await this.loadAttendance();
    },
    /** My check-in, check-out and hours at this activity, as the API records them (nothing when not signed up). */
    async loadAttendance() {
      if (!this.data.signup) return this.setData({ attendance: null });
      const mine = await api.get(`/volunteers/activities/${this.id}/attendance/mine`).catch(() => null);
      return this.setData({ attendance: mine ? attendanceOf(mine) : null });
    },
    onCode(e) {
      this.setData({ typed: String(e.detail.value || '').trim() });
    },
    /** A 6-digit code typed by hand: check in, or out once checked in. */
    async submitCode() {
      this.setData({ ok: '', actionError: '' });
      const { code } = codeFrom(this.data.typed);
      if (!code) {
        this.setData({ actionError: '请输入现场出示的 6 位签到码。' });
        return;
      }
      const action = this.data.attendance && this.data.attendance.status === 'CHECKED_IN' ? 'check-out' : 'check-in';
      await this.checkWith(action, this.id, code, null);
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
        // The QR code of another activity: check in there if I hold a place at it, otherwise refuse.
        const mine = await api.get('/volunteers/me/signups', { size: 50 }).then((p) => p.items).catch(() => []);
        const there = mine.find((x) => x.activityId === activityId && x.status === 'CONFIRMED');
        if (!there) {
          this.setData({ actionError: '这是其他活动的签到码，您没有报名该活动或仍在候补，不能签到。请扫描本活动现场的二维码。' });
          return;
        }
        await this.checkWith(action, activityId, code, (there.activity && there.activity.title) || '该活动');
        return;
      }
      await this.checkWith(action, this.id, code, null);
    },
    /** Checks in or out of an activity (this one, or another I signed up for, named by `otherTitle`) with a code. */
    async checkWith(action, activityId, code, otherTitle) {
      const att = await this.act('actionError', () => api.post(`/volunteers/activities/${activityId}/${action}`, { code }));
      if (!att) return;
      const where = otherTitle ? `已在“${otherTitle}”` : '';
      if (action === 'check-in') {
        this.setData({ ok: `${where}签到成功（${fmt.time(att.checkInAt)}）。活动结束时请再扫码签退。`, typed: '' });
      } else {
        const minutes = att.attendedMinutes || 0;
        this.setData({
          ok: att.qualifies ? `${where}签退成功，本次服务 ${fmt.duration(minutes)}，待组织方确认后计入时长。`
            : `${where}签退成功，本次服务 ${fmt.duration(minutes)}，未达到计时要求（至少 ${fmt.duration(att.requiredMinutes)}）。`,
          typed: '',
        });
      }
      if (!otherTitle) await this.loadAttendance();
    },
  },
});
