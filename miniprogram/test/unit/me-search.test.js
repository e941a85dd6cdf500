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

  test('with more templates than WeChat asks at once, each tap asks for the three with the fewest subscriptions left', async () => {
    require('../../src/utils/subscribe').reset();
    const left = { a: 2, b: 0, c: 5, d: 0, e: 1 };
    const { calls } = installWx([
      { path: '/me', body: f.me() },
      { path: '/me/notification-templates', body: () => ({ items: Object.keys(left).map((k) => ({ key: k, templateId: `t-${k}`, title: k, purpose: 'x', remaining: left[k] })) }) },
      { method: 'POST', path: '/me/notification-consents', onCall: (d) => { for (const r of d.results) if (r.accepted) left[r.templateId.slice(2)] += 1; }, body: {} },
    ]);
    const page = await openPage('pages/me/index');
    await page.tap('接收办理进度提醒');
    expect(calls.requestSubscribeMessage[0]).toEqual(['t-b', 't-d', 't-e']);
    await page.tap('接收办理进度提醒');
    expect(calls.requestSubscribeMessage[1]).toEqual(['t-b', 't-d', 't-a']);
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
  const steps = [
    { kind: 'CATALOGUE_ITEM', label: '办理：拖欠工资投诉（劳动保障监察）', catalogueItem: 'NN-LD-001', articleId: 'L1-50' },
    { kind: 'CONSULTATION', label: '预约免费法律咨询' },
    { kind: 'LEGAL_AID', label: '申请法律援助' },
    { kind: 'SERVICE_POINT', label: '找我村的服务点' },
  ];
  const laws = { total: 2, page: 0, size: 5, answers: [], laws: [
    { lawId: 'L1', title: '中华人民共和国劳动法', issuer: '全国人民代表大会常务委员会', effective: '2018-12-29', status: 'current', statusLabel: '现行有效',
      otherVersions: [{ lawId: 'L0', title: '中华人民共和国劳动法', status: 'historical', statusLabel: '已被修改', effectiveOn: '1995-01-01' }],
      articles: [{ articleId: 'L1-50', no: '第五十条', chapter: '第五章 工资', ordinal: 50, snippets: ['<em>工资</em>应当以货币形式按月支付给劳动者本人。不得克扣或者无故<em>拖欠</em>劳动者的<em>工资</em>。'] }],
      nextSteps: steps },
    { lawId: 'I1', title: '最高人民法院关于适用《中华人民共和国合同法》若干问题的解释（一）', status: 'repealed', statusLabel: '已失效',
      statusNote: '所解释的《中华人民共和国合同法》已由《中华人民共和国民法典》废止（2021-01-01 起），本解释随之失效', otherVersions: [],
      articles: [{ articleId: 'I1-3', no: '第三条', ordinal: 3, snippets: ['拖欠'] }], nextSteps: steps.slice(1) }] };
  const services = { total: 1, hits: [{ code: 'NN-LD-001', name: '拖欠工资投诉（劳动保障监察）', department: '劳动保障监察机构', proxyAllowed: true, score: 40 }] };
  const article = (no, ordinal, extra = {}) => ({ articleId: `L1-${ordinal}`, no, ordinal, text: `第${ordinal}条的全文。\n第二款。`, headings: ['第五章 工资'],
    law: { lawId: 'L1', title: '中华人民共和国劳动法', effective: '2018-12-29', status: 'current', statusLabel: '现行有效' },
    previous: { articleId: `L1-${ordinal - 1}`, no: `第${ordinal - 1}条` }, next: { articleId: `L1-${ordinal + 1}`, no: `第${ordinal + 1}条` },
    nextSteps: steps, ...extra });

  test('answers a question with floored services, marked law hits, their catalogue items and the served next steps', async () => {
    const { calls } = installWx([
      { path: /^\/search\/services\?/, body: services },
      { path: /^\/search\/laws\?/, body: laws },
    ]);
    const page = await openPage('pages/search/index');
    await page.tap('搜索');
    expect(page.text()).toContain('请先说说您遇到的事');
    await page.tap('工资被拖欠怎么办');
    expect(calls.requests.every((r) => !r.header.Authorization || !r.url.includes('/search/'))).toBe(true); // public, no sign-in needed
    expect(calls.requests.find((r) => r.url.includes('/search/services?')).url).toContain('minScore=3'); // the server floors weak hits
    expect(page.text()).toContain('拖欠工资投诉（劳动保障监察）');
    expect(page.text()).toContain('中华人民共和国劳动法 第五十条');
    expect(page.text()).toContain('现行有效 · 另有 1 个旧版本');
    expect(page.text()).toContain('已失效，仅供参考');
    expect(page.text()).not.toContain('<em>');
    // The law hit's catalogue item as a button under it, and the next steps the API serves, once each.
    expect(page.data.laws[0].steps).toEqual([expect.objectContaining({ title: '办理：拖欠工资投诉（劳动保障监察）', url: '/pages/proxy/item?code=NN-LD-001' })]);
    const urls = page.data.steps.map((s) => s.url);
    expect(urls).toEqual([...new Set(urls)]);
    expect(page.text()).toContain('预约免费法律咨询');
    expect(page.text()).toContain('找我村的服务点');
    expect(page.text()).not.toMatch(/CATALOGUE_ITEM|SERVICE_POINT|repealed/);
    await page.tap('找我村的服务点');
    expect(calls.navigateTo).toContain('/pages/proxy/index');
    await page.tap('中华人民共和国劳动法 第五十条');
    expect(calls.navigateTo).toContain('/pages/search/article?articleId=L1-50');
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

  test('an article shows its whole text, its place, the articles before and after it and the way to the table of contents', async () => {
    const { calls } = installWx([
      { path: '/search/law-articles/L1-50', body: article('第五十条', 50) },
      { path: '/search/law-articles/L1-51', body: article('第五十一条', 51) },
    ]);
    const page = await openPage('pages/search/article', { articleId: 'L1-50' });
    expect(page.text()).toContain('中华人民共和国劳动法');
    expect(page.text()).toContain('2018年12月29日施行 · 现行有效');
    expect(page.text()).toContain('第五章 工资');
    expect(page.data.paragraphs).toEqual(['第50条的全文。', '第二款。']);
    expect(page.text()).toContain('以上为条文全文');
    expect(page.text()).toContain('‹ 上一条（第49条）');
    expect(page.text()).toContain('办理：拖欠工资投诉（劳动保障监察）');
    expect(page.text()).toContain('找我村的服务点');
    await page.tap('下一条（第51条）›');
    expect(page.text()).toContain('第51条的全文。');
    expect(page.data.articleId).toBe('L1-51');
    await page.tap('这部法规的全部目录');
    expect(calls.navigateTo).toContain('/pages/search/law?lawId=L1&articleId=L1-51');
  });

  test('a repealed article says so and why; a link from before article ids still opens; an unknown one says so in Chinese', async () => {
    installWx([
      { path: '/search/law-articles/I1-3', body: article('第三条', 3, { articleId: 'I1-3', previous: null, next: null,
        law: { lawId: 'I1', title: '某解释', status: 'repealed', statusLabel: '已失效', statusNote: '所解释的《中华人民共和国合同法》已由《中华人民共和国民法典》废止（2021-01-01 起），本解释随之失效' } }) },
      { path: '/search/law-articles/L1-50', body: article('第五十条', 50) },
      { path: '/search/law-articles/L9-1', status: 404, body: { status: 404, title: '未找到', detail: '未找到该法条。' } },
    ]);
    let page = await openPage('pages/search/article', { articleId: 'I1-3' });
    expect(page.text()).toContain('已失效');
    expect(page.text()).toContain('本解释随之失效');
    expect(page.text()).not.toContain('上一条');
    page = await openPage('pages/search/article', { lawId: 'L1', ordinal: '50', q: encodeURIComponent('工资') });
    expect(page.text()).toContain('第五十条');
    page = await openPage('pages/search/article', { articleId: 'L9-1' });
    expect(page.text()).toContain('未找到该法条。');
  });

  test('a law’s table of contents lists its chapters and articles, marks where the reader came from and names the version in force', async () => {
    const { calls } = installWx([
      { path: '/search/laws/L0', body: { lawId: 'L0', title: '中华人民共和国劳动法', issuer: '全国人民代表大会常务委员会', effective: '1995-01-01',
        status: 'historical', statusLabel: '已被修改', statusNote: '已有新版本', currentLawId: 'L1', articleCount: 3, history: [],
        otherVersions: [{ lawId: 'L1', title: '中华人民共和国劳动法', status: 'current', statusLabel: '现行有效', effectiveOn: '2018-12-29' }],
        contents: [
          { heading: '第一章 总则', headings: ['第一章 总则'], articles: [{ articleId: 'L0-1', no: '第一条', ordinal: 1 }, { articleId: 'L0-2', no: '第二条', ordinal: 2 }] },
          { heading: '第五章 工资', headings: ['第五章 工资'], articles: [{ articleId: 'L0-3', no: '第三条', ordinal: 3 }] }] } },
    ]);
    const page = await openPage('pages/search/law', { lawId: 'L0', articleId: 'L0-2' });
    expect(page.text()).toContain('已被修改');
    expect(page.text()).toContain('共 3 条');
    expect(page.text()).toContain('查看现行版本');
    expect(page.text()).toContain('2018年12月29日施行的版本');
    expect(page.text()).toContain('第一章 总则');
    expect(page.text()).toContain('第五章 工资');
    expect(page.data.sections[0].articles[1]).toEqual(expect.objectContaining({ no: '第二条', here: true }));
    await page.tap('第三条');
    expect(calls.navigateTo).toContain('/pages/search/article?articleId=L0-3');
    await page.tap('查看现行版本');
    expect(calls.navigateTo).toContain('/pages/search/law?lawId=L1');
  });
});
