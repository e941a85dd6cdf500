const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

const page0 = { items: [f.notice(), f.notice({ id: 'n2', template: 'appointment-reminder', title: '预约提醒', body: '法律咨询，12月8日 09:00，青秀区公共法律服务中心',
  page: 'pages/appointments/detail?id=b1', createdAt: '2026-12-06T02:00:00Z', read: true, readAt: '2026-12-06T03:00:00Z' })], page: 0, size: 20, total: 3, unread: 1 };
const page1 = { items: [f.notice({ id: 'n3', template: 'council-topic', title: '议题审核结果', body: '修缮村口路灯，您的议题已审核通过', page: 'pages/council/topic?id=t1',
  createdAt: '2026-12-01T02:00:00Z', read: true })], page: 1, size: 20, total: 3, unread: 1 };

describe('我的通知', () => {
  test('lists my notices newest first with read and unread said in words, and loads more', async () => {
    const { calls } = installWx([
      { path: /^\/me\/notifications\?page=0&size=20$/, body: page0 },
      { path: /^\/me\/notifications\?page=1&size=20$/, body: page1 },
    ]);
    const page = await openPage('pages/me/notices');
    const text = page.text();
    expect(text).toContain('共 3 条通知，其中 1 条未读');
    expect(text).toMatch(/● 未读.*代办进度通知.*拖欠工资投诉（劳动保障监察），已受理.*已读.*预约提醒/);
    expect(text).toContain('12月7日 周一 10:00');
    expect(text).not.toContain('pages/');
    expect(text).not.toContain('议题审核结果');
    await page.tap('加载更多');
    expect(page.text()).toContain('议题审核结果');
    expect(page.text()).toContain('没有更早的通知了');
    expect(page.text()).not.toContain('加载更多');
    expect(calls.requests.filter((r) => r.url.includes('/me/notifications')).length).toBe(2);
  });

  test('opening an unread notice marks it read and goes to the page it links to; a read one just opens', async () => {
    let marked = 0;
    const { calls } = installWx([
      { path: /^\/me\/notifications\?/, body: page0 },
      { method: 'POST', path: '/me/notifications/n1/read', onCall: () => { marked++; }, body: f.notice({ read: true, readAt: '2026-12-07T03:00:00Z' }) },
    ]);
    const page = await openPage('pages/me/notices');
    await page.tap('代办进度通知');
    expect(marked).toBe(1);
    expect(calls.navigateTo).toEqual(['/pages/proxy/detail?id=r1']);
    expect(page.text()).not.toContain('● 未读');
    expect(page.text()).toContain('其中 0 条未读');
    await page.tap('预约提醒');
    expect(marked).toBe(1);
    expect(calls.navigateTo).toEqual(['/pages/proxy/detail?id=r1', '/pages/appointments/detail?id=b1']);
  });

  test('with no notices it says so', async () => {
    installWx([{ path: /^\/me\/notifications\?/, body: { items: [], page: 0, size: 20, total: 0, unread: 0 } }]);
    const page = await openPage('pages/me/notices');
    expect(page.text()).toContain('还没有通知');
    expect(page.text()).not.toContain('加载更多');
  });

  test('a failed list or a failed “read” shows the API message and stays', async () => {
    let fail = true;
    const { calls } = installWx([
      { path: /^\/me\/notifications\?/, get status() { return fail ? 503 : 200; }, body: () => (fail ? { status: 503, title: '服务暂时不可用', detail: '消息服务暂时不可用，请稍后再试。' } : page0) },
      { method: 'POST', path: '/me/notifications/n1/read', status: 404, body: { status: 404, title: '未找到', detail: '没有找到这条消息。' } },
    ]);
    const page = await openPage('pages/me/notices');
    expect(page.text()).toContain('消息服务暂时不可用，请稍后再试。');
    expect(page.text()).not.toContain('还没有通知');
    fail = false;
    await page.tap('重试');
    expect(page.text()).toContain('代办进度通知');
    await page.tap('代办进度通知');
    expect(page.text()).toContain('没有找到这条消息。');
    expect(calls.navigateTo).toEqual([]);
    expect(page.text()).toContain('● 未读');
  });

  test('“只看未读” asks the API for unread notices only, and says when there are none', async () => {
    installWx([{ path: /^\/me\/notifications\?page=0&size=20$/, body: page0 }]);
    const page = await openPage('pages/me/notices');
    expect(page.text()).toContain('代办进度通知');
    const { calls } = installWx([{ path: /^\/me\/notifications\?unread=true&page=0&size=20$/, body: { items: [], page: 0, size: 20, total: 0, unread: 0 } }]);
    await page.tap('只看未读');
    expect(calls.requests.map((r) => r.url.replace(/^.*\/api\/v1/, ''))).toContain('/me/notifications?unread=true&page=0&size=20');
    // The chosen filter is marked by the chip style's check mark (app.wxss .chip-on::before), not by colour alone.
    expect(page.comp.dom.innerHTML).toMatch(/chip-on"[^>]*>只看未读</);
    expect(page.text()).toContain('没有未读通知');
    expect(page.text()).not.toContain('代办进度通知');
  });
});
