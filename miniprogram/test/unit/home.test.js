const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');
const store = require('../../src/utils/store');

describe('首页', () => {
  test('shows the search box, the large entrances, my open items and unread notices from one call', async () => {
    const { calls } = installWx([
      { path: '/me', body: f.me({ openItems: { ...f.me().openItems, proxyRequests: 2, bookings: 1, legalAidApplications: 1, legalAidSupplementsRequested: 1 }, notifications: { unread: 3, subscriptions: [] } }) },
    ]);
    const page = await openPage('pages/home/index');
    const text = page.text();
    expect(text).toContain('您好，有什么可以帮您？');
    for (const entrance of ['问法律', '法律咨询预约', '法律援助申请', '心理咨询', '志愿者', '老友议事会', '代办服务']) expect(text).toContain(entrance);
    expect(text).toContain('我的通知3 条未读');
    expect(text).toContain('代办2 件正在办理');
    expect(text).toContain('我的预约1 个即将到来');
    expect(text).toContain('法律援助申请待补充材料1 件请补充');
    expect(text).not.toContain('志愿活动');
    expect(text).toContain('我的村（社区）：青秀区 中山街道 新兴苑社区居委会');
    // one call for all of it, and the served village is cached for the other pages
    expect(calls.requests.filter((r) => !r.url.includes('/auth/')).map((r) => r.url.replace(/^.*\/api\/v1/, ''))).toEqual(['/me']);
    expect(store.village()).toEqual(f.village);

    await page.tap('代办2 件正在办理');
    expect(calls.navigateTo).toContain('/pages/proxy/index?tab=mine');
    await page.tap('我的通知');
    expect(calls.navigateTo).toContain('/pages/me/notices');
    await page.tap('心理咨询');
    expect(calls.navigateTo).toContain('/pages/psychology/index');
  });

  test('searching hands the question to the search tab', async () => {
    const { calls } = installWx([{ path: '/me', body: f.me() }]);
    const page = await openPage('pages/home/index');
    await page.type('.search-input', '工资被拖欠怎么办');
    await page.tap('搜索');
    expect(calls.switchTab).toContain('/pages/search/index');
    expect(store.take('search.q')).toBe('工资被拖欠怎么办');
  });

  test('with nothing open and nothing unread it says so in words', async () => {
    installWx([{ path: '/me', body: f.me({ homeRegion: null }) }]);
    const page = await openPage('pages/home/index');
    expect(page.text()).toContain('目前没有正在办理的事项');
    expect(page.text()).toContain('没有未读通知');
    expect(page.text()).toContain('设置我的村（社区），就近办事');
  });

  test('a village chosen on this phone before the server kept one is sent up once', async () => {
    let sent;
    const { wx } = installWx([
      { path: '/me', body: f.me({ homeRegion: null }) },
      { method: 'PUT', path: '/me/home-region', onCall: (d) => { sent = d; }, body: { code: f.village.code, name: f.village.name, townshipName: '中山街道', districtName: '青秀区' } },
    ]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/home/index');
    expect(sent).toEqual({ regionCode: '450103002001' });
    expect(page.text()).toContain('我的村（社区）：青秀区 中山街道 新兴苑社区居委会');
  });

  test('when the business part cannot answer it says some items are missing; when the call fails it shows the API message with a retry', async () => {
    let fail = true;
    installWx([
      { path: '/me', get status() { return fail ? 503 : 200; }, body: () => (fail ? { status: 503, title: '服务暂时不可用', detail: '业务服务暂时无法连接，请稍后再试。' } : f.me({ openItems: null, complete: false })) },
    ]);
    const page = await openPage('pages/home/index');
    expect(page.text()).toContain('业务服务暂时无法连接，请稍后再试。');
    fail = false;
    await page.tap('重试');
    expect(page.text()).not.toContain('业务服务暂时无法连接');
    expect(page.text()).toContain('部分事项暂时查不到，请稍后下拉刷新。');
    expect(page.text()).not.toContain('目前没有正在办理的事项');
  });
});
