/** Journey 1: first launch — silent WeChat sign-in, bind the phone, choose my village, larger text, relaunch. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');

test('a new citizen signs in silently, binds the phone, sets the village and keeps it all on relaunch', async () => {
  const user = `j1${Date.now().toString(36)}`;
  const phone = new Phone(user);
  const place = await setup.village(0, 0);

  let page = await phone.open('/pages/home/index');
  expect(phone.calls.login).toBe(1); // wx.login once, answered by the gateway through the WeChat stand-in
  expect(page.text()).toContain('目前没有正在办理的事项');
  expect(page.text()).toContain('设置我的村（社区），就近办事');

  page = await phone.open('/pages/me/index');
  expect(page.text()).toContain('已用微信登录');
  expect(page.text()).toContain('绑定微信手机号');
  // The getPhoneNumber button hands the page a one-time code from WeChat.
  await page.fire('.phone-btn', 'getphonenumber', { code: `${user}.phone1` });
  await phone.idle();
  expect(page.text()).toMatch(/已绑定手机号 1\d{2}\*{4}\d{4}/);
  // A code used twice is refused by WeChat: the page shows the gateway's Chinese message next to the button.
  await page.fire('.phone-btn', 'getphonenumber', { code: `${user}.phone1` });
  await phone.idle();
  expect(page.text()).toMatch(/手机号|验证码|凭证/);
  expect(page.text()).not.toMatch(/[A-Za-z]{5,}/);
  // The gateway serves the subscribe-message templates, so the page offers to ask for them.
  expect(page.text()).toContain('接收办理进度提醒');

  page = await phone.open('/pages/me/village');
  expect(page.text()).toContain('请选择县区');
  await phone.tap(place.district.name);
  expect(page.text()).toContain('请选择乡镇（街道）');
  await phone.tap(place.township.name);
  expect(page.text()).toContain('请选择村（社区）');
  await phone.tap(place.village.name);
  expect(page.text()).toContain(`已设为：青秀区 ${place.township.name} ${place.village.name}`);

  page = await phone.open('/pages/me/index');
  expect(page.text()).toContain(`青秀区 ${place.township.name} ${place.village.name}`);
  expect(page.data.large).toBe(false);
  await page.fire('.large-switch', 'change', { value: true });
  expect(page.data.large).toBe(true);

  // Relaunch: storage keeps the session, the village and the text size; no second wx.login is needed.
  page = await phone.open('/pages/home/index');
  expect(phone.calls.login).toBe(1);
  expect(page.data.large).toBe(true);
  expect(page.text()).toContain(`我的村（社区）：青秀区 ${place.township.name} ${place.village.name}`);

  // The village and the bound phone are kept on the server: the same WeChat user on a new phone sees them at once.
  const other = new Phone(user);
  page = await other.open('/pages/home/index');
  expect(other.calls.login).toBe(1);
  expect(page.text()).toContain(`我的村（社区）：青秀区 ${place.township.name} ${place.village.name}`);
  page = await other.open('/pages/me/index');
  expect(page.text()).toMatch(/已绑定：1\d{2}\*{4}\d{4}/);
  expect(other.wx.getStorageSync('civic.village').code).toBe(place.village.code);
});
