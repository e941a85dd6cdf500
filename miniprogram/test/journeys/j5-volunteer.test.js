/** Journey 5: volunteer — register with consent, join a team, sign up (and waitlist), scan the check-in QR payload to check in and out, attendance, hours, certificate, asking for a certificate. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');
const { idNumber } = require('../support/gateway');

test('a citizen registers as a volunteer, joins a team, signs up, checks in by scanning, and opens a certificate', async () => {
  const place = await setup.village(0, -1);
  const station = await setup.station(place.township.code, place.township.name);
  // Digits only: the titles reach staff screens that other suites check for Latin-alphabet words.
  const stamp = String(Date.now()).slice(-8);
  const { team } = await setup.team(station.id, place.village.code, `平安巡防队${stamp}`);
  const now = Date.now();
  const running = await setup.activity(place.village.code, `社区义诊引导${stamp}`, new Date(now - 60e3), new Date(now + 4 * 3600e3), 10, 60);
  const later = await setup.activity(place.village.code, `敬老院陪伴${stamp}`, new Date(now + 48 * 3600e3), new Date(now + 50 * 3600e3), 1, 120);
  const other = await setup.volunteer(place.village.code, '农丽华'); // takes the only place of the later activity
  await require('../support/gateway').ok('POST', `/volunteers/activities/${later.id}/signups`, {}, other.token);

  const phone = new Phone(`j5${stamp}`);
  phone.wx.setStorageSync('civic.village', { code: place.village.code, name: place.village.name, path: `青秀区 ${place.township.name} ${place.village.name}` });
  let page = await phone.open('/pages/volunteer/index');
  expect(page.text()).toContain('成为南宁志愿者');
  await phone.tap('实名注册志愿者');
  page = await phone.follow();
  expect(page.text()).toContain(place.village.name);
  await page.type('.f-name', '黄丽萍');
  await page.type('.f-id', '450103198001010000');
  await page.type('.f-phone', '13977112345');
  await phone.tap('急救');
  await phone.tap('提交注册'); // no consent yet
  expect(page.text()).toContain('请阅读并同意个人信息处理规则');
  await phone.tap('我已阅读并同意');
  await phone.tap('提交注册');
  expect(page.text()).toMatch(/身份证/); // the check digit is wrong: the API's message, by the field
  expect(page.data.fieldErrors.idNumber).toBeTruthy();
  await page.type('.f-id', idNumber('19800101'));
  await phone.tap('提交注册');
  page = await phone.follow();
  expect(page.text()).toContain('黄丽萍');
  expect(page.text()).toContain('正常');
  expect(page.text()).toMatch(/0 小时/);
  expect(page.text()).toContain('未评星');

  page = await phone.open('/pages/volunteer/teams');
  expect(page.text()).toContain(team.name);
  await phone.tap('申请加入');
  expect(page.text()).toContain('待队长审核');

  page = await phone.open('/pages/volunteer/activities');
  expect(page.text()).toContain(running.title);
  expect(page.text()).toContain(later.title);
  expect(page.text()).toContain('可候补');
  await phone.tap(later.title);
  page = await phone.follow();
  await phone.tap('报名候补');
  expect(page.text()).toContain('已为您候补，第 1 位');
  expect(page.text()).toContain('候补第 1 位');

  page = await phone.open(`/pages/volunteer/activity?id=${running.id}`);
  await phone.tap('我要报名'); // it began a minute ago: volunteers arriving on site can still sign up
  expect(page.text()).toContain('报名成功');
  expect(page.text()).toContain('已报名');
  expect(page.text()).toContain('签到状态：未签到');
  // The organiser's screen shows the QR code of the check-in payload the API gives.
  const qr = await setup.checkInQr(running.id);
  expect(qr.payload).toBe(`civic-checkin:${running.id}:${qr.code}`);
  phone.device.scanResult = '欢迎关注南宁市民服务'; // some other QR code
  await phone.tap('扫码签到');
  expect(page.text()).toContain('没有识别到签到码');
  phone.device.scanResult = `civic-checkin:${later.id}:${qr.code}`; // the QR of an activity where I am only waitlisted
  await phone.tap('扫码签到');
  expect(page.text()).toContain('这是其他活动的签到码，您没有报名该活动');
  phone.device.scanResult = `civic-checkin:${running.id}:${qr.code === '000000' ? '111111' : '000000'}`; // a wrong code
  await phone.tap('扫码签到');
  expect(page.text()).toContain('签到码不正确');
  phone.device.scanResult = qr.payload;
  await phone.tap('扫码签到');
  expect(page.text()).toMatch(/签到成功（\d\d:\d\d）/);
  expect(page.text()).toMatch(/签到状态：已签到 \d\d:\d\d/);
  phone.device.scanResult = (await setup.checkInQr(running.id)).payload;
  await phone.tap('扫码签退');
  expect(page.text()).toMatch(/签退成功，本次服务 \d+ 分钟，未达到计时要求/);
  expect(page.text()).toMatch(/签到状态：已签到 \d\d:\d\d，已签退 \d\d:\d\d/);
  expect(page.text()).toContain('时长：本次 ');

  const me = await require('../support/gateway').ok('GET', '/volunteers/me', undefined, JSON.parse(phone.wx.__storage.get('civic.session')).accessToken);
  const cert = await setup.hoursAndCertificate(running.id, me.id, 150);
  page = await phone.open('/pages/volunteer/index');
  expect(page.text()).toMatch(/2\.5 小时/);
  expect(page.text()).toContain(running.title);
  page = await phone.open('/pages/volunteer/certificates');
  expect(page.text()).toContain('志愿服务证明 · 2.5 小时');
  expect(page.text()).toContain(cert.number);
  await phone.tap('打开证书');
  expect(phone.calls.openDocument.length).toBe(1);
  const pdf = require('fs').readFileSync(phone.calls.openDocument[0].filePath);
  expect(pdf.slice(0, 5).toString()).toBe('%PDF-');

  // Asking for another certificate (e.g. for school): the organisers of my area see it in the portal.
  await phone.tap('申请证明');
  await page.type('.f-purpose', '升学材料');
  await phone.tap('提交申请');
  expect(page.text()).toContain('已提交申请');
  expect(page.text()).toContain('我的申请');
  expect(page.text()).toMatch(/志愿服务时长证明待处理.*申请 · 用途：升学材料/);
  await phone.tap('申请证明');
  await phone.tap('提交申请');
  expect(page.text()).toContain('您已申请过志愿服务时长证明，正在等待组织方处理');
});
