const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

const me = { id: 'v1', status: 'ACTIVE', statusLabel: '正常', realName: '黄**', minor: false, homeRegion: '450103002001', skills: [], registeredAt: '2026-12-01T00:00:00Z', consents: [] };
const hours = { volunteerId: 'v1', confirmedMinutes: 150, confirmedHours: 2.5, stars: 0, starLabel: '未评星', starsUnderNotice: 0, nextStarAtHours: 100, ledger: [], unconfirmedMinutes: 30, unconfirmedClaims: [] };

const policyRoute = { path: '/volunteers/consent-policy', body: { version: '2026-03', title: '南宁市志愿者实名注册个人信息处理规则（2026-03 版）',
  text: '南宁市志愿者实名注册个人信息处理规则（2026-03 版）\n\n一、处理者\n……\n三、您的权利\n您可以随时撤回同意。' } };

describe('志愿者', () => {
  test('not registered: offers registration; registered: hours, star level and my sign-ups with their activities', async () => {
    installWx([{ path: '/volunteers/me', status: 404, body: { title: '未找到', status: 404, detail: '您还没有注册志愿者。' } }]);
    let page = await openPage('pages/volunteer/index');
    expect(page.text()).toContain('成为南宁志愿者');
    expect(page.text()).not.toContain('您还没有注册志愿者');
    installWx([
      { path: '/volunteers/me', body: me }, { path: '/volunteers/me/hours', body: hours },
      { path: '/volunteers/me/signups', body: f.page([{ id: 's1', activityId: 'ac1', volunteerId: 'v1', status: 'WAITLISTED', statusLabel: '候补', waitlistNo: 2, signedUpAt: '2026-12-06T00:00:00Z',
        activity: { title: '社区义诊引导', startsAt: '2026-12-09T01:00:00Z', endsAt: '2026-12-09T03:00:00Z', place: '社区广场', regionCode: '450103002001', status: 'PUBLISHED' } }]) },
    ]);
    const { calls } = { calls: global.wx.__calls };
    page = await openPage('pages/volunteer/index');
    expect(calls.requests.some((r) => r.url.includes('/volunteers/activities/'))).toBe(false);
    expect(page.text()).toContain('12月9日 周三 09:00 · 社区广场');
    expect(page.text()).toMatch(/黄\*\*正常2\.5 小时星级：未评星累计满 100 小时可评下一星级另有 30 分钟 待组织方确认/);
    expect(page.text()).toContain('社区义诊引导');
    expect(page.text()).toContain('候补第 2 位');
  });

  test('registration needs the village and consent; a minor must name a guardian', async () => {
    let sent;
    const { calls, wx } = installWx([{ method: 'POST', path: '/volunteers', status: 201, onCall: (d) => { sent = d; }, body: me }, policyRoute]);
    let page = await openPage('pages/volunteer/register');
    expect(page.text()).toContain('南宁市志愿者实名注册个人信息处理规则（2026-03 版）');
    expect(page.text()).not.toContain('三、您的权利');
    await page.tap('阅读规则全文');
    expect(page.text()).toContain('三、您的权利');
    await page.tap('提交注册');
    expect(page.text()).toContain('请先设置您的村（社区）');
    wx.setStorageSync('civic.village', f.village);
    page = await openPage('pages/volunteer/register');
    expect(page.text()).toContain('青秀区 中山街道 新兴苑社区居委会');
    await page.type('.f-id', f.id('20150101'));
    expect(page.text()).toContain('未满 14 周岁注册志愿者，需要监护人同意');
    await page.type('.f-name', '黄小明');
    await page.tap('医疗');
    await page.tap('提交注册');
    expect(page.text()).toContain('请阅读并同意个人信息处理规则后再注册。');
    await page.tap('我已阅读并同意');
    await page.type('.g-name', '黄丽萍');
    await page.tap('监护人已同意');
    await page.tap('提交注册');
    expect(sent).toMatchObject({ realName: '黄小明', homeRegion: '450103002001', skills: ['医疗'], sensitiveInfoConsent: true, consentPolicyVersion: '2026-03',
      guardian: { name: '黄丽萍', consent: true } });
    expect(calls.redirectTo).toEqual(['/pages/volunteer/index?registered=1']);
  });

  test('an activity page signs up, waitlists, and checks in with the scanned code', async () => {
    let signups = [];
    const running = f.activity({ startsAt: f.soon(-0.5), endsAt: f.soon(2) });
    const { device } = installWx([
      { path: '/volunteers/activities/ac1', body: running },
      { path: '/volunteers/me/signups', body: () => f.page(signups) },
      { method: 'POST', path: '/volunteers/activities/ac1/signups', status: 201, body: () => { signups = [{ id: 's1', activityId: 'ac1', status: 'CONFIRMED', statusLabel: '已报名' }]; return signups[0]; } },
      { method: 'POST', path: '/volunteers/activities/ac1/check-in', onCall: (d) => { device.sentCode = d.code; }, body: { activityId: 'ac1', volunteerId: 'v1', checkInAt: '2026-12-07T01:05:00Z', requiredMinutes: 72, confirmed: false } },
    ]);
    const page = await openPage('pages/volunteer/activity', { id: 'ac1' });
    expect(page.text()).toContain('名额：共 10 人，剩余 7 人');
    await page.tap('我要报名');
    expect(page.text()).toContain('报名成功，请按时参加。');
    device.scanResult = 'civic-checkin:11111111-2222-4333-8444-123456789012:654321';
    await page.tap('扫码签到');
    expect(page.text()).toContain('这是其他活动的签到码');
    expect(device.sentCode).toBeUndefined();
    device.scanResult = 'civic-checkin:ac1:482913';
    await page.tap('扫码签到');
    expect(device.sentCode).toBe('482913');
    expect(page.text()).toContain('签到成功（09:05）');
  });

  test('the activity page shows my attendance from the API, checks in by a QR payload of THAT activity or a typed code, and refuses another activity\'s QR', async () => {
    const running = f.activity({ startsAt: f.soon(-0.5), endsAt: f.soon(2) });
    const other = '11111111-2222-4333-8444-123456789012';
    const elsewhere = '99999999-2222-4333-8444-123456789012';
    let checkedIn = false;
    const sent = [];
    const mine = { activityId: 'ac1', signedUp: true, signupStatus: 'CONFIRMED', signupStatusLabel: '已报名', requiredMinutes: 96, recordedMinutes: 0, recordedHours: 0, confirmed: false };
    installWx([
      { path: '/volunteers/activities/ac1', body: running },
      { path: /^\/volunteers\/me\/signups/, body: f.page([
        { id: 's1', activityId: 'ac1', status: 'CONFIRMED', statusLabel: '已报名' },
        { id: 's2', activityId: other, status: 'CONFIRMED', statusLabel: '已报名', activity: { title: '邕江河道清洁', startsAt: f.soon(-1), endsAt: f.soon(1), place: '邕江南岸', regionCode: '450103002001', status: 'PUBLISHED' } }]) },
      { path: '/volunteers/activities/ac1/attendance/mine', body: () => (checkedIn
        ? { ...mine, checkInAt: '2026-12-07T01:02:00Z', status: 'CHECKED_IN', statusLabel: '已签到' }
        : { ...mine, status: 'NOT_CHECKED_IN', statusLabel: '未签到' }) },
      { method: 'POST', path: `/volunteers/activities/${other}/check-in`, onCall: (d) => sent.push([other, d.code]), body: { activityId: other, volunteerId: 'v1', checkInAt: '2026-12-07T01:03:00Z', requiredMinutes: 60, confirmed: false } },
      { method: 'POST', path: '/volunteers/activities/ac1/check-in', onCall: (d) => { sent.push(['ac1', d.code]); checkedIn = true; }, body: { activityId: 'ac1', volunteerId: 'v1', checkInAt: '2026-12-07T01:02:00Z', requiredMinutes: 96, confirmed: false } },
    ]);
    const { device } = { device: global.wx.__device };
    const page = await openPage('pages/volunteer/activity', { id: 'ac1' });
    expect(page.text()).toContain('签到状态：未签到');
    expect(page.text()).not.toContain('扫码签退');

    device.scanResult = `civic-checkin:${elsewhere}:123456`;
    await page.tap('扫码签到');
    expect(page.text()).toContain('这是其他活动的签到码，您没有报名该活动或仍在候补，不能签到。');
    expect(sent).toEqual([]);

    device.scanResult = `civic-checkin:${other}:654321`;
    await page.tap('扫码签到');
    expect(sent).toEqual([[other, '654321']]);
    expect(page.text()).toContain('已在“邕江河道清洁”签到成功（09:03）');
    expect(page.text()).toContain('签到状态：未签到');

    await page.tap('用签到码签到');
    expect(page.text()).toContain('请输入现场出示的 6 位签到码。');
    await page.type('.f-code', '482913');
    await page.tap('用签到码签到');
    expect(sent[1]).toEqual(['ac1', '482913']);
    expect(page.text()).toContain('签到成功（09:02）');
    expect(page.text()).toContain('签到状态：已签到 09:02');
    expect(page.text()).toContain('扫码签退');
    expect(page.text()).not.toContain('扫码签到');
    expect(page.text()).toContain('用签到码签退');
  });

  test('attendance after the activity: checked out and hours confirmed, or not signed up at all', async () => {
    const ended = f.activity({ startsAt: f.soon(-3), endsAt: f.soon(-1) });
    installWx([
      { path: '/volunteers/activities/ac1', body: ended },
      { path: /^\/volunteers\/me\/signups/, body: f.page([{ id: 's1', activityId: 'ac1', status: 'CONFIRMED', statusLabel: '已报名' }]) },
      { path: '/volunteers/activities/ac1/attendance/mine', body: { activityId: 'ac1', signedUp: true, signupStatus: 'CONFIRMED', signupStatusLabel: '已报名',
        checkInAt: '2026-12-07T01:02:00Z', checkOutAt: '2026-12-07T03:10:00Z', attendedMinutes: 128, qualifies: true, requiredMinutes: 96, creditableMinutes: 120,
        recordedMinutes: 120, recordedHours: 2, confirmed: true, status: 'CONFIRMED', statusLabel: '时长已确认' } },
    ]);
    let page = await openPage('pages/volunteer/activity', { id: 'ac1' });
    expect(page.text()).toContain('签到状态：已签到 09:02，已签退 11:10');
    expect(page.text()).toContain('时长：已确认 2 小时');
    expect(page.text()).toContain('活动已结束。');

    installWx([
      { path: '/volunteers/activities/ac1', body: ended },
      { path: /^\/volunteers\/me\/signups/, body: f.page([]) },
      { path: '/volunteers/activities/ac1/attendance/mine', status: 404, body: { title: '未找到', status: 404, detail: '您没有报名该活动。' } },
    ]);
    page = await openPage('pages/volunteer/activity', { id: 'ac1' });
    expect(page.text()).not.toContain('签到状态');
    expect(global.wx.__calls.requests.some((r) => r.url.includes('/attendance/mine'))).toBe(false);
  });

  test('a volunteer asks for a certificate with a purpose; my requests show their status, a second open one is refused in Chinese', async () => {
    let asked = null;
    let requests = [{ id: 'q0', kind: 'SERVICE_HOURS', kindLabel: '志愿服务时长证明', status: 'DECLINED', statusLabel: '未出具', requestedAt: '2026-11-02T02:00:00Z', declineReason: '时长尚在核对' }];
    installWx([
      { path: /^\/volunteers\/me\/certificates/, body: f.page([]) },
      { path: /^\/volunteers\/me\/certificate-requests/, body: () => f.page(requests) },
      { method: 'POST', path: '/volunteers/me/certificate-requests', status: 201, onCall: (d) => { asked = d; },
        body: () => { const r = { id: 'q1', kind: 'SERVICE_HOURS', kindLabel: '志愿服务时长证明', purpose: '升学', status: 'OPEN', statusLabel: '待处理', requestedAt: '2026-12-07T02:00:00Z' };
          requests = [r, ...requests]; return r; } },
    ]);
    let page = await openPage('pages/volunteer/certificates');
    expect(page.text()).toContain('我的申请');
    expect(page.text()).toContain('未出具，原因：时长尚在核对');
    expect(page.text()).not.toContain('q0');
    await page.tap('申请证明');
    await page.type('.f-purpose', ' 升学 ');
    await page.tap('提交申请');
    expect(asked).toEqual({ kind: 'SERVICE_HOURS', purpose: '升学' });
    expect(page.text()).toContain('已提交申请，组织方出具或不予出具时会通知您。');
    expect(page.text()).toMatch(/志愿服务时长证明待处理2026年12月7日申请 · 用途：升学组织方处理后会通知您/);

    installWx([
      { path: /^\/volunteers\/me\/certificates/, body: f.page([]) },
      { path: /^\/volunteers\/me\/certificate-requests/, body: f.page([]) },
      { method: 'POST', path: '/volunteers/me/certificate-requests', status: 409,
        body: { type: 'https://civic.nanning.gov.cn/problems/request-open', title: '冲突', status: 409, detail: '您已申请过志愿服务时长证明，正在等待组织方处理，请勿重复申请。' } },
    ]);
    page = await openPage('pages/volunteer/certificates');
    expect(page.text()).toContain('还没有证书');
    await page.tap('申请证明');
    await page.tap('提交申请');
    expect(page.text()).toContain('您已申请过志愿服务时长证明，正在等待组织方处理，请勿重复申请。');
  });

  test('teams of my township can be joined, then show among my teams; certificates open as PDF', async () => {
    let joined = false;
    const { wx, calls } = installWx([
      { path: /^\/volunteers\/stations\?region=450103002$/, body: [{ id: 'st1', townshipCode: '450103002', name: '中山街道志愿服务站', address: '中山街道综合文化站', createdAt: '2026-12-01T00:00:00Z' }] },
      { path: /^\/volunteers\/teams\?station=st1$/, body: [{ id: 't1', stationId: 'st1', townshipCode: '450103002', name: '平安巡防队', type: 'PATROL', typeLabel: '平安巡防队', leaderVolunteerId: 'x', leaderName: '韦**', members: 5, createdAt: '2026-12-01T00:00:00Z' }] },
      { path: /^\/volunteers\/me\/teams\?/, body: () => ({ items: joined ? [{ team: { id: 't1', stationId: 'st1', townshipCode: '450103002', name: '平安巡防队', type: 'PATROL', typeLabel: '平安巡防队', leaderName: '韦**', members: 5 },
        role: 'MEMBER', roleLabel: '队员', status: 'PENDING', statusLabel: '待队长审核', requestedAt: '2026-12-07T00:00:00Z', decidedAt: null, note: null }] : [], page: 0, size: 50, total: joined ? 1 : 0 }) },
      { method: 'POST', path: '/volunteers/teams/t1/join-requests', status: 201, onCall: () => { joined = true; }, body: { id: 'm1', teamId: 't1', volunteerId: 'v1', volunteerName: '黄**', role: 'MEMBER', status: 'PENDING', statusLabel: '待队长审核', requestedAt: '2026-12-07T00:00:00Z' } },
      { path: '/volunteers/me/certificates', body: f.page([{ number: 'NNZY2026-ABC', volunteerId: 'v1', volunteerName: '黄**', idNumber: '4501**', totalMinutes: 150, totalHours: 2.5, issuer: '青秀区志愿服务联合会', contact: '0771', issuedOn: '2026-12-07', issuedAt: '2026-12-07T00:00:00Z', status: 'ISSUED', statusLabel: '有效', verificationUrl: 'x', pdfPath: 'x' }]) },
      { path: '/volunteers/certificates/NNZY2026-ABC/pdf', body: '' },
    ]);
    wx.setStorageSync('civic.village', f.village);
    let page = await openPage('pages/volunteer/teams');
    expect(page.text()).toContain('中山街道志愿服务站');
    expect(page.text()).toContain('平安巡防队 · 队长 韦** · 5 人');
    expect(page.text()).not.toContain('我的服务队');
    await page.tap('申请加入');
    expect(page.text()).toContain('已申请加入，状态：待队长审核');
    expect(page.text()).toContain('我的服务队平安巡防队平安巡防队 · 队员 · 队长 韦**待队长审核');
    expect(page.text()).toContain('我：待队长审核');
    expect(page.$('.join')).toBeFalsy();
    page = await openPage('pages/volunteer/certificates');
    expect(page.text()).toContain('志愿服务证明 · 2.5 小时');
    expect(page.text()).toContain('青秀区志愿服务联合会 · 2026年12月7日出具');
    await page.tap('打开证书');
    expect(calls.openDocument).toEqual([{ filePath: '/tmp/wx-download.pdf', fileType: 'pdf' }]);
  });

  test('activities near me come from my village outwards', async () => {
    const { wx } = installWx([
      { path: /^\/volunteers\/activities\?region=450103002001&size=50$/, body: f.page([]) },
      { path: /^\/volunteers\/activities\?region=450103002&size=50$/, body: f.page([f.activity({ remaining: 0 })]) },
    ]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/volunteer/activities');
    expect(page.text()).toContain('社区义诊引导');
    expect(page.text()).toContain('名额已满，可报名候补');
  });

  test('registration cannot go ahead before the rules are read from the API; a retry brings them', async () => {
    let fail = true;
    const { wx } = installWx([{ path: '/volunteers/consent-policy', get status() { return fail ? 503 : 200; },
      body: () => (fail ? { status: 503, title: '服务暂时不可用', detail: '服务暂时不可用，请稍后再试。' } : policyRoute.body) }]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/volunteer/register');
    expect(page.text()).toContain('服务暂时不可用，请稍后再试。重试');
    expect(page.text()).not.toContain('我已阅读并同意');
    await page.tap('提交注册');
    expect(page.text()).toContain('个人信息处理规则还没有读取成功');
    fail = false;
    await page.tap('重试');
    expect(page.text()).toContain('我已阅读并同意');
  });

  test('my teams say when I was turned down and why; a failure to read them is shown', async () => {
    const { wx } = installWx([
      { path: /^\/volunteers\/stations\?/, body: [] },
      { path: /^\/volunteers\/me\/teams\?/, body: { items: [{ team: { id: 't9', name: '助老服务队', typeLabel: '志愿服务队', leaderName: '李**' }, role: 'MEMBER', roleLabel: '队员', status: 'REJECTED', statusLabel: '未通过',
        requestedAt: '2026-12-01T00:00:00Z', decidedAt: '2026-12-02T00:00:00Z', note: '本队名额已满' }], page: 0, size: 50, total: 1 } },
    ]);
    wx.setStorageSync('civic.village', f.village);
    let page = await openPage('pages/volunteer/teams');
    expect(page.text()).toContain('助老服务队志愿服务队 · 队员 · 队长 李**理由：本队名额已满未通过');
    expect(page.text()).toContain('附近还没有志愿服务站');
    installWx([
      { path: /^\/volunteers\/stations\?/, body: [] },
      { path: /^\/volunteers\/me\/teams\?/, status: 500, body: { status: 500, title: '服务器内部错误' } },
    ]);
    page = await openPage('pages/volunteer/teams');
    expect(page.text()).toContain('服务器内部错误');
    expect(page.text()).not.toContain('附近还没有志愿服务站');
  });
});
