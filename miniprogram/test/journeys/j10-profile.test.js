/** Journey 10: 我的资料 — the citizen types name and ID number once, with consent, and the next form is filled for them. */
const { Phone } = require('../support/phone');
const { idNumber } = require('../support/gateway');

test('a citizen saves name and ID number once and the legal-aid form comes filled, then withdraws the consent', async () => {
  const user = `j10${Date.now().toString(36)}`;
  const phone = new Phone(user);
  const id = idNumber('19790923');

  let page = await phone.open('/pages/me/index');
  await page.fire('.phone-btn', 'getphonenumber', { code: `${user}.phone1` });
  await phone.idle();
  await phone.tap('姓名和身份证号码');
  page = await phone.follow();
  expect(page.text()).toContain('还没有保存资料');
  expect(page.text()).toMatch(/已绑定：1\d{10}/); // the owner sees their own number in full
  const bound = page.data.phone;
  await page.type('.f-name', '韦美兰');
  await page.type('.f-id', id);
  await phone.tap('同意并保存');
  expect(page.text()).toContain('请阅读资料保存说明并勾选同意后再保存。');
  await phone.tap('我已阅读并同意保存');
  await phone.tap('同意并保存');
  expect(page.text()).toContain('已保存。以后办事会自动填写这些资料。');
  expect(page.text()).toContain('已保存，办事时自动填写');

  page = await phone.open('/pages/legalaid/apply?caseType=LABOUR');
  expect(page.text()).toContain('已按“我的资料”自动填写');
  expect(page.data).toMatchObject({ applicantName: '韦美兰', idNumber: id, phone: bound });
  await page.type('.f-other', '南宁某建筑劳务有限公司');
  await page.type('.f-desc', '在工地做了三个月钢筋工，工资一直没有结清。');
  await phone.tap('的进城务工人员');
  await phone.tap('提交申请');
  page = await phone.follow();
  expect(page.text()).toContain('审查中');
  expect(page.text()).toContain('申请人：韦美兰'); // the applicant reads their own name in full

  page = await phone.open('/pages/me/profile');
  await phone.tap('撤回同意并删除资料');
  await phone.tap('确定删除');
  expect(page.text()).toContain('已删除您保存的姓名和身份证号码。');
  page = await phone.open('/pages/legalaid/apply');
  expect(page.data).toMatchObject({ applicantName: '', idNumber: '' });
});
