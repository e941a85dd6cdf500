const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

describe('代办', () => {
  test('the guide groups the catalogue by category and my requests show their state', async () => {
    installWx([
      { path: /^\/catalogue\/items\?/, body: { items: [f.item, { ...f.item, code: 'NN-SB-001', name: '城乡居民基本养老保险参保登记', proxyAllowed: false, category: 'SB', categoryLabel: '社会保险' },
        { ...f.item, code: 'NN-XX-001', name: '新增的试点事项', category: 'PILOT', categoryLabel: '试点事项' }], page: 0, size: 100, total: 3 } },
      { path: '/catalogue/categories', body: f.categories },
      { path: '/proxy/requests/mine', body: f.page([f.request({ status: 'ARCHIVED', statusLabel: '已归档' })]) },
    ]);
    const page = await openPage('pages/proxy/index');
    expect(page.text()).toContain('劳动维权（1 项）收起 ▲');
    expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
    expect(page.text()).not.toContain('城乡居民基本养老保险参保登记');
    expect(page.text()).toMatch(/劳动维权（1 项）.*社会保险（1 项）.*试点事项（1 项）/);
    expect(page.text()).not.toContain('其他事项');
    await page.tap('社会保险（1 项）');
    expect(page.text()).toContain('城乡居民基本养老保险参保登记');
    await page.tap('我的代办');
    expect(page.text()).toContain('已办结，请评价');
    expect(page.text()).toContain('回执 DB20261207-000001');
  });

  test('an item shows what to bring and submits for a family member with consent at my village point', async () => {
    let sent;
    const { wx, calls } = installWx([
      { path: '/catalogue/items/NN-LD-001', body: f.item },
      { path: /^\/proxy\/points\?region=450103002001$/, body: [f.point] },
      { method: 'POST', path: '/proxy/requests', status: 201, onCall: (d) => { sent = d; }, body: f.request({ status: 'AUTHORISED' }) },
    ]);
    wx.setStorageSync('civic.session', { accessToken: 'access-1', refreshToken: 'refresh-1', accountId: 'acc-1' }); // signed in earlier
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/proxy/item', { code: 'NN-LD-001' });
    expect(page.text()).toContain('1. 投诉书2. 身份证件3. 劳动合同、考勤记录、工资条等能证明劳动关系和欠薪的材料');
    expect(page.text()).toContain('办理时限：20 个工作日');
    expect(page.text()).toContain('新兴苑社区便民服务点');
    await page.tap('拨打代办点电话');
    expect(calls.makePhoneCall).toEqual(['0771-5551234']);
    await page.tap('为家人办');
    expect(page.text()).toContain('家人的姓名（办事人）');
    await page.type('.r-name', '黄秀英');
    await page.type('.r-phone', '13907710000');
    await page.tap('提交委托');
    expect(page.text()).toContain('请确认委托代办员为您办理。');
    await page.tap('我和家人同意委托');
    await page.tap('提交委托');
    expect(sent).toEqual({ pointId: 'pt1', itemCode: 'NN-LD-001', residentName: '黄秀英', residentPhone: '13907710000', consent: true, consentChannel: 'MINI_PROGRAM' });
    expect(calls.redirectTo).toEqual(['/pages/proxy/detail?id=r1&submitted=1']);
  });

  test('an item opens without signing in (from a public search hit); only asking for 代办 signs in', async () => {
    const { wx, calls } = installWx([
      { path: '/catalogue/items/NN-LD-001', body: { ...f.item, materials: '这段文字不再拆分', materialsList: ['投诉书', '身份证件'] } },
      { path: /^\/proxy\/points\?region=450103002001$/, body: [f.point] },
    ]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/proxy/item', { code: 'NN-LD-001' });
    expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
    expect(page.text()).toContain('1. 投诉书2. 身份证件');
    expect(page.text()).not.toContain('这段文字不再拆分');
    expect(calls.login).toBe(0);
    const itemRead = calls.requests.find((r) => r.url.endsWith('/catalogue/items/NN-LD-001'));
    expect(itemRead.header.Authorization).toBeUndefined();
    expect(calls.requests.some((r) => r.url.includes('/proxy/points'))).toBe(false);
    expect(page.text()).toContain('登录后可以委托您所在村（社区）的代办员代为办理。');
    expect(page.text()).not.toContain('提交委托');

    await page.tap('登录并申请代办');
    expect(calls.login).toBe(1);
    expect(page.text()).toContain('新兴苑社区便民服务点');
    expect(page.text()).toContain('提交委托');
    expect(calls.requests.filter((r) => r.url.includes('/proxy/points')).pop().header.Authorization).toBe('Bearer access-1');
  });

  test('an item whose answer has no materialsList still lists the materials from the text', async () => {
    const { materialsList, ...older } = f.item;
    installWx([{ path: '/catalogue/items/NN-LD-001', body: older }]);
    const page = await openPage('pages/proxy/item', { code: 'NN-LD-001' });
    expect(page.text()).toContain('1. 投诉书2. 身份证件3. 劳动合同');
  });

  test('a retired or unknown item says so without asking to sign in', async () => {
    const { calls } = installWx([
      { path: '/catalogue/items/NN-XX-404', status: 404, body: { status: 404, title: '未找到', detail: '服务事项 NN-XX-404 不存在或已下线。' } },
    ]);
    const page = await openPage('pages/proxy/item', { code: 'NN-XX-404' });
    expect(page.text()).toContain('不存在或已下线');
    expect(calls.login).toBe(0);
  });

  test('each missing checklist line has its own upload; an upload names its line and the line shows it uploaded', async () => {
    const line = (name, uploads = []) => ({ name, ticked: false, uploaded: uploads.length > 0, uploads });
    let state = f.request({ status: 'AUTHORISED', statusLabel: '已委托', receiptNo: null, forwardDue: null, expectedBy: null,
      timeline: [f.request().timeline[0]], materials: [line('投诉书'), line('身份证件')] });
    let files = [{ id: 'm0', requestId: 'r1', checklistItem: null, displayName: '情况说明.pdf', contentType: 'application/pdf', sizeBytes: 100, uploadedAt: '2026-12-06T20:00:00Z' }];
    const { device, calls } = installWx([
      { path: '/proxy/requests/r1', body: () => state },
      { path: '/proxy/requests/r1/materials', body: () => files },
      { method: 'POST', path: '/proxy/requests/r1/materials', status: 201,
        body: () => {
          const m = { id: 'm1', requestId: 'r1', checklistItem: '身份证件', displayName: '身份证.jpg', contentType: 'image/jpeg', sizeBytes: 100, uploadedAt: '2026-12-07T01:00:00Z' };
          files = [...files, m];
          state = { ...state, materials: [line('投诉书'), line('身份证件', [{ id: 'm1', displayName: '身份证.jpg', uploadedAt: m.uploadedAt }])] };
          return m;
        } },
    ]);
    device.chosenFiles = [{ path: '/tmp/身份证.jpg' }];
    const page = await openPage('pages/proxy/detail', { id: 'r1' });
    expect(page.text()).toContain('投诉书还未上传待上传');
    expect(page.text()).toContain('身份证件还未上传待上传');
    expect(page.$$('.line-upload')).toHaveLength(2);
    expect(page.text()).toContain('情况说明.pdf');

    await page.tap('拍照上传', { index: 1 });
    const sent = calls.requests.filter((r) => r.method === 'UPLOAD').pop();
    expect(sent.url).toBe('http://127.0.0.1:8080/api/v1/proxy/requests/r1/materials?checklistItem=' + encodeURIComponent('身份证件'));
    expect(page.text()).toContain('已上传“身份证件”：身份证.jpg');
    expect(page.text()).toContain('身份证件已上传：身份证.jpg已上传');
    expect(page.$$('.line-upload')).toHaveLength(1);
    expect(page.text()).toContain('对应“身份证件” · 上传于');
    expect(page.text()).not.toMatch(/m0|m1|r1/);
  });

  test('an upload for a line the checklist does not have is refused with the API\'s words', async () => {
    installWx([
      { path: '/proxy/requests/r1', body: f.request({ status: 'AUTHORISED', statusLabel: '已委托', materials: [{ name: '投诉书', ticked: false, uploaded: false, uploads: [] }] }) },
      { path: '/proxy/requests/r1/materials', body: [] },
      { method: 'POST', path: '/proxy/requests/r1/materials', status: 400,
        body: { status: 400, title: '请求有误', detail: '材料清单中没有“投诉书”这一项，请按清单选择：身份证件。', errors: [{ field: 'checklistItem', message: '材料清单中没有“投诉书”这一项' }] } },
    ]).device.chosenFiles = [{ path: '/tmp/a.png' }];
    const page = await openPage('pages/proxy/detail', { id: 'r1' });
    await page.tap('拍照上传');
    expect(page.text()).toContain('材料清单中没有“投诉书”这一项');
    expect(page.text()).toContain('投诉书还未上传待上传');
  });

  test('an item my point does not offer, or one that cannot be proxied, says so', async () => {
    const { wx } = installWx([
      { path: '/catalogue/items/NN-LD-001', body: f.item },
      { path: /^\/proxy\/points\?region=/, body: [{ ...f.point, itemCodes: [] }] },
      { path: '/catalogue/items/NN-HJ-001', body: { ...f.item, code: 'NN-HJ-001', name: '居民身份证换领', proxyAllowed: false } },
    ]);
    wx.setStorageSync('civic.session', { accessToken: 'access-1', refreshToken: 'refresh-1', accountId: 'acc-1' }); // signed in earlier
    wx.setStorageSync('civic.village', f.village);
    let page = await openPage('pages/proxy/item', { code: 'NN-LD-001' });
    expect(page.text()).toContain('新兴苑社区便民服务点暂不代办这项业务');
    page = await openPage('pages/proxy/item', { code: 'NN-HJ-001' });
    expect(page.text()).toContain('这项业务需要本人到部门办理，不能代办。');
  });

  test('the detail shows the six steps, uploads while open and rates at 回访', async () => {
    let state = f.request({ status: 'ARCHIVED', statusLabel: '已归档' });
    let rating;
    installWx([
      { path: '/proxy/requests/r1', body: () => state },
      { path: '/proxy/requests/r1/materials', body: [] },
      { method: 'POST', path: '/proxy/requests/r1/follow-up', onCall: (d) => { rating = d; },
        body: () => { state = f.request({ status: 'FOLLOWED_UP', statusLabel: '已回访', timeline: [...state.timeline, { status: 'FOLLOWED_UP', statusLabel: '已回访', note: '满意度 5 分：代办员很热心', occurredAt: '2026-12-08T01:00:00Z' }] }); return state; } },
    ]);
    const page = await openPage('pages/proxy/detail', { id: 'r1' });
    expect(page.text()).toMatch(/✓委托已完成.*· 本人.*✓受理已完成12月7日 周一 04:00 · 那洪村代办员受理，回执编号 DB20261207-000001/);
    expect(page.text()).not.toMatch(/u1|u2|acc-/);
    expect(page.text()).toContain('●回访进行中');
    expect(page.text()).toContain('投诉书已核对');
    expect(page.text()).toContain('身份证件待核对');
    expect(page.text()).not.toContain('拍照或从相册上传');
    await page.tap('提交评价');
    expect(page.text()).toContain('请先选择满意程度。');
    await page.tap('非常满意');
    await page.type('.r-comment', '代办员很热心');
    await page.tap('提交评价');
    expect(rating).toEqual({ satisfaction: 5, comment: '代办员很热心' });
    expect(page.text()).toContain('感谢您的评价！');
    expect(page.text()).toContain('回访：满意度 5 分：代办员很热心');
    expect(page.text()).toContain('✓回访已完成');
  });

  test('the guide says why when the categories cannot be read', async () => {
    installWx([
      { path: /^\/catalogue\/items\?/, body: { content: [f.item], totalSize: 1 } },
      { path: '/catalogue/categories', status: 503, body: { status: 503, title: '服务暂时不可用', detail: '事项目录暂时无法读取，请稍后再试。' } },
      { path: '/proxy/requests/mine', body: f.page([]) },
    ]);
    const page = await openPage('pages/proxy/index');
    expect(page.text()).toContain('事项目录暂时无法读取，请稍后再试。重试');
    expect(page.text()).not.toContain('劳动维权');
  });

  test('the detail names the point with a call button and the expected day, from the request itself', async () => {
    const { calls } = installWx([
      { path: '/proxy/requests/r1', body: f.request() },
      { path: '/proxy/requests/r1/materials', body: [] },
    ]);
    const page = await openPage('pages/proxy/detail', { id: 'r1' });
    expect(page.text()).toContain('新兴苑社区便民服务点');
    expect(page.text()).toContain('地址：社区党群服务中心一楼');
    expect(page.text()).toContain('电话：0771-5551234');
    expect(page.text()).toContain('预计办结：2027年1月8日 前');
    expect(page.text()).not.toContain('撤回委托'); // accepted already
    await page.tap('拨打代办点电话');
    expect(calls.makePhoneCall).toEqual(['0771-5551234']);
    expect(calls.requests.some((r) => r.url.includes('/proxy/points/'))).toBe(false);
  });

  test('before 受理 the resident can withdraw after confirming; a refusal is shown next to the button', async () => {
    let state = f.request({ status: 'AUTHORISED', statusLabel: '已委托', receiptNo: null, expectedBy: null, forwardDue: null, timeline: [f.request().timeline[0]] });
    let withdrawals = 0;
    let refuse = false;
    const { device, calls } = installWx([
      { path: '/proxy/requests/r1', body: () => state },
      { path: '/proxy/requests/r1/materials', body: [] },
      { method: 'POST', path: '/proxy/requests/r1/withdrawal', get status() { return refuse ? 409 : 200; }, onCall: () => { withdrawals++; },
        body: () => {
          if (refuse) return { status: 409, title: '不能撤回', detail: '代办员已受理，不能再撤回；如需停止办理，请联系代办点。' };
          state = { ...state, status: 'WITHDRAWN', statusLabel: '已撤回', timeline: [...state.timeline, { status: 'WITHDRAWN', statusLabel: '已撤回', note: '居民在小程序撤回', actorName: '本人', occurredAt: '2026-12-07T02:30:00Z' }] };
          return state;
        } },
    ]);
    const page = await openPage('pages/proxy/detail', { id: 'r1' });
    expect(page.text()).not.toContain('预计办结');
    expect(page.text()).toContain('代办员受理前，您可以撤回这项委托。');
    device.modalConfirm = false;
    await page.tap('撤回委托');
    expect(calls.modal[0].content).toContain('确定撤回吗？');
    expect(withdrawals).toBe(0);
    refuse = true;
    device.modalConfirm = true;
    await page.tap('撤回委托');
    expect(page.text()).toContain('代办员已受理，不能再撤回；如需停止办理，请联系代办点。');
    refuse = false;
    await page.tap('撤回委托');
    expect(withdrawals).toBe(2);
    expect(page.text()).toContain('委托已撤回');
    expect(page.text()).toContain('已撤回');
    expect(page.text()).toContain('您已于 12月7日 周一 10:30 撤回这项委托，代办员不再办理。');
    expect(page.text()).not.toContain('撤回委托');
    expect(page.text()).not.toContain('办理进度');
    expect(page.text()).not.toContain('拍照或从相册上传');
  });
});
