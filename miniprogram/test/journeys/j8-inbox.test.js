/** Journey 8: 我的通知 — the clerk accepts my 代办 request, the notice waits in my inbox unread, I open it and it is read. */
const { Phone } = require('../support/phone');
const setup = require('../support/setup');

/** Notices arrive through the outbox and Kafka: reopen the inbox until `expected` shows (or give up after ~40 s). */
async function inboxShowing(phone, expected) {
  let page;
  for (let i = 0; i < 40; i++) {
    page = await phone.open('/pages/me/notices');
    if (page.text().includes(expected)) return page;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the inbox never showed “${expected}”: ${page.text()}`);
}

test('a citizen sees the clerk’s acceptance as an unread notice, opens it on the request, and it is read', async () => {
  const place = await setup.village(0, 0);
  await setup.servicePoint(place.village.code, ['NN-LD-001']);
  const phone = new Phone(`j8${Date.now().toString(36)}`);
  phone.wx.setStorageSync('civic.village', { code: place.village.code, name: place.village.name, path: `青秀区 ${place.township.name} ${place.village.name}` });

  let page = await phone.open('/pages/me/notices');
  expect(page.text()).toContain('还没有通知');

  page = await phone.open('/pages/proxy/item?code=NN-LD-001');
  await page.type('.r-name', '黄秀英');
  await page.type('.r-phone', '13907710000');
  await phone.tap('同意委托');
  await phone.tap('提交委托');
  page = await phone.follow();
  expect(page.text()).toContain('委托已提交');
  const id = phone.calls.redirectTo[phone.calls.redirectTo.length - 1].split('id=')[1].split('&')[0];
  await setup.clerkStep(id, 'accept');

  page = await inboxShowing(phone, '已受理');
  expect(page.text()).toContain('代办进度通知');
  expect(page.text()).toMatch(/● 未读\s*\d+月\d+日 周. \d\d:\d\d\s*代办进度通知\s*拖欠工资投诉（劳动保障监察），已受理/);
  expect(page.text()).not.toMatch(/[A-Za-z]{4,}/);
  const unreadBefore = page.data.unread;
  expect(unreadBefore).toBeGreaterThanOrEqual(1);

  // The home page counts it and leads to the inbox.
  page = await phone.open('/pages/home/index');
  expect(page.text()).toContain(`我的通知${unreadBefore} 条未读`);
  expect(page.text()).toMatch(/代办\d+ 件正在办理/);
  await phone.tap('我的通知');
  page = await phone.follow();
  const accepted = page.data.items.find((n) => n.body.includes('已受理'));
  expect(accepted.read).toBe(false);

  // Opening it marks it read and shows the request it is about.
  await phone.tap('已受理');
  expect(page.data.items.find((n) => n.id === accepted.id).read).toBe(true);
  expect(page.data.unread).toBe(unreadBefore - 1);
  page = await phone.follow();
  expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
  expect(page.text()).toContain('已受理');
  expect(page.text()).toMatch(/回执编号：DB\d{8}-\d+/);

  // It stays read: the inbox and the 我的 page say so.
  page = await phone.open('/pages/me/notices');
  const again = page.data.items.find((n) => n.id === accepted.id);
  expect(again.read).toBe(true);
  expect(page.text()).toContain(`其中 ${unreadBefore - 1} 条未读`);
  page = await phone.open('/pages/me/index');
  expect(page.text()).toContain(unreadBefore - 1 > 0 ? `${unreadBefore - 1} 条未读` : '没有未读通知');
});
