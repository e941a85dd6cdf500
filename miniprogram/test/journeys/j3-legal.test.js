/** Journey 3: free legal consultation (find, book, list, reschedule, cancel) and a legal-aid application with a document. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');
const { png } = require('../support/files');
const { idNumber } = require('../support/gateway');

test('a citizen books the nearest lawyer, moves and cancels the booking, and applies for legal aid with a photo', async () => {
  const lawyer = await setup.provider('lawyer');
  const place = await setup.village(0, 1);
  const phone = new Phone(`j3${Date.now().toString(36)}`);
  phone.wx.setStorageSync('civic.village', { code: place.village.code, name: place.village.name, path: `青秀区 ${place.township.name} ${place.village.name}` });

  let page = await phone.open('/pages/appointments/index');
  expect(page.text()).toContain('法律咨询预约');
  expect(page.text()).toContain(lawyer.displayName);
  expect(page.text()).toMatch(/最近可约：\d+月\d+日 周. \d\d:\d\d/);
  await phone.tap(lawyer.displayName);
  page = await phone.follow();
  expect(page.text()).toContain('1. 选日期');
  // Pick a later slot of the first day with any (so it has surely not begun), at-home mode default 到场.
  const slot = page.data.slots[page.data.slots.length - 1];
  await phone.tap(slot.text);
  await page.type('.topic', '工资被拖欠');
  await phone.tap('确认预约');
  page = await phone.follow();
  expect(page.text()).toContain('预约成功');
  expect(page.text()).toContain('已预约');
  expect(page.text()).toContain('法律咨询');
  expect(page.text()).toContain('工资被拖欠');
  const when = page.data.booking.when;

  await phone.tap('改到其他时间');
  page = await phone.follow();
  expect(page.text()).toContain('改到其他时间');
  const days = page.data.days.filter((d) => d.count);
  await page.instance.pickDay({ currentTarget: { dataset: { day: days[days.length - 1].day } } });
  await phone.tap(page.data.slots[0].text);
  await phone.tap('确认改期');
  page = await phone.follow();
  expect(page.text()).toContain('已改到新的时间');
  expect(page.data.booking.when).not.toBe(when);

  await phone.tap('取消预约');
  await phone.tap('确定取消');
  expect(page.text()).toContain('已取消预约');
  expect(page.text()).toContain('已取消');
  expect(page.text()).not.toContain('改到其他时间');

  page = await phone.open('/pages/appointments/mine');
  expect(page.text()).toContain('已结束或已取消');
  expect(page.text()).toContain(lawyer.displayName);

  // Legal aid: a wrong ID number is refused with the API's message next to the field.
  page = await phone.open('/pages/legalaid/apply');
  await page.type('.f-name', '黄丽萍');
  await page.type('.f-id', '450103198604120011');
  await page.type('.f-phone', '13907719876');
  await phone.tap('请求确认劳动关系或者支付劳动报酬');
  await page.type('.f-other', '南宁某装饰工程有限公司');
  await page.type('.f-desc', '在装修工地务工五个月，公司至今拖欠工资两万元。');
  await phone.tap('的进城务工人员');
  await phone.tap('提交申请');
  expect(page.text()).toMatch(/身份证/);
  expect(page.data.fieldErrors.idNumber).toBeTruthy();
  await page.type('.f-id', idNumber('19860412'));
  await phone.tap('提交申请');
  page = await phone.follow();
  expect(page.text()).toContain('申请已提交，请上传证明材料');
  expect(page.text()).toContain('审查中');
  expect(page.text()).toContain('第四十二条');
  expect(page.text()).toMatch(/预计在 \d{4}年\d+月\d+日 前作出/);
  expect(page.text()).toContain('还没有上传证明材料');

  phone.file('工资条.png', png(40, 30, [200, 200, 200]));
  await phone.tap('拍照或从相册上传');
  expect(page.text()).toContain('已上传');
  expect(page.data.documents.length).toBe(1);

  page = await phone.open('/pages/legalaid/mine');
  expect(page.text()).toContain('请求确认劳动关系或者支付劳动报酬');
  expect(page.text()).toContain('审查中');
});
