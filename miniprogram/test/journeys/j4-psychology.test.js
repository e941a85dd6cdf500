/** Journey 4: psychology — a risky answer shows 12356 at once, screening, then booking a counsellor. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');

test('a risky answer shows the hotline first with a call button, then the citizen books a counsellor', async () => {
  const counsellor = await setup.provider('counsellor');
  const phone = new Phone(`j4${Date.now().toString(36)}`);
  let page = await phone.open('/pages/psychology/index');
  expect(page.text()).not.toContain('12356');

  // Answer every item; item 9 (thoughts of self-harm) with “好几天”.
  for (const q of page.data.questions) {
    await page.instance.answer({ currentTarget: { dataset: { key: q.key, value: q.key === 'p9' ? 1 : 1 } } });
    if (q.key === 'p9') {
      // At once, before anything is sent: the hotline is the first thing on the page.
      expect(page.text().indexOf('12356')).toBeGreaterThanOrEqual(0);
      expect(page.text().indexOf('全国心理援助热线')).toBeLessThan(page.text().indexOf('1. '));
    }
  }
  await phone.tap('立即拨打 12356');
  expect(phone.calls.makePhoneCall).toEqual(['12356']);

  await phone.tap('查看自测结果');
  expect(page.text()).toContain('自测结果');
  expect(page.text()).toMatch(/情绪状况（PHQ-9）：.+（9 分）/);
  expect(page.text()).toContain('12356'); // still shown with the result

  await phone.tap('预约心理咨询师');
  page = await phone.follow();
  expect(page.text()).toContain('预约心理咨询师');
  await phone.tap(counsellor.displayName);
  page = await phone.follow();
  const slot = page.data.slots[page.data.slots.length - 1];
  await phone.tap(slot.text);
  await phone.tap('确认预约'); // without an ID number: refused, with the message by the field
  expect(page.data.fieldErrors.idNumber || page.data.bookError).toBeTruthy();
  expect(page.text()).toMatch(/身份证/);
  expect(page.text()).toContain('年满 18 周岁的也可以不填'); // the API's own words: an adult need not name themselves
  await phone.tap('本人已年满 18 周岁，不填身份证号码');
  expect(page.text()).not.toContain('身份证号码加密保存');
  expect(page.text()).toContain('已附上您的心理自测结果');
  await phone.tap('确认预约');
  page = await phone.follow();
  expect(page.text()).toContain('预约成功');
  expect(page.text()).toContain('心理咨询');
  expect(page.text()).toContain('已标记为优先关注'); // risky screening → urgent
  expect(page.text().indexOf('12356')).toBeLessThan(page.text().indexOf('预约成功'));
});
