/** Journey 9: withdrawal — a citizen takes back a 代办 request before 受理 and a legal-aid application before the decision. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');
const { idNumber } = require('../support/gateway');

test('a citizen withdraws a 代办 request before the clerk accepts it, after confirming', async () => {
  const place = await setup.village(0, 0);
  // The village's point may be another test's, set up without a phone: the page shows whatever the point has.
  const point = await setup.servicePoint(place.village.code, ['NN-LD-001']);
  const phone = new Phone(`j9p${Date.now().toString(36)}`);
  phone.wx.setStorageSync('civic.village', { code: place.village.code, name: place.village.name, path: `青秀区 ${place.township.name} ${place.village.name}` });

  let page = await phone.open('/pages/proxy/item?code=NN-LD-001');
  await phone.tap('登录并申请代办'); // the guide is public; asking for 代办 signs in
  await page.type('.r-name', '黄秀英');
  await page.type('.r-phone', '13907710000');
  await phone.tap('同意委托');
  await phone.tap('提交委托');
  page = await phone.follow();
  expect(page.text()).toContain('已委托');
  if (point.phone) {
    expect(page.text()).toContain(`电话：${point.phone}`);
    await phone.tap('拨打代办点电话');
    expect(phone.calls.makePhoneCall).toEqual([point.phone]);
  } else {
    expect(page.text()).not.toContain('拨打代办点电话');
  }

  phone.device.modalConfirm = false; // "不撤回"
  await phone.tap('撤回委托');
  expect(phone.calls.modal.length).toBe(1);
  expect(page.text()).toContain('已委托');
  phone.device.modalConfirm = true;
  await phone.tap('撤回委托');
  expect(page.text()).toContain('委托已撤回');
  expect(page.text()).toContain('已撤回');
  expect(page.text()).toMatch(/您已于 \d+月\d+日 周. \d\d:\d\d 撤回这项委托/);
  expect(page.text()).not.toContain('拍照或从相册上传');

  page = await phone.open('/pages/proxy/index?tab=mine');
  expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
  expect(page.text()).toContain('已撤回');
});

test('a citizen withdraws a legal-aid application under review, after confirming', async () => {
  const phone = new Phone(`j9l${Date.now().toString(36)}`);
  let page = await phone.open('/pages/legalaid/apply?caseType=LABOUR');
  expect(page.text()).toContain('◉ 请求确认劳动关系或者支付劳动报酬');
  await page.type('.f-name', '黄丽萍');
  await page.type('.f-id', idNumber('19860412'));
  await page.type('.f-phone', '13907719876');
  await page.type('.f-other', '南宁某装饰工程有限公司');
  await page.type('.f-desc', '在装修工地务工五个月，公司至今拖欠工资两万元。');
  await phone.tap('的进城务工人员');
  await phone.tap('提交申请');
  page = await phone.follow();
  expect(page.text()).toContain('审查中');
  phone.device.modalConfirm = true;
  await phone.tap('撤回申请');
  expect(page.text()).toContain('申请已撤回');
  expect(page.text()).toContain('已撤回');
  expect(page.text()).toContain('您已撤回这份申请，不再审查。');
  expect(page.text()).not.toContain('拍照或从相册上传');

  page = await phone.open('/pages/legalaid/mine');
  expect(page.text()).toContain('已撤回');
});
