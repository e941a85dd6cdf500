const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

const pub = { id: 'c1', regionCode: '450103002001', regionName: '新兴苑社区居委会', name: '新兴苑社区老友议事会', charter: '第一条', rules: '村民代表会议：到会人数不少于应到人数的 2/3方可表决', conveners: ['召集人'] };
const topic = (o = {}) => ({ id: 't1', councilId: 'c1', title: '村口路灯维修', description: '村口三盏路灯坏了一个月。', status: 'OPEN', statusLabel: '征集中', sourceLabel: '居民提出', supports: 2, createdAt: '2026-12-06T00:00:00Z', moderation: 'VISIBLE', moderationLabel: '已公开', ...o });

describe('老友议事会', () => {
  test('finds my village council; lists topics, meetings and publications; subscribes and registers for a meeting', async () => {
    let subscribed = false;
    const { wx } = installWx([
      { path: /^\/council\/public\/councils\?region=450103002001$/, body: [{ id: 'c1', name: pub.name, regionCode: pub.regionCode, openTopics: 1, publishedResolutions: 1 }] },
      { path: '/council/public/councils/c1', body: pub },
      { path: '/council/councils/c1/topics', body: f.page([topic()]) },
      { path: /^\/council\/councils\/c1\/meetings/, body: [{ id: 'm1', councilId: 'c1', title: '本月议事会议', place: '村委会议室', startsAt: f.soon(26), endsAt: f.soon(28), status: 'SCHEDULED', statusLabel: '待召开', agenda: [{ position: 1, topicId: 't1', title: '村口路灯维修' }], registrations: 3, representativesPresent: [], residentsPresent: 0 }] },
      { path: '/council/councils/c1/decisions', body: f.page([{ id: 'd1', councilId: 'c1', title: '增设健身器材', status: 'IMPLEMENTING', statusLabel: '实施中', progress: 40, updatedAt: '2026-12-06T00:00:00Z' }]) },
      { path: '/council/councils/c1/subscription', body: () => ({ councilId: 'c1', subscribed }) },
      { method: 'PUT', path: '/council/councils/c1/subscription', body: () => { subscribed = true; return { councilId: 'c1', subscribed }; } },
      { method: 'POST', path: '/council/meetings/m1/registrations', body: { id: 'm1', title: '本月议事会议', registrations: 4 } },
    ]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/council/council');
    const text = page.text();
    expect(text).toContain('新兴苑社区老友议事会');
    expect(text).toContain('村口路灯维修居民提出 · 2 人附议征集中');
    expect(text).toContain('议程：村口路灯维修');
    expect(text).toContain('增设健身器材实施进度 40%实施中');
    await page.tap('订阅决议公开通知');
    expect(page.text()).toContain('已订阅：决议和实施结果公开时会通知您。');
    await page.tap('报名参加');
    expect(page.text()).toContain('已报名参加“本月议事会议”');
    expect(page.text()).toContain('您已报名');
  });

  test('without a village it asks for one; a village without a council says so', async () => {
    const { wx } = installWx([{ path: /^\/council\/public\/councils\?/, body: [] }]);
    let page = await openPage('pages/council/council');
    expect(page.text()).toContain('请先设置您的村（社区）');
    wx.setStorageSync('civic.village', f.village);
    page = await openPage('pages/council/council');
    expect(page.text()).toContain('您所在的村（社区）还没有成立老友议事会');
  });

  test('a topic can be supported once and commented on; the API refusal is shown by the button', async () => {
    let supports = 2;
    let tries = 0;
    installWx([
      { path: '/council/topics/t1', body: () => topic({ supports }) },
      { path: '/council/topics/t1/opinions', body: [{ id: 'o1', topicId: 't1', content: '同意，晚上太黑了。', status: 'VISIBLE', statusLabel: '已公开', createdAt: '2026-12-06T12:00:00Z' }] },
      { method: 'POST', path: '/council/topics/t1/supports', onCall: () => { tries++; }, get status() { return tries > 1 ? 409 : 201; },
        body: () => (tries > 1 ? { title: '数据冲突', status: 409, detail: '每人只能附议一次。' } : { topicId: 't1', supports: ++supports }) },
      { method: 'POST', path: '/council/topics/t1/opinions', status: 201, body: { id: 'o2', topicId: 't1', content: '建议用太阳能灯', status: 'REVIEW', statusLabel: '待审核', createdAt: '2026-12-07T00:00:00Z' } },
    ]);
    const page = await openPage('pages/council/topic', { id: 't1' });
    expect(page.text()).toContain('2 人附议');
    expect(page.text()).toContain('同意，晚上太黑了。');
    await page.tap('我也赞成（附议）');
    expect(page.text()).toContain('3 人附议');
    await page.tap('我也赞成（附议）');
    expect(page.text()).toContain('每人只能附议一次。');
    await page.tap('发表意见');
    expect(page.text()).toContain('请先写下您的意见。');
    await page.type('.o-text', '建议用太阳能灯');
    await page.tap('发表意见');
    expect(page.text()).toContain('意见已提交，待审核。');
  });

  test('proposing shows refusals from the content check; the publication shows the register and photos', async () => {
    const { calls } = installWx([
      { method: 'POST', path: '/council/councils/c1/topics', status: 400, body: { title: '请求有误', status: 400, detail: '您的议题含有不宜发布的内容，未能提交。请修改后再试。' } },
      { path: '/council/public/decisions/d1', body: { id: 'd1', councilId: 'c1', title: '增设健身器材', matter: '广场增设健身器材', status: 'IMPLEMENTING', statusLabel: '实施中', progress: 40,
        resolution: { content: '同意增设健身器材。', publishedAt: '2026-12-02T02:00:00Z' },
        register: [{ id: 's1', step: 'PROPOSAL', stepLabel: '村党组织提议', attempt: 1, heldAt: '2026-12-01T02:00:00Z', expectedAttendance: 7, actualAttendance: 7, votesFor: 7, votesAgainst: 0, votesAbstain: 0, outcome: 'PASSED', outcomeLabel: '通过', recordedAt: 'x' },
          { id: 's5', step: 'RESOLUTION_PUBLISHED', stepLabel: '决议公开', attempt: 1, heldAt: '2026-12-02T02:00:00Z', outcome: 'PUBLISHED', outcomeLabel: '已公开', content: '同意增设健身器材。', recordedAt: 'x' }],
        progressUpdates: [{ id: 'p1', percent: 40, note: '器材已到货。', occurredOn: '2026-12-06', recordedAt: 'x', photos: [{ id: 'ph1', contentType: 'image/png', width: 64, height: 48, url: '/api/v1/council/public/decisions/d1/photos/ph1' }] }],
        createdAt: 'x', updatedAt: 'x' } },
    ]);
    let page = await openPage('pages/council/propose', { council: 'c1' });
    await page.type('.p-title', '某议题');
    await page.tap('提交议题');
    expect(page.text()).toContain('您的议题含有不宜发布的内容，未能提交。请修改后再试。');
    expect(calls.redirectTo).toEqual([]);
    page = await openPage('pages/council/decision', { id: 'd1' });
    expect(page.text()).toContain('实施进度 40%');
    expect(page.text()).toContain('决议内容同意增设健身器材。公开于 ');
    expect(page.text().match(/同意增设健身器材。/g)).toHaveLength(1);
    expect(page.text()).toContain('村党组织提议通过');
    expect(page.text()).toContain('应到 7 人，实到 7 人；赞成 7，反对 0，弃权 0');
    expect(page.data.progress[0].photos[0].src).toBe('http://127.0.0.1:8080/api/v1/council/public/decisions/d1/photos/ph1');
  });

  test('the decision page shows the resolution from its own field, and none before it is published', async () => {
    const decision = (o) => ({ id: 'd2', councilId: 'c1', title: '修缮村道', matter: '修缮村道', status: 'IN_PROGRESS', statusLabel: '进行中', progress: 0,
      register: [{ id: 's1', step: 'PROPOSAL', stepLabel: '党组织提议', attempt: 1, heldAt: '2026-12-01T02:00:00Z', expectedAttendance: 7, actualAttendance: 7, votesFor: 7, votesAgainst: 0, votesAbstain: 0, outcome: 'PASSED', outcomeLabel: '通过', recordedAt: 'x' }],
      progressUpdates: [], createdAt: 'x', updatedAt: 'x', ...o });
    let answer = decision(); // no resolution field before 决议公开
    installWx([{ path: '/council/public/decisions/d2', body: () => answer }]);
    let page = await openPage('pages/council/decision', { id: 'd2' });
    expect(page.text()).not.toContain('决议内容');
    expect(page.text()).toContain('还没有公开实施进度');
    // The text comes from the field, not from a register line's content.
    answer = decision({ resolution: { content: '同意修缮村道，费用由村集体承担。', publishedAt: '2026-12-03T02:00:00Z' },
      register: [...decision().register, { id: 's5', step: 'RESOLUTION_PUBLISHED', stepLabel: '决议公开', attempt: 1, heldAt: '2026-12-03T02:00:00Z', outcome: 'PUBLISHED', outcomeLabel: '已公开', content: '（登记中的文字）', recordedAt: 'x' }] });
    page = await openPage('pages/council/decision', { id: 'd2' });
    expect(page.text()).toContain('决议内容同意修缮村道，费用由村集体承担。公开于 2026年12月3日');
    expect(page.text()).not.toContain('（登记中的文字）');
  });

  test('what is mine is marked: topics I proposed or supported, meetings I registered for', async () => {
    const { wx } = installWx([
      { path: /^\/council\/public\/councils\?region=/, body: [{ id: 'c1', name: pub.name, regionCode: pub.regionCode }] },
      { path: '/council/public/councils/c1', body: pub },
      { path: '/council/councils/c1/topics', body: f.page([topic(), topic({ id: 't2', title: '修缮篮球场', supports: 5 })]) },
      { path: /^\/council\/councils\/c1\/meetings/, body: [{ id: 'm1', councilId: 'c1', title: '本月议事会议', place: '村委会议室', startsAt: f.soon(26), endsAt: f.soon(28), status: 'SCHEDULED', statusLabel: '待召开', agenda: [], registrations: 3 }] },
      { path: '/council/councils/c1/decisions', body: f.page([]) },
      { path: '/council/councils/c1/subscription', body: { councilId: 'c1', subscribed: false } },
      { path: '/council/me', body: { topics: [{ id: 't1', councilId: 'c1', councilName: pub.name, title: '村口路灯维修', status: 'OPEN', statusLabel: '征集中', moderation: 'VISIBLE', supports: 2, createdAt: '2026-12-06T00:00:00Z' }],
        supports: [{ topicId: 't2', councilId: 'c1', councilName: pub.name, title: '修缮篮球场', status: 'OPEN', statusLabel: '征集中', supportedAt: '2026-12-06T00:00:00Z' }], opinions: [],
        meetingRegistrations: [{ meetingId: 'm1', councilId: 'c1', councilName: pub.name, title: '本月议事会议', place: '村委会议室', startsAt: f.soon(26), status: 'SCHEDULED', statusLabel: '待召开', registeredAt: '2026-12-06T00:00:00Z' }], subscriptions: [] } },
    ]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/council/council');
    expect(page.text()).toContain('村口路灯维修居民提出 · 2 人附议 · 我提出的');
    expect(page.text()).toContain('修缮篮球场居民提出 · 5 人附议 · 我已附议');
    expect(page.text()).toContain('您已报名');
    expect(page.text()).not.toContain('报名参加');
  });

  test('an accepted topic gives its reason and links to its decision; a declined one gives the reason', async () => {
    const { calls } = installWx([
      { path: '/council/topics/t1', body: topic({ status: 'ACCEPTED', statusLabel: '已采纳', statusReason: '符合议事范围，列入议事日程。', decisionId: 'd1' }) },
      { path: '/council/topics/t1/opinions', body: [] },
      { path: '/council/topics/t2', body: topic({ id: 't2', status: 'DECLINED', statusLabel: '未采纳', statusReason: '属于物业管理事项，请联系物业。', decisionId: null }) },
      { path: '/council/topics/t2/opinions', body: [] },
    ]);
    let page = await openPage('pages/council/topic', { id: 't1' });
    expect(page.text()).toContain('已采纳的理由：符合议事范围，列入议事日程。');
    expect(page.text()).not.toContain('我也赞成');
    await page.tap('查看这项议题的决议和实施结果');
    expect(calls.navigateTo).toEqual(['/pages/council/decision?id=d1']);
    page = await openPage('pages/council/topic', { id: 't2' });
    expect(page.text()).toContain('未采纳的理由：属于物业管理事项，请联系物业。');
    expect(page.text()).not.toContain('查看这项议题的决议');
  });
});
