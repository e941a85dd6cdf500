/** API answers shaped as the gateway gives them (captured from the running platform), for unit tests. */
const soon = (h) => new Date(Date.now() + h * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');
const place = { id: 'pl1', name: '青秀区公共法律服务中心', kind: 'LEGAL_SERVICE_STATION', kindLabel: '公共法律服务站', regionCode: '450103', regionName: '青秀区', address: '南宁市青秀区东葛路 8 号', active: true };
const provider = { id: 'pr1', accountId: 'acc-x', displayName: '青秀区法援律师', kind: 'LAWYER', kindLabel: '律师', service: 'LEGAL_CONSULTATION', place, slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 14, active: true, plan: [] };
const counsellor = { ...provider, id: 'pr2', displayName: '青秀区心理咨询师', kind: 'COUNSELLOR', kindLabel: '心理咨询师', service: 'PSYCHOLOGY', place: { ...place, name: '青秀区心理咨询室' } };
const day = (d) => new Date(Date.now() + 8 * 3600e3 + d * 86400e3).toISOString().slice(0, 10);
const slot = (d, hh) => ({ startsAt: `${day(d)}T${hh}:00+08:00`, endsAt: `${day(d)}T${hh.slice(0, 2)}:30:00+08:00` });
const booking = (o = {}) => ({ id: 'b1', providerId: 'pr1', providerName: '青秀区法援律师', providerKind: 'LAWYER', providerKindLabel: '律师', service: 'LEGAL_CONSULTATION', serviceLabel: '法律咨询',
  mode: 'IN_PERSON', modeLabel: '到场', startsAt: soon(30), endsAt: soon(30.5), status: 'CONFIRMED', statusLabel: '已预约', topic: '工资被拖欠', urgent: false, place, citizenAccountId: 'c', createdAt: soon(-1), ...o });
const application = (o = {}) => ({ id: 'a1', status: 'UNDER_REVIEW', statusLabel: '审查中', regionCode: '450103', regionName: '青秀区', applicantName: '黄**', idNumber: '4501**********5592', phone: '139****9876',
  caseType: 'LABOUR', caseTypeLabel: '请求确认劳动关系或者支付劳动报酬', otherParty: '某公司', description: '拖欠工资两万元', exemptGround: 'ART42_MIGRANT_WORKER_WAGES_OR_INJURY',
  exemptGroundLabel: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员', exemptGroundArticle: '第四十二条', submittedOn: '2026-12-07', decisionDue: '2026-12-16', clockPaused: false, overdue: false, ...o });
const request = (o = {}) => ({ id: 'r1', receiptNo: 'DB20261207-000001', pointId: 'pt1', regionCode: '450103002001', itemCode: 'NN-LD-001', itemName: '拖欠工资投诉（劳动保障监察）', residentName: '黄**', residentPhone: '139****9876',
  consentChannel: 'MINI_PROGRAM', status: 'ACCEPTED', statusLabel: '已受理', createdAt: '2026-12-06T19:45:35Z', forwardDue: '2026-12-10', overdue: false,
  materials: [{ name: '投诉书', ticked: true, uploaded: false, uploads: [] }, { name: '身份证件', ticked: false, uploaded: false, uploads: [] }],
  timeline: [{ status: 'AUTHORISED', statusLabel: '已委托', note: '居民在小程序提交委托', actorName: '本人', occurredAt: '2026-12-06T19:45:35Z' },
    { status: 'ACCEPTED', statusLabel: '已受理', note: '受理，回执编号 DB20261207-000001', actorName: '那洪村代办员', occurredAt: '2026-12-06T20:00:00Z' }],
  children: [], point: { id: 'pt1', name: '新兴苑社区便民服务点', phone: '0771-5551234', address: '社区党群服务中心一楼' }, expectedBy: '2027-01-08', ...o });
const point = { id: 'pt1', regionCode: '450103002001', name: '新兴苑社区便民服务点', address: '社区党群服务中心一楼', phone: '0771-5551234', active: true, itemCodes: ['NN-LD-001'], staff: [] };
const item = { code: 'NN-LD-001', name: '拖欠工资投诉（劳动保障监察）', category: 'LD', categoryLabel: '劳动维权', type: '行政检查', department: '区县人力资源和社会保障局劳动保障监察机构', implementingLevel: '区县级',
  legalBasis: '《保障农民工工资支付条例》；《中华人民共和国劳动法》', conditions: '用人单位拖欠或克扣劳动者工资', materials: '投诉书；身份证件；劳动合同、考勤记录、工资条等能证明劳动关系和欠薪的材料',
  materialsList: ['投诉书', '身份证件', '劳动合同、考勤记录、工资条等能证明劳动关系和欠薪的材料'],
  fee: '不收费', timeLimitDays: 20, visits: 0, proxyAllowed: true, contact: '12333', retired: false, version: 1, updatedAt: '2026-12-06T19:40:07Z' };
const activity = (o = {}) => ({ id: 'ac1', title: '社区义诊引导', description: '协助社区开展活动。', regionCode: '450103002001', place: '社区广场', startsAt: soon(48), endsAt: soon(50),
  plannedMinutes: 120, capacity: 10, confirmed: 3, remaining: 7, requiredSkills: [], suitableForMinors: false, status: 'PUBLISHED', ...o });
const village = { code: '450103002001', name: '新兴苑社区居委会', path: '青秀区 中山街道 新兴苑社区居委会' };

/** A valid ID number (GB 11643 check character) of someone born on yyyymmdd. */
function id(yyyymmdd) {
  const first17 = `450103${yyyymmdd}001`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i];
  return first17 + '10X98765432'[sum % 11];
}

module.exports = { id, soon, place, provider, counsellor, slot, day, booking, application, request, point, item, activity, village };

/** `GET /me` as the gateway answers it (override parts with `o`). */
const me = (o = {}) => ({ accountId: 'acc-1', phone: { bound: false, masked: null, boundAt: null },
  homeRegion: { code: '450103002001', name: '新兴苑社区居委会', townshipName: '中山街道', districtName: '青秀区' },
  volunteer: { registered: false, starLevel: 0, starLabel: null, confirmedHours: 0, upcomingSignups: 0 },
  openItems: { proxyRequests: 0, bookings: 0, legalAidApplications: 0, legalAidSupplementsRequested: 0, councilTopics: 0, councilMeetings: 0, volunteerSignups: 0, unreadNotifications: 0 },
  notifications: { unread: 0, subscriptions: [] }, complete: true, ...o });
/** One in-app notice as `GET /me/notifications` lists it. */
const notice = (o = {}) => ({ id: 'n1', template: 'proxy-status', title: '代办进度通知', body: '拖欠工资投诉（劳动保障监察），已受理，12月7日 10:00，受理',
  data: {}, page: 'pages/proxy/detail?id=r1', createdAt: '2026-12-07T02:00:00Z', readAt: null, read: false, ...o });
/** `GET /catalogue/categories` */
const categories = { items: [{ code: 'LD', label: '劳动维权', codePrefix: 'NN-LD-' }, { code: 'SB', label: '社会保险', codePrefix: 'NN-SB-' }, { code: 'OTHER', label: '其他事项', codePrefix: null }] };
module.exports.categories = categories;
/** `GET /appointments/legal-aid/case-types` and `…/exempt-grounds` (part of the served lists) */
const caseTypes = { items: [{ code: 'LABOUR', label: '请求确认劳动关系或者支付劳动报酬', article: '第三十一条' }, { code: 'MAINTENANCE', label: '请求给付赡养费、抚养费、扶养费', article: '第三十一条' }] };
const exemptGrounds = { items: [{ code: 'ART42_MIGRANT_WORKER_WAGES_OR_INJURY', label: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员', article: '第四十二条' },
  { code: 'ART32_ABUSE_OR_DOMESTIC_VIOLENCE_VICTIM', label: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益', article: '第三十二条' }] };
module.exports.caseTypes = caseTypes;
module.exports.exemptGrounds = exemptGrounds;
module.exports.me = me;
module.exports.notice = notice;
/** A list in the API's paging shape `{items, page, size, total}` (one page holding all of `items`). */
const page = (items, size = 50) => ({ items, page: 0, size, total: items.length });
module.exports.page = page;
/** A provider as `GET /appointments/providers/nearest` answers it (in my district, no position given). */
const nearby = (p) => ({ id: p.id, displayName: p.displayName, kind: p.kind, kindLabel: p.kindLabel, service: p.service, place: p.place,
  proximity: 'DISTRICT', proximityLabel: '本县（区）', distanceKm: null, nextSlot: null });
module.exports.nearby = nearby;
