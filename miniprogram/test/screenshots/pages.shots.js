/**
 * `./civic miniprogram screenshots`: every page with real data from a running gateway (GATEWAY_URL; staff set-up
 * through the demo accounts, then one citizen who has done a bit of everything), written as HTML into
 * miniprogram/test-output/screenshots-html; tools/screenshots.js turns each into a PNG with Chromium.
 */
const fs = require('fs');
const path = require('path');
const { Phone } = require('../support/phone');
const setup = require('../support/setup');
const g = require('../support/gateway');
const { png, pdf } = require('../support/files');
const html = require('../../tools/html');

const OUT = path.join(__dirname, '..', '..', 'test-output', 'screenshots-html'); // kept out of git; PNGs go to docs/miniprogram
const exparser = require(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }));
const app = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'app.json'), 'utf8'));

/** Copies what inputs show (value or placeholder) onto their DOM so the HTML shows it. */
function markInputs(comp) {
  const visit = (node) => {
    if (!(node instanceof exparser.Element)) return;
    const attrs = (node._vt && node._vt.attrs) || [];
    const tag = node.$$ && node.$$.tagName && node.$$.tagName.toLowerCase();
    if (tag === 'wx-input' || tag === 'wx-textarea' || tag === 'wx-switch') {
      for (const a of attrs) {
        if (a.name === 'value' && a.value) node.$$.setAttribute('data-value', a.value);
        if (a.name === 'placeholder' && a.value) node.$$.setAttribute('data-placeholder', a.value);
        if (a.name === 'checked' && a.value) node.$$.setAttribute('data-checked', '1');
      }
    }
    if (tag === 'wx-image') {
      const src = attrs.find((a) => a.name === 'src');
      if (src && src.value) node.$$.setAttribute('style', `background:url('${src.value}') center/cover`);
    }
    if (node instanceof exparser.Component && node.shadowRoot instanceof exparser.Element) visit(node.shadowRoot);
    (node.childNodes || []).forEach(visit);
  };
  visit(comp._exparserNode);
}

const written = [];
function save(name, phone, { tab } = {}) {
  const page = phone.page;
  markInputs(page.comp);
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', `${page.route}.json`), 'utf8'));
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${name}.html`), html.page(page.comp.dom.outerHTML, { title: json.navigationBarTitleText || '南宁市民服务', tab }));
  written.push(name);
  // What a person reads: no English, codes or ids (a certificate's number is printed on it, so it is shown).
  expect(page.text().replace(/NNZY\d{4}-[A-Z0-9]+/g, '')).not.toMatch(/[A-Za-z]{5,}|undefined|null/);
}

test('every page, with real data', async () => {
  const stamp = Date.now().toString(36);
  const council = await setup.council();
  const villageCode = council.regionCode;
  const township = (await g.children(villageCode.slice(0, 6))).find((t) => t.code === villageCode.slice(0, 9));
  const path_ = `青秀区 ${township.name} ${council.regionName}`;
  const lawyer = await setup.provider('lawyer');
  const counsellor = await setup.provider('counsellor');
  await setup.servicePoint(villageCode, ['NN-LD-001', 'NN-YL-001', 'NN-CL-002']);
  const station = await setup.station(township.code, township.name);
  await setup.team(station.id, villageCode, '平安巡防队');
  const now = Date.now();
  const act1 = await setup.activity(villageCode, '重阳节敬老院陪伴', new Date(now + 30 * 3600e3), new Date(now + 33 * 3600e3), 20, 180);
  const act2 = await setup.activity(villageCode, '社区义诊引导', new Date(now - 60e3), new Date(now + 3 * 3600e3), 8, 120);
  // Running now with nothing recorded yet: the one the volunteer checks in to by scanning (act2 has confirmed hours).
  const act3 = await setup.activity(villageCode, '社区环境清洁', new Date(now - 60e3), new Date(now + 2 * 3600e3), 10, 60);
  await setup.activity(villageCode, '邕江河岸清洁', new Date(now + 72 * 3600e3), new Date(now + 75 * 3600e3), 1, 120);

  // Empty: a brand-new citizen's first look.
  const fresh = new Phone(`shotnew${stamp}`);
  await fresh.open('/pages/home/index');
  save('01-home-new-citizen', fresh, { tab: 'home' });

  const phone = new Phone(`shot${stamp}`);
  phone.wx.setStorageSync('civic.village', { code: villageCode, name: council.regionName, path: path_ });
  await phone.open('/pages/home/index');
  const token = () => JSON.parse(phone.wx.__storage.get('civic.session')).accessToken;
  await phone.page.fire('.input', 'input', { value: '' });
  // What this citizen has done before (through the API, as the pages would have).
  const slots = await g.ok('GET', `/appointments/providers/${lawyer.id}/slots?from=${new Date(now + 8 * 3600e3 + 86400e3).toISOString().slice(0, 10)}&to=${new Date(now + 8 * 3600e3 + 6 * 86400e3).toISOString().slice(0, 10)}`, undefined, token());
  const booking = await g.ok('POST', '/appointments/legal-aid/consultations', { providerId: lawyer.id, startsAt: slots[3].startsAt, mode: 'IN_PERSON', topic: '公司拖欠三个月工资' }, token());
  const app_ = await g.ok('POST', '/appointments/legal-aid/applications', { applicantName: '黄丽萍', idNumber: g.idNumber('19860412'), phone: '13907719876', regionCode: '450103',
    caseType: 'LABOUR', otherParty: '南宁某装饰工程有限公司', description: '在装修工地务工五个月，公司至今拖欠工资两万元。', exemptGround: 'ART42_MIGRANT_WORKER_WAGES_OR_INJURY' }, token());
  const req1 = await g.ok('POST', '/proxy/requests', { pointId: (await g.ok('GET', `/proxy/points?region=${villageCode}`, undefined, token()))[0].id, itemCode: 'NN-LD-001',
    residentName: '黄丽萍', residentPhone: '13907719876', consent: true, consentChannel: 'MINI_PROGRAM' }, token());
  await setup.clerkStep(req1.id, 'accept');
  const points = await g.ok('GET', `/proxy/points?region=${villageCode}`, undefined, token());
  const req2 = await g.ok('POST', '/proxy/requests', { pointId: points[0].id, itemCode: 'NN-YL-001', residentName: '黄秀英', residentPhone: '13907710000', consent: true, consentChannel: 'MINI_PROGRAM' }, token());
  for (const s of ['accept', 'forward', 'deliver', 'archive']) await setup.clerkStep(req2.id, s);
  const vol = await g.ok('POST', '/volunteers', { realName: '黄丽萍', idNumber: g.idNumber('19800101'), phone: '13977112345', homeRegion: villageCode, skills: ['急救', '助老'],
    sensitiveInfoConsent: true, consentPolicyVersion: (await g.ok('GET', '/volunteers/consent-policy', undefined, token())).version }, token());
  await g.ok('POST', `/volunteers/activities/${act1.id}/signups`, {}, token());
  await g.ok('POST', `/volunteers/activities/${act2.id}/signups`, {}, token());
  await g.ok('POST', `/volunteers/activities/${act3.id}/signups`, {}, token());
  await setup.hoursAndCertificate(act2.id, vol.id, 150);
  const topic = await g.ok('POST', `/council/councils/${council.id}/topics`, { title: `广场增设老年人健身器材`, description: '广场上晨练的老人多，希望增设几件适合老年人的健身器材。' }, token());
  const neighbour = await g.citizen(`shotn${stamp}`);
  const other = await g.ok('POST', `/council/councils/${council.id}/topics`, { title: '村口路灯维修', description: '村口三盏路灯坏了一个月，晚上出行不安全。' }, neighbour.accessToken);
  await g.ok('POST', `/council/topics/${other.id}/supports`, {}, token());
  await g.ok('POST', `/council/topics/${other.id}/opinions`, { content: '建议换成太阳能路灯，省电又好维护。' }, token());
  await setup.meeting(council.id, other.id);
  const decision = await setup.publishDecision(council.id, topic.id, '广场增设老年人健身器材');
  // A request the clerk has not accepted yet (it can still be withdrawn).
  const req3 = await g.ok('POST', '/proxy/requests', { pointId: points[0].id, itemCode: 'NN-CL-002', residentName: '黄丽萍', residentPhone: '13907719876', consent: true, consentChannel: 'MINI_PROGRAM' }, token());
  // The clerk's steps reach the inbox through Kafka: wait until the last one (归档) is there.
  for (let i = 0; i < 60; i++) {
    const inbox = await g.ok('GET', '/me/notifications?size=50', undefined, token());
    if (inbox.items.some((n) => n.body.includes('已归档'))) break;
    await new Promise((r) => setTimeout(r, 1000));
  }

  await phone.open('/pages/home/index');
  save('02-home', phone, { tab: 'home' });
  await phone.open('/pages/search/index');
  save('03-search-start', phone, { tab: 'search' });
  await phone.page.type('.input', '工资被拖欠怎么办');
  await phone.tap('搜索');
  save('04-search-answer', phone, { tab: 'search' });
  const law = phone.page.data.laws[0];
  await phone.open(law.url);
  save('05-law-article', phone);
  await phone.open('/pages/me/index');
  save('06-me', phone, { tab: 'me' });
  await phone.open('/pages/me/village');
  await phone.tap('青秀区');
  save('07-village-picker', phone);
  await phone.open('/pages/appointments/index');
  save('08-lawyers-near-me', phone);
  await phone.open(`/pages/appointments/provider?id=${lawyer.id}`);
  await phone.tap(phone.page.data.slots[2].text);
  save('09-choose-time', phone);
  await phone.open('/pages/appointments/mine');
  save('10-my-bookings', phone);
  await phone.open(`/pages/appointments/detail?id=${booking.id}&booked=1`);
  save('11-booking-detail', phone);
  await phone.open('/pages/legalaid/apply');
  await phone.page.type('.f-name', '黄丽萍');
  await phone.tap('请求确认劳动关系或者支付劳动报酬');
  await phone.tap('的进城务工人员');
  await phone.tap('提交申请');
  save('12-legal-aid-form-errors', phone);
  await phone.open(`/pages/legalaid/detail?id=${app_.id}`);
  phone.file('工资条.png', png(120, 90, [220, 220, 210]));
  await phone.tap('拍照或从相册上传');
  save('13-legal-aid-application', phone);
  await phone.open('/pages/legalaid/mine');
  save('14-my-legal-aid', phone);
  await phone.open('/pages/psychology/index');
  save('15-psychology-screening', phone);
  await phone.page.instance.answer({ currentTarget: { dataset: { key: 'p9', value: 1 } } });
  await phone.idle();
  save('16-psychology-risk-hotline', phone);
  await phone.open(`/pages/appointments/provider?id=${counsellor.id}`);
  save('17-counsellor-booking', phone);
  await phone.open('/pages/volunteer/index');
  save('18-volunteer', phone);
  const newcomer = new Phone(`shotreg${stamp}`);
  newcomer.wx.setStorageSync('civic.village', { code: villageCode, name: council.regionName, path: path_ });
  await newcomer.open('/pages/volunteer/register');
  await newcomer.page.type('.f-id', g.idNumber('20120601'));
  save('19-volunteer-register-minor', newcomer);
  phone.install();
  await phone.open('/pages/volunteer/activities');
  save('20-activities', phone);
  await phone.open(`/pages/volunteer/activity?id=${act3.id}`);
  phone.device.scanResult = (await setup.checkInQr(act3.id)).payload;
  await phone.tap('扫码签到');
  save('21-activity-check-in', phone);
  await phone.open(`/pages/volunteer/activity?id=${act2.id}`);
  save('39-activity-hours-confirmed', phone);
  await phone.open('/pages/volunteer/teams');
  save('22-teams', phone);
  await phone.open('/pages/volunteer/certificates');
  save('23-certificates', phone);
  await phone.open('/pages/council/council');
  save('24-council', phone);
  await phone.open(`/pages/council/topic?id=${other.id}`);
  save('25-council-topic', phone);
  await phone.open(`/pages/council/propose?council=${council.id}`);
  save('26-council-propose', phone);
  await phone.open(`/pages/council/decision?id=${decision.id}`);
  save('27-council-publication', phone);
  await phone.open('/pages/proxy/index');
  save('28-proxy-guide', phone);
  await phone.open('/pages/proxy/index?tab=mine');
  save('29-my-proxy-requests', phone);
  await phone.open('/pages/proxy/item?code=NN-LD-001');
  await phone.tap('为家人办');
  save('30-proxy-item-submit', phone);
  phone.file('劳动合同.pdf', pdf());
  await phone.open(`/pages/proxy/detail?id=${req1.id}`);
  await phone.tap('从聊天记录选择文件');
  save('31-proxy-timeline', phone);
  await phone.open(`/pages/proxy/detail?id=${req2.id}`);
  await phone.tap('非常满意');
  save('32-proxy-rate-at-follow-up', phone);
  await phone.open('/pages/me/notices');
  save('34-my-notices', phone);
  await phone.open(`/pages/proxy/detail?id=${req3.id}`);
  save('35-proxy-withdraw', phone);
  await phone.open('/pages/me/profile');
  save('36-my-profile-empty', phone);
  await phone.page.type('.f-name', '黄秀梅');
  await phone.page.type('.f-id', g.idNumber('19850317'));
  await phone.tap('我已阅读并同意保存');
  await phone.tap('同意并保存');
  save('37-my-profile-saved', phone);
  await phone.open('/pages/legalaid/apply');
  save('38-legal-aid-prefilled', phone);
  phone.wx.setStorageSync('civic.largeText', true);
  await phone.open('/pages/home/index');
  save('33-home-larger-text', phone, { tab: 'home' });

  // Every page of app.json appears at least once.
  const routes = new Set(phone.stack.concat(fresh.stack).map((p) => p.route));
  expect(written.length).toBeGreaterThanOrEqual(app.pages.length);
  fs.writeFileSync(path.join(OUT, 'index.json'), JSON.stringify(written, null, 1));
  expect(routes.size).toBeGreaterThan(0);
}, 300000);
