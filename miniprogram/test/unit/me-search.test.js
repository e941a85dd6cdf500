const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const store = require('../../src/utils/store');
const f = require('../support/fixtures');

describe('我的', () => {
  test('binds the phone with the getPhoneNumber code, shows refusals next to the button, and toggles larger text', async () => {
    let sent;
    const { wx } = installWx([
      { path: '/me', body: f.me() },
      { method: 'POST', path: '/auth/wechat/phone', onCall: (d) => { sent = d; }, get status() { return sent && sent.code === 'used' ? 400 : 200; },
        body: () => (sent.code === 'used' ? { status: 400, title: '请求有误', detail: '手机号验证码无效或已使用，请重新获取。' } : { phone: '158****2098', boundAt: '2026-12-06T19:00:00Z' }) },
    ]);
    const page = await openPage('pages/me/index');
    expect(page.text()).toContain('已用微信登录');
    expect(page.text()).toContain('成为志愿者');
    await page.fire('.phone-btn', 'getphonenumber', {});
    expect(page.text()).toContain('您没有同意使用手机号。');
    await page.fire('.phone-btn', 'getphonenumber', { code: 'ok.1' });
    expect(page.text()).toContain('已绑定手机号 158****2098');
    expect(page.text()).toContain('已绑定：158****2098');
    await page.fire('.phone-btn', 'getphonenumber', { code: 'used' });
    expect(page.text()).toContain('手机号验证码无效或已使用，请重新获取。');
    expect(page.text()).toContain('办理进度的微信提醒会在您预约、申请或委托代办时询问是否接收。');
    await page.fire('.large-switch', 'change', { value: true });
    expect(wx.getStorageSync('civic.largeText')).toBe(true);
    expect(page.comp.dom.innerHTML).toContain('main--page main--large');
  });

  test('asks for subscribe messages with the template ids the API serves, when it serves them', async () => {
    require('../../src/utils/subscribe').reset();
    let consents;
    const { calls } = installWx([
      { path: '/me', body: f.me() },
      { path: '/me/notification-templates', body: { items: [{ key: 'proxy-status', templateId: 'tmpl-proxy', title: '代办进度', purpose: 'x', remaining: 0 }, { key: 'appointment-reminder', templateId: 'tmpl-appt', title: '预约提醒', purpose: 'x', remaining: 0 }] } },
      { method: 'POST', path: '/me/notification-consents', onCall: (d) => { consents = d; }, body: {} },
    ]);
    const page = await openPage('pages/me/index');
    await page.tap('接收办理进度提醒');
    expect(calls.requestSubscribeMessage).toEqual([['tmpl-proxy', 'tmpl-appt']]);
    expect(consents.results).toEqual([{ templateId: 'tmpl-proxy', accepted: true }, { templateId: 'tmpl-appt', accepted: true }]);
    expect(page.text()).toContain('已开启 2 项提醒');
    require('../../src/utils/subscribe').reset();
  });

  test('shows my phone, volunteer standing, village and unread notices from one call, and links to the inbox', async () => {
    const { calls } = installWx([
      { path: '/me', body: f.me({ phone: { bound: true, masked: '138****5678', boundAt: '2026-12-01T00:00:00Z' },
        volunteer: { registered: true, starLevel: 1, starLabel: '一星志愿者', confirmedHours: 120.5, upcomingSignups: 2 }, notifications: { unread: 4, subscriptions: [] },
        openItems: { ...f.me().openItems, bookings: 1, proxyRequests: 2 } }) },
    ]);
    const page = await openPage('pages/me/index');
    const text = page.text();
    expect(text).toContain('已绑定：138****5678');
    expect(text).toContain('更换手机号');
    expect(text).toContain('我是志愿者累计 120.5 小时 · 一星志愿者 · 已报名 2 场活动');
    expect(text).toContain('青秀区 中山街道 新兴苑社区居委会');
    expect(text).toContain('我的通知4 条未读有新通知');
    expect(text).toContain('我的预约法律咨询、心理咨询 · 1 个即将到来');
    expect(text).toContain('我的代办2 件正在办理');
    expect(text).toMatch(/我的法律援助申请\s*›/);
    expect(calls.requests.filter((r) => /\/volunteers\//.test(r.url))).toEqual([]);
    await page.tap('4 条未读');
    expect(calls.navigateTo).toContain('/pages/me/notices');
  });

  test('when “me” cannot be read the page says why and offers a retry', async () => {
    installWx([{ path: '/me', status: 503, body: { status: 503, title: '服务暂时不可用', detail: '服务暂时不可用，请稍后再试。' } }]);
    const page = await openPage('pages/me/index');
    expect(page.text()).toContain('已用微信登录');
    expect(page.text()).toContain('服务暂时不可用，请稍后再试。重试');
    expect(page.text()).toContain('成为志愿者');
  });

  test('the village picker walks district → township → village and saves it on the server', async () => {
    let sent;
    installWx([
      { path: '/regions/450100/children', body: [{ code: '450103', name: '青秀区', level: 'district' }] },
      { path: '/regions/450103/children', body: [{ code: '450103002', name: '中山街道', level: 'township' }] },
      { path: '/regions/450103002/children', body: [{ code: '450103002001', name: '新兴苑社区居委会', level: 'village' }] },
      { method: 'PUT', path: '/me/home-region', onCall: (d) => { sent = d; }, body: { code: '450103002001', name: '新兴苑社区居委会', townshipName: '中山街道', districtName: '青秀区' } },
    ]);
    const page = await openPage('pages/me/village');
    await page.tap('青秀区');
    await page.tap('中山街道');
    expect(page.text()).toContain('请选择村（社区）');
    await page.tap('‹ 上一级');
    expect(page.text()).toContain('请选择乡镇（街道）');
    await page.tap('中山街道');
    await page.tap('新兴苑社区居委会');
    expect(sent).toEqual({ regionCode: '450103002001' });
    expect(page.text()).toContain('已设为：青秀区 中山街道 新兴苑社区居委会');
    expect(store.village()).toEqual({ code: '450103002001', name: '新兴苑社区居委会', path: '青秀区 中山街道 新兴苑社区居委会' });
  });

  test('a village the server refuses is not kept on the phone and the API message is shown', async () => {
    const { wx } = installWx([
      { path: '/regions/450100/children', body: [{ code: '450103002001', name: '新兴苑社区居委会', level: 'village' }] },
      { method: 'PUT', path: '/me/home-region', status: 400, body: { status: 400, title: '请求有误', detail: '请选择南宁市的村（社区）。' } },
    ]);
    wx.clearStorageSync();
    const page = await openPage('pages/me/village');
    await page.tap('新兴苑社区居委会');
    expect(page.text()).toContain('请选择南宁市的村（社区）。');
    expect(page.text()).not.toContain('已设为');
    expect(store.village()).toBeNull();
  });
});

describe('问法律·找服务', () => {
  const laws = { total: 1, page: 0, size: 5, laws: [{ lawId: 'L1', title: '中华人民共和国劳动法', issuer: '全国人民代表大会常务委员会', effective: '2018-12-29', status: 'current',
    articles: [{ no: '第五十条', chapter: '第五章 工资', ordinal: 50, snippets: ['<em>工资</em>应当以货币形式按月支付给劳动者本人。不得克扣或者无故<em>拖欠</em>劳动者的<em>工资</em>。'] }] }] };
  const services = { total: 2, hits: [{ code: 'NN-LD-001', name: '拖欠工资投诉（劳动保障监察）', department: '劳动保障监察机构', proxyAllowed: true, score: 40 },
    { code: 'NN-YL-001', name: '高龄老人津贴申领', department: '民政局', proxyAllowed: true, score: 2 }] };

  test('answers a question with services (no weak single-character matches), law articles and next steps', async () => {
    const { calls } = installWx([
      { path: /^\/search\/services\?/, body: services },
      { path: /^\/search\/laws\?/, body: laws },
      { path: '/search/laws/L1/services', body: { lawId: 'L1', title: '中华人民共和国劳动法', services: [{ code: 'NN-LD-001', name: '拖欠工资投诉（劳动保障监察）', department: 'x', proxyAllowed: true }] } },
    ]);
    let page = await openPage('pages/search/index');
    await page.tap('搜索');
    expect(page.text()).toContain('请先说说您遇到的事');
    await page.tap('工资被拖欠怎么办');
    expect(calls.requests.every((r) => !r.header.Authorization || !r.url.includes('/search/'))).toBe(true); // public, no sign-in needed
    expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
    expect(page.text()).not.toContain('高龄老人津贴申领');
    expect(page.text()).toContain('中华人民共和国劳动法 第五十条');
    expect(page.text()).not.toContain('<em>');
    expect(page.text()).toContain('请村代办点代办：拖欠工资投诉（劳动保障监察）');
    await page.tap('中华人民共和国劳动法 第五十条');
    expect(calls.navigateTo[0]).toMatch(/^\/pages\/search\/article\?lawId=L1&ordinal=50&q=/);
    page = await openPage('pages/search/article', { lawId: 'L1', ordinal: '50', q: '工资被拖欠怎么办' });
    expect(page.text()).toContain('中华人民共和国劳动法');
    expect(page.text()).toContain('2018年12月29日施行 · 现行有效');
    expect(page.text()).toContain('工资应当以货币形式按月支付给劳动者本人。');
    expect(page.text()).toContain('依据这部法律可以办的事');
    expect(page.text()).toContain('申请法律援助');
  });

  test('a question the knowledge base knows shows its plain answer and its own next step first', async () => {
    const answered = { ...laws, answers: [{ id: 'labour-probation-dismissal', topic: 'dismissal', topicLabel: '辞退与补偿',
      question: '试用期公司说辞退就辞退吗', answer: '试用期内用人单位也不能随意辞退，须证明您不符合录用条件并说明理由。',
      nextStep: { kind: 'LEGAL_AID', label: '申请法律援助', catalogueItem: null, caseType: 'LABOUR' },
      articles: [{ lawId: 'L9', title: '中华人民共和国劳动合同法', no: '第二十一条' }], score: 0.97 }] };
    const { calls } = installWx([
      { path: /^\/search\/services\?/, body: services },
      { path: /^\/search\/laws\?/, body: answered },
    ]);
    const page = await openPage('pages/search/index', { q: encodeURIComponent('试用期说辞退就辞退吗') });

    expect(page.text()).toContain('简单回答');
    expect(page.text()).toContain('试用期内用人单位也不能随意辞退');
    expect(page.text()).toContain('依据：中华人民共和国劳动合同法第二十一条');
    expect(page.data.steps[0]).toEqual(expect.objectContaining({ title: '申请法律援助', url: '/pages/legalaid/apply?caseType=LABOUR' }));
    expect(page.data.steps.filter((s) => s.url.startsWith('/pages/legalaid/apply'))).toHaveLength(1);
    expect(page.text()).not.toMatch(/LEGAL_AID|LABOUR|labour-probation/);
    await page.tap('申请法律援助');
    expect(calls.navigateTo[0]).toBe('/pages/legalaid/apply?caseType=LABOUR');
  });

  test('an article opened from a link (no search before) is found again; an unknown one says so', async () => {
    store.take('search.laws');
    installWx([{ path: /^\/search\/laws\?/, body: laws }, { path: '/search/laws/L1/services', body: { services: [] } }]);
    let page = await openPage('pages/search/article', { lawId: 'L1', ordinal: '50', q: encodeURIComponent('工资') });
    expect(page.text()).toContain('第五十条');
    store.take('search.laws');
    page = await openPage('pages/search/article', { lawId: 'L9', ordinal: '1', q: '工资' });
    expect(page.text()).toContain('没有找到这条法律规定，请返回重新搜索。');
  });
});
