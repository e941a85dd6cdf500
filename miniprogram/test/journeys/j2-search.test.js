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
  expect(text).toContain('预约免费法律咨询');
  expect(text).toContain('申请法律援助');
  expect(text).toContain('找我村的服务点');
  expect(page.data.laws.length).toBeGreaterThan(0); // the test stack has the law corpus loaded
  // Each title once: older versions are listed under the version in force, not shown again.
  const titles = page.data.laws.map((l) => l.title.split(' ')[0]).filter((t, i, all) => i === 0 || all[i - 1] !== t);
  expect(titles).toEqual([...new Set(titles)]);
  expect(page.data.laws.every((l) => /^(现行有效|已被修改|已废止|已失效)/.test(l.note))).toBe(true);
  const first = page.data.laws[0];

  await phone.tap(first.title);
  page = await phone.follow();
  expect(page.text()).toContain(first.title.split(' ')[0]);
  expect(page.text()).toContain(first.title.split(' ')[1]); // 第…条
  expect(page.data.paragraphs.length).toBeGreaterThan(0);
  expect(page.text()).toContain('以上为条文全文');
  expect(page.text()).toContain('接下来可以');
  expect(page.text()).not.toMatch(/<em>|[A-Za-z]{5,}/);

  // The whole law around it: the next article read in place, then the law's table of contents.
  const opened = page.data.articleId;
  if (page.data.following) {
    await phone.tap(`下一条（${page.data.following.no}）›`);
    expect(page.data.articleId).not.toBe(opened);
    expect(page.data.paragraphs.length).toBeGreaterThan(0);
  }
  await phone.tap('预约免费法律咨询');
  expect(phone.calls.navigateTo).toContain('/pages/appointments/index');
  await phone.tap('这部法规的全部目录');
  page = await phone.follow();
  expect(page.data.sections.length).toBeGreaterThan(0);
  expect(page.data.sections.some((s) => s.articles.some((a) => a.here))).toBe(true);
  expect(page.text()).toContain(first.title.split(' ')[0]);

  page = await phone.open('/pages/proxy/item?code=NN-LD-001');
  expect(page.text()).toContain('需要带的材料');
  expect(page.text()).toContain('投诉书');
  expect(page.text()).toContain('身份证件');
});
