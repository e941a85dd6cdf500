/** Journey 2: “my wages were not paid” — search services and laws, open an article, follow a next step. */
const { Phone } = require('../support/phone');

test('a citizen asks in plain words, reads the law article and reaches the 代办 guide and the lawyer booking', async () => {
  const phone = new Phone(`j2${Date.now().toString(36)}`);
  let page = await phone.open('/pages/home/index');
  await page.type('.search-input', '工资被拖欠怎么办');
  await phone.tap('搜索');
  page = await phone.follow(); // the search tab takes the question over
  const text = page.text();
  expect(text).toContain('拖欠工资投诉（劳动保障监察）');
  expect(text).toContain('可代办');
  expect(text).toContain('相关法律规定');
  expect(text).toContain('预约律师免费咨询');
  expect(text).toContain('申请法律援助');
  expect(page.data.laws.length).toBeGreaterThan(0); // the test stack has the law corpus loaded
  const first = page.data.laws[0];

  await phone.tap(first.title);
  page = await phone.follow();
  expect(page.text()).toContain(first.title.split(' ')[0]);
  expect(page.text()).toContain(first.title.split(' ')[1]); // 第…条
  expect(page.data.paragraphs.length).toBeGreaterThan(0);
  expect(page.text()).toContain('接下来可以');
  expect(page.text()).not.toMatch(/<em>|[A-Za-z]{5,}/);

  await phone.tap('预约律师免费咨询');
  expect(phone.calls.navigateTo).toContain('/pages/appointments/index');

  page = await phone.open('/pages/proxy/item?code=NN-LD-001');
  expect(page.text()).toContain('需要带的材料');
  expect(page.text()).toContain('投诉书');
  expect(page.text()).toContain('身份证件');
});
