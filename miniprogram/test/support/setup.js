/**
 * Staff set-up for the citizen journeys, made through the gateway with the demo staff accounts (README), the way the
 * portal would: places and providers, a service point with its clerk, a council, a station, a team and activities.
 * Each helper finds what an earlier run made before creating anything, so runs on one database do not pile up.
 */
const { ok, call, staff, accountId, children, citizen, idNumber, QINGXIU } = require('./gateway');
const { png } = require('./files');

/** The demo lawyer/counsellor as a provider in 青秀区 working 08:00–20:00 every day, no minimum notice. */
async function provider(username) {
  const counsellor = username === 'counsellor';
  const kind = counsellor ? 'COUNSELLOR' : 'LAWYER';
  const admin = await staff('admin');
  const account = await accountId(username);
  const existing = await ok('GET', `/appointments/providers?kind=${kind}&regionCode=${QINGXIU}`, undefined, admin);
  let found = existing.find((p) => p.accountId === account);
  if (!found) {
    const place = await ok('POST', '/appointments/places', {
      name: counsellor ? '青秀区心理咨询室' : '青秀区公共法律服务中心',
      kind: counsellor ? 'COUNSELLING_ROOM' : 'LEGAL_SERVICE_STATION',
      regionCode: QINGXIU, address: counsellor ? '南宁市青秀区民族大道 100 号' : '南宁市青秀区东葛路 8 号',
    }, admin);
    found = await ok('POST', '/appointments/providers', {
      accountId: account, displayName: counsellor ? '青秀区心理咨询师' : '青秀区法援律师', kind,
      placeId: place.id, slotMinutes: 30, minNoticeMinutes: 0, horizonDays: 14,
    }, admin);
  }
  const windows = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: '08:00', ends: '20:00' }));
  await ok('PUT', `/appointments/providers/${found.id}/plan`, { windows }, admin);
  return found;
}

/** Township and village codes of 青秀区 by position (townshipIndex, villageIndex; negative counts from the end). */
async function village(townshipIndex, villageIndex) {
  const townships = await children(QINGXIU);
  const township = townships[(townshipIndex + townships.length) % townships.length];
  const villages = await children(township.code);
  const v = villages[(villageIndex + villages.length) % villages.length];
  return { district: { code: QINGXIU, name: '青秀区' }, township, village: v };
}

/** A service point in the village offering `itemCodes`, with the demo clerk assigned. */
async function servicePoint(villageCode, itemCodes) {
  const admin = await staff('admin');
  const existing = await ok('GET', `/proxy/points?region=${villageCode}`, undefined, admin);
  let point = existing[0];
  if (!point) {
    point = await ok('POST', '/proxy/points', { regionCode: villageCode, itemCodes, phone: '0771-5551234', address: '社区党群服务中心一楼' }, admin);
  } else {
    await ok('POST', `/proxy/points/${point.id}/items`, { itemCodes }, admin);
  }
  await call('POST', `/proxy/points/${point.id}/staff`, { accountId: await accountId('clerk'), role: 'CLERK' }, admin);
  return point;
}

/** The clerk takes a request through its steps: accept → forward → deliver → archive. */
async function clerkStep(requestId, step) {
  const clerk = await staff('clerk');
  const current = await ok('GET', `/proxy/requests/${requestId}`, undefined, clerk);
  const bodies = {
    accept: { materials: current.materials.map((m) => m.name) },
    forward: { office: '青秀区人力资源和社会保障局', note: '已转交劳动保障监察大队' },
    deliver: { note: '处理结果已送达本人' },
    archive: { note: '材料已归档' },
  };
  return ok('POST', `/proxy/requests/${requestId}/${step}`, bodies[step], clerk);
}

/** The council of a village of 青秀区: an existing one, or a new one in the first village without a council. */
async function council() {
  const convener = await staff('convener');
  const existing = await ok('GET', `/council/councils?region=${QINGXIU}`, undefined, convener);
  if (existing.length) return existing[0];
  for (const township of await children(QINGXIU)) {
    for (const v of await children(township.code)) {
      const r = await call('POST', '/council/councils', {
        regionCode: v.code, name: `${v.name}老友议事会`, charter: '第一条 本议事会由村（居）民代表、老党员、乡贤组成，议事公开、决议公开。',
        rules: { resolutionBody: 'REPRESENTATIVES_MEETING', quorum: { numerator: 2, denominator: 3, comparison: 'AT_LEAST' },
          majority: { numerator: 1, denominator: 2, comparison: 'MORE_THAN' } },
      }, convener);
      if (r.status === 201) return r.json;
      if (r.status !== 409) throw new Error(`council: ${r.status} ${JSON.stringify(r.json)}`);
    }
  }
  throw new Error('every village of 青秀区 has a council');
}

/** The convener accepts a topic, takes it through 四议, publishes the resolution and 40 % progress with a photo. */
async function publishDecision(councilId, topicId, title) {
  const convener = await staff('convener');
  await ok('POST', `/council/topics/${topicId}/accept`, { reason: '符合议事范围，列入议事日程。' }, convener);
  const decision = await ok('POST', `/council/councils/${councilId}/decisions`, { title, matter: title, topicId }, convener);
  const held = new Date(Date.now() - 3600000).toISOString();
  for (const [step, expected, present, votesFor] of [['PROPOSAL', 7, 7, 7], ['COMMITTEES_DISCUSSION', 11, 10, 9],
    ['PARTY_REVIEW', 30, 20, 15], ['RESIDENTS_RESOLUTION', 45, 31, 25]]) {
    await ok('POST', `/council/decisions/${decision.id}/register`, { step, heldAt: held, motionSource: '村党支部委员会',
      expectedAttendance: expected, actualAttendance: present, votesFor, votesAgainst: present - votesFor, votesAbstain: 0 }, convener);
  }
  await ok('POST', `/council/decisions/${decision.id}/resolution`, { content: `同意${title}，由村委会组织实施，资金从村集体经济收益中列支。` }, convener);
  const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  const progress = await ok('POST', `/council/decisions/${decision.id}/progress`, { percent: 40, note: '基础施工已完成，器材已到货。', occurredOn: today }, convener);
  await ok('POST', `/council/decisions/${decision.id}/progress/${progress.progressUpdates[0].id}/photos`,
    { file: { name: 'site.png', type: 'image/png', content: png(64, 48, [30, 120, 60]) } }, convener);
  return decision;
}

/** A meeting of the council tomorrow with the topic on its agenda. */
async function meeting(councilId, topicId) {
  const convener = await staff('convener');
  const start = new Date(Date.now() + 26 * 3600000);
  return ok('POST', `/council/councils/${councilId}/meetings`, { title: '本月议事会议', place: '村委会议室',
    startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7200000).toISOString(), agenda: topicId ? [topicId] : [] }, convener);
}

/** A volunteer station in the township (found or set up by the admin). */
async function station(townshipCode, townshipName) {
  const admin = await staff('admin');
  const existing = await ok('GET', `/volunteers/stations?region=${townshipCode}`, undefined, admin);
  if (existing.length) return existing[0];
  return ok('POST', '/volunteers/stations', { townshipCode, name: `${townshipName}志愿服务站`, address: `${townshipName}综合文化站` }, admin);
}

/** The version of the volunteer consent policy the API serves (a registration must name it). */
async function policyVersion(token) {
  return (await ok('GET', '/volunteers/consent-policy', undefined, token)).version;
}

/** A second citizen registered as a volunteer through the API (a team leader). */
async function volunteer(homeRegion, name = '韦建华') {
  const login = await citizen(`lead${Math.random().toString(36).slice(2, 10)}`);
  for (let i = 0; i < 5; i++) {
    const r = await call('POST', '/volunteers', { realName: name, idNumber: idNumber('19750315'), phone: '13977110001', homeRegion,
      skills: ['巡逻'], sensitiveInfoConsent: true, consentPolicyVersion: await policyVersion(login.accessToken) }, login.accessToken);
    if (r.status === 201) return { token: login.accessToken, volunteer: r.json };
    if (r.status !== 409) throw new Error(`volunteer: ${r.status} ${JSON.stringify(r.json)}`);
  }
  throw new Error('volunteer: id number clashes');
}

/** A team at the station led by a volunteer registered for it. */
async function team(stationId, homeRegion, name) {
  const existing = (await ok('GET', `/volunteers/teams?station=${stationId}`, undefined, await staff('admin'))).find((t) => t.name === name);
  if (existing) return { team: existing, leader: null };
  const leader = await volunteer(homeRegion);
  const t = await ok('POST', '/volunteers/teams', { stationId, name, type: 'PING_AN', leaderVolunteerId: leader.volunteer.id }, await staff('admin'));
  return { team: t, leader };
}

/** The demo organiser publishes an activity in the village. */
async function activity(regionCode, title, startsAt, endsAt, capacity = 10, plannedMinutes = 60) {
  return ok('POST', '/volunteers/activities', { title, description: '协助社区开展活动，请穿志愿者马甲。', regionCode, place: '社区广场',
    startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), plannedMinutes, capacity }, await staff('organizer'));
}

async function checkCode(activityId) {
  return (await ok('GET', `/volunteers/activities/${activityId}/check-code`, undefined, await staff('organizer'))).code;
}

/** What the organiser's check-in screen shows as a QR code now: {payload: "civic-checkin:<activityId>:<code>", code, expiresAt}. */
async function checkInQr(activityId) {
  return ok('GET', `/volunteers/activities/${activityId}/check-in-qr`, undefined, await staff('organizer'));
}

/** Confirmed hours (an organiser's correction with its reason) and a certificate issued by the organiser. */
async function hoursAndCertificate(activityId, volunteerId, minutes) {
  const organizer = await staff('organizer');
  await ok('POST', `/volunteers/activities/${activityId}/hours/corrections`, { volunteerId, minutes, reason: '补录现场服务时长' }, organizer);
  return ok('POST', `/volunteers/${volunteerId}/certificates`, { issuer: '青秀区志愿服务联合会', contact: '0771-5556789' }, organizer);
}

module.exports = { provider, village, servicePoint, clerkStep, council, publishDecision, meeting, station, volunteer, team, activity,
  checkCode, checkInQr, hoursAndCertificate };
