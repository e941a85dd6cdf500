const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');

const inAnHour = new Date(Date.now() + 3600e3).toISOString();

describe('首页', () => {
  test('shows the search box, the large entrances and my open items from three lists', async () => {
    const { calls } = installWx([
      { path: '/proxy/requests/mine', body: [{ id: 'r1', itemName: '拖欠工资投诉（劳动保障监察）', status: 'ACCEPTED', statusLabel: '已受理', createdAt: '2026-12-06T19:45:35Z' },
        { id: 'r2', itemName: '残疾人证申领', status: 'FOLLOWED_UP', statusLabel: '已回访', createdAt: '2026-11-01T01:00:00Z' }] },
      { path: '/appointments/legal-aid/applications/mine', body: [{ id: 'a1', status: 'UNDER_REVIEW', statusLabel: '审查中', caseTypeLabel: '请求确认劳动关系或者支付劳动报酬', submittedOn: '2026-12-07' }] },
      { path: '/appointments/bookings/mine', body: [{ id: 'b1', serviceLabel: '法律咨询', providerName: '青秀区法援律师', status: 'CONFIRMED', statusLabel: '已预约', startsAt: inAnHour, endsAt: inAnHour }] },
    ]);
    const page = await openPage('pages/home/index');
    const text = page.text();
    expect(text).toContain('您好，有什么可以帮您？');
    for (const entrance of ['问法律', '法律咨询预约', '法律援助申请', '心理咨询', '志愿者', '老友议事会', '代办服务']) expect(text).toContain(entrance);
    expect(text).toContain('代办：拖欠工资投诉（劳动保障监察）');
    expect(text).toContain('已受理');
    expect(text).not.toContain('残疾人证申领');
    expect(text).toContain('法律援助申请');
    expect(text).toContain('审查中');
    expect(text).toContain('法律咨询：青秀区法援律师');

    await page.tap('代办：拖欠工资投诉');
    expect(calls.navigateTo).toContain('/pages/proxy/detail?id=r1');
    await page.tap('心理咨询');
    expect(calls.navigateTo).toContain('/pages/psychology/index');
  });

  test('searching hands the question to the search tab', async () => {
    const { calls } = installWx([]);
    const page = await openPage('pages/home/index');
    await page.type('.search-input', '工资被拖欠怎么办');
    await page.tap('搜索');
    expect(calls.switchTab).toContain('/pages/search/index');
    expect(require('../../src/utils/store').take('search.q')).toBe('工资被拖欠怎么办');
  });

  test('with nothing open it says so in words', async () => {
    installWx([{ path: '/proxy/requests/mine', body: [] }, { path: '/appointments/legal-aid/applications/mine', body: [] }, { path: '/appointments/bookings/mine', body: [] }]);
    const page = await openPage('pages/home/index');
    expect(page.text()).toContain('目前没有正在办理的事项');
  });
});
