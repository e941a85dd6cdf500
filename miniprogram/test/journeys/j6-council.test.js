/** Journey 6: 老友议事会 — my village's council, propose, support, opinions, meetings, subscribe, the publications with photos. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');
const { ok, citizen } = require('../support/gateway');

test('a resident proposes a topic, takes part, subscribes and reads the published resolution with its progress photo', async () => {
  const council = await setup.council();
  // Digits only: the titles reach staff screens that other suites check for Latin-alphabet words.
  const stamp = String(Date.now()).slice(-8);
  const phone = new Phone(`j6${stamp}`);
  phone.wx.setStorageSync('civic.village', { code: council.regionCode, name: council.regionName, path: `青秀区 ${council.regionName}` });
  // A neighbour's topic is already open.
  const neighbour = await citizen(`j6n${stamp}`);
  const theirs = await ok('POST', `/council/councils/${council.id}/topics`, { title: `村口路灯维修${stamp}`, description: '村口三盏路灯坏了一个月。' }, neighbour.accessToken);

  let page = await phone.open('/pages/council/council');
  expect(page.text()).toContain(council.name);
  expect(page.text()).toContain(theirs.title);
  expect(page.text()).toContain('订阅决议公开通知');
  await phone.tap('订阅决议公开通知');
  expect(page.text()).toContain('已订阅：决议和实施结果公开时会通知您');
  expect(page.text()).toContain('已订阅（点此取消）');

  await phone.tap(theirs.title);
  page = await phone.follow();
  expect(page.text()).toContain('0 人附议');
  await phone.tap('我也赞成（附议）');
  expect(page.text()).toContain('1 人附议');
  await phone.tap('我也赞成（附议）'); // once per resident: the API's own words
  expect(page.text()).toContain('每人只能附议一次');
  await page.type('.o-text', '建议换成太阳能路灯，省电。');
  await phone.tap('发表意见');
  expect(page.text()).toContain('建议换成太阳能路灯，省电。');

  page = await phone.open(`/pages/council/council?id=${council.id}`);
  await phone.tap('我要提议题');
  page = await phone.follow();
  await page.type('.p-title', `广场增设老年人健身器材${stamp}`);
  await page.type('.p-desc', '广场上老人多，希望增设几件健身器材。');
  await phone.tap('提交议题');
  page = await phone.follow();
  expect(page.text()).toContain(`广场增设老年人健身器材${stamp}`);
  expect(page.text()).toContain('征集中');
  const mine = phone.calls.redirectTo[phone.calls.redirectTo.length - 1].split('id=')[1];

  // The convener puts it on a meeting's agenda, then takes it through 四议两公开 with a progress photo.
  const meeting = await setup.meeting(council.id, mine);
  page = await phone.open(`/pages/council/council?id=${council.id}`);
  expect(page.text()).toContain(meeting.title);
  await phone.tap('报名参加');
  expect(page.text()).toContain(`已报名参加“${meeting.title}”`);

  const decision = await setup.publishDecision(council.id, mine, `增设健身器材${stamp}`);
  page = await phone.open(`/pages/council/council?id=${council.id}`);
  expect(page.text()).toContain(decision.title);
  expect(page.text()).toContain(" · 我提出的");
  // The accepted topic gives the convener's reason and leads to its published decision.
  page = await phone.open(`/pages/council/topic?id=${mine}`);
  expect(page.text()).toContain('已采纳的理由：符合议事范围，列入议事日程。');
  await phone.tap('查看这项议题的决议和实施结果');
  page = await phone.follow();
  expect(page.text()).toContain(decision.title);
  page = await phone.open(`/pages/council/council?id=${council.id}`);
  await phone.tap(decision.title);
  page = await phone.follow();
  expect(page.text()).toContain('实施进度 40%');
  expect(page.text()).toContain('基础施工已完成，器材已到货。');
  expect(page.text()).toContain('四议两公开记录');
  expect(page.text()).toMatch(/赞成 25，反对 6，弃权 0/);
  expect(page.text()).toContain('决议内容');
  // The resolution comes as a field of its own (content and when it was published), not from the register.
  expect(page.data.resolution).toBe(`同意${decision.title}，由村委会组织实施，资金从村集体经济收益中列支。`);
  expect(page.text()).toContain(`决议内容同意${decision.title}，由村委会组织实施`);
  expect(page.data.resolvedOn).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(page.text()).toContain(`公开于 ${page.data.resolvedOn}`);
  expect(page.data.progress[0].photos.length).toBe(1);
  // The photo's address is the gateway's public photo, and it serves an image.
  const src = page.data.progress[0].photos[0].src;
  const res = await require('../support/http').send(src, 'GET', {}, null);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/image\//);
});
