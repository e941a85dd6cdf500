/** Journey 7: 代办 — catalogue, what to bring, submit for a family member, upload, follow the timeline, rate at 回访. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');
const { png, pdf } = require('../support/files');

test('anyone opens a catalogue item from a search hit without signing in; asking for 代办 signs in', async () => {
  const place = await setup.village(0, 1);
  await setup.servicePoint(place.village.code, ['NN-LD-001']);
  const phone = new Phone(`j7a${Date.now().toString(36)}`);
  phone.wx.setStorageSync('civic.village', { code: place.village.code, name: place.village.name, path: `青秀区 ${place.township.name} ${place.village.name}` });

  const page = await phone.open('/pages/proxy/item?code=NN-LD-001');
  expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
  expect(page.text()).toContain('1. 投诉书2. 身份证件3. 劳动合同');
  expect(phone.calls.login).toBe(0);
  expect(page.text()).toContain('登录并申请代办');
  expect(page.text()).not.toContain('提交委托');

  await phone.tap('登录并申请代办');
  expect(phone.calls.login).toBe(1);
  expect(page.text()).toContain('便民服务点');
  expect(page.text()).toContain('提交委托');
});

test('a citizen asks the village clerk to file a wage complaint for a family member and rates it at the end', async () => {
  const place = await setup.village(0, 0);
  await setup.servicePoint(place.village.code, ['NN-LD-001']);
  const phone = new Phone(`j7${Date.now().toString(36)}`);
  phone.wx.setStorageSync('civic.village', { code: place.village.code, name: place.village.name, path: `青秀区 ${place.township.name} ${place.village.name}` });

  let page = await phone.open('/pages/proxy/index');
  // Categories in the order the API serves them; the first one is open.
  expect(page.text()).toMatch(/社会保险（\d+ 项）收起 ▲.*劳动维权（\d+ 项）展开 ▼/);
  expect(page.text()).toContain('城乡居民基本养老保险参保登记');
  expect(page.text()).not.toContain('拖欠工资投诉（劳动保障监察）');
  await phone.tap('劳动维权（');
  expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
  expect(page.text()).not.toContain('城乡居民基本养老保险参保登记');
  await phone.tap('拖欠工资投诉（劳动保障监察）');
  page = await phone.follow();
  expect(page.text()).toContain('需要带的材料');
  expect(page.text()).toContain('1. 投诉书');
  expect(page.text()).toContain('便民服务点');
  await phone.tap('为家人办');
  await page.type('.r-name', '黄秀英');
  await page.type('.r-phone', '13907710000');
  await phone.tap('提交委托'); // without consent
  expect(page.text()).toContain('请确认委托代办员为您办理');
  await phone.tap('我和家人同意委托');
  await phone.tap('提交委托');
  page = await phone.follow();
  expect(page.text()).toContain('委托已提交');
  expect(page.text()).toContain('已委托');
  expect(page.data.done).toBe(1);
  expect(page.text()).toMatch(/委托已完成.*受理进行中.*办理未开始/);
  expect(page.text()).toContain('办事人：黄秀英 · 13907710000'); // the resident reads what they gave in full (clerks see it masked)
  const id = page.data.steps && phone.calls.redirectTo[phone.calls.redirectTo.length - 1].split('id=')[1].split('&')[0];

  // Each checklist line still missing has its own upload; an upload for a line shows on that line.
  expect(page.data.checklist.map((l) => l.name)).toEqual(['投诉书', '身份证件', '劳动合同、考勤记录、工资条等能证明劳动关系和欠薪的材料']);
  expect(page.data.checklist.every((l) => l.state === '待上传')).toBe(true);
  expect(page.$$('.line-upload')).toHaveLength(3);
  phone.file('投诉书.png', png(40, 30, [60, 60, 180]));
  await phone.tap('拍照上传');
  expect(page.text()).toContain('已上传“投诉书”：投诉书.png');
  expect(page.data.checklist[0]).toMatchObject({ name: '投诉书', state: '已上传', detail: '已上传：投诉书.png' });
  expect(page.data.checklist[1].state).toBe('待上传');
  expect(page.$$('.line-upload')).toHaveLength(2);
  phone.file('劳动合同.pdf', pdf());
  await phone.tap('选文件', { index: 1 }); // the third line's, 劳动合同…
  expect(page.data.checklist[2]).toMatchObject({ state: '已上传', detail: '已上传：劳动合同.pdf' });

  // A loose upload (not for a line) is still taken and listed.
  phone.file('欠薪条.png', png(40, 30, [180, 60, 60]));
  await phone.tap('拍照或从相册上传');
  expect(page.text()).toContain('已上传：欠薪条.png');
  expect(page.data.uploaded.length).toBe(3);
  expect(page.data.uploaded.map((u) => u.detail).filter((d) => d.startsWith('对应“'))).toHaveLength(2);

  for (const step of ['accept', 'forward', 'deliver', 'archive']) await setup.clerkStep(id, step);
  page = await phone.open(`/pages/proxy/detail?id=${id}`);
  expect(page.text()).toContain('已归档');
  expect(page.text()).toMatch(/回执编号：DB\d{8}-\d+/);
  expect(page.text()).toContain('已转交劳动保障监察大队');
  expect(page.text()).toContain('回访：请评价这次代办');
  await phone.tap('提交评价');
  expect(page.text()).toContain('请先选择满意程度');
  await phone.tap('非常满意');
  await page.type('.r-comment', '代办员很热心');
  await phone.tap('提交评价');
  expect(page.text()).toContain('感谢您的评价');
  expect(page.text()).toContain('已回访');
  expect(page.data.done).toBe(6);
  expect(page.text()).not.toContain('回访：请评价这次代办');

  page = await phone.open('/pages/proxy/index?tab=mine');
  expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
  expect(page.text()).toContain('已回访');
});
