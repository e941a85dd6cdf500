// @ts-check
/** Times as people in Nanning read them (UTC+8, no daylight saving), whatever offset the API used. */
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EIGHT_HOURS = 8 * 3600 * 1000;

/** @param {string|undefined|null} iso */
function local(iso) {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + EIGHT_HOURS);
}

const pad = (/** @type {number} */ n) => (n < 10 ? `0${n}` : `${n}`);

/** "12月7日 周一 09:00" */
function dateTime(iso) {
  const d = local(iso);
  if (!d) return '';
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "09:00" */
function time(iso) {
  const d = local(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** "2026年12月7日" for an instant or a bare YYYY-MM-DD */
function date(isoOrDay) {
  if (!isoOrDay) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoOrDay);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const d = local(isoOrDay);
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : '';
}

/** "12月7日 周一" for a slot's day grouping */
function day(iso) {
  const d = local(iso);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}` : '';
}

/** Today in Nanning as YYYY-MM-DD, plus `days`. */
function nanningDay(days = 0) {
  const d = new Date(Date.now() + EIGHT_HOURS + days * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Minutes as "2 小时 30 分钟" */
function duration(minutes) {
  const m = Math.max(0, Math.round(Number(minutes) || 0));
  const h = Math.floor(m / 60);
  if (!h) return `${m} 分钟`;
  return m % 60 ? `${h} 小时 ${m % 60} 分钟` : `${h} 小时`;
}

/** Law/article snippets carry <em> marks and newlines: plain text for people (the marks become 【】-free text). */
function plain(snippet) {
  return String(snippet || '').replace(/<\/?em>/g, '').replace(/\s*\n\s*/g, ' ').trim();
}

module.exports = { dateTime, time, date, day, nanningDay, duration, plain, local };
