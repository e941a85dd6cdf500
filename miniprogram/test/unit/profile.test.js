const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

const POLICY = { version: '2026-12', title: '个人资料保存说明', text: '您同意后，我们保存您的姓名和身份证号码（加密存储）……' };
const EMPTY = { saved: false, name: null, idNumber: null, birthDate: null, adult: null, phone: '13907715678', phoneBoundAt: '2026-12-01T09:00:00+08:00',
  consentVersion: null, consentedAt: null, consentCurrent: false, updatedAt: null, policy: POLICY };
const SAVED = { ...EMPTY, saved: true, name: '黄秀梅', idNumber: '450103198503171235', birthDate: '1985-03-17', adult: true,
  consentVersion: '2026-12', consentedAt: '2026-12-07T09:00:00+08:00', consentCurrent: true, updatedAt: '2026-12-07T09:00:00+08:00' };

describe('我的资料', () => {
  test('saves name and ID number only after the citizen agrees to the policy, and can erase them again', async () => {
    let stored = null;
    let sent = null;
    installWx([
      { path: '/me/profile', body: () => (stored ? SAVED : EMPTY) },
      { method: 'PUT', path: '/me/profile', onCall: (d) => { sent = d; stored = true; }, body: SAVED },
      { method: 'DELETE', path: '/me/profile', status: 204, onCall: () => { stored = null; } },
    ]);
    const page = await openPage('pages/me/profile');
    expect(page.text()).toContain('还没有保存资料');
    expect(page.text()).toContain('已绑定：13907715678');
    expect(page.text()).toContain('个人资料保存说明');
    await page.type('.f-name', '黄秀梅');
    await page.type('.f-id', '450103198503171235');
    await page.tap('同意并保存');
    expect(page.text()).toContain('请阅读资料保存说明并勾选同意后再保存。');
    expect(sent).toBeNull();
    await page.tap('我已阅读并同意保存');
    await page.tap('同意并保存');
    expect(sent).toEqual({ name: '黄秀梅', idNumber: '450103198503171235', consent: true, policyVersion: '2026-12' });
    expect(page.text()).toContain('已保存，办事时自动填写');
    expect(page.text()).toContain('已保存。以后办事会自动填写这些资料。');

    await page.tap('撤回同意并删除资料');
    expect(page.text()).toContain('确定删除吗？');
    await page.tap('确定删除');
    expect(stored).toBeNull();
    expect(page.text()).toContain('还没有保存资料');
    expect(page.data.idNumber).toBe('');
  });

  test('a saved profile fills the legal-aid form, which the citizen can still change', async () => {
    let sent;
    installWx([
      { path: '/me/profile', body: SAVED },
      { path: '/appointments/legal-aid/case-types', body: f.caseTypes },
      { path: '/appointments/legal-aid/exempt-grounds', body: f.exemptGrounds },
      { method: 'POST', path: '/appointments/legal-aid/applications', status: 201, onCall: (d) => { sent = d; }, body: f.application() },
    ]);
    const page = await openPage('pages/legalaid/apply');
    expect(page.text()).toContain('已按“我的资料”自动填写');
    expect(page.data).toMatchObject({ applicantName: '黄秀梅', idNumber: '450103198503171235', phone: '13907715678' });
    await page.type('.f-phone', '13907710001');
    await page.tap('请求确认劳动关系或者支付劳动报酬');
    await page.tap('进城务工人员');
    await page.tap('提交申请');
    expect(sent).toMatchObject({ applicantName: '黄秀梅', idNumber: '450103198503171235', phone: '13907710001' });
  });

  test('without a saved name and ID number a form fills only the bound phone', async () => {
    installWx([
      { path: '/me/profile', body: EMPTY },
      { path: '/volunteers/consent-policy', body: { version: 'v1', title: '志愿者个人信息处理规则', text: '……' } },
    ]);
    const page = await openPage('pages/volunteer/register');
    expect(page.data).toMatchObject({ realName: '', idNumber: '', phone: '13907715678' });
    expect(page.text()).toContain('已按“我的资料”自动填写'); // the bound phone alone is filled
  });

  test('a 代办 request for a family member does not carry the citizen’s own prefilled name and phone', async () => {
    let sent;
    const { wx } = installWx([
      { path: '/me/profile', body: SAVED },
      { path: '/catalogue/items/NN-LD-001', body: f.item },
      { path: /^\/proxy\/points\?region=450103002001$/, body: [f.point] },
      { method: 'POST', path: '/proxy/requests', status: 201, onCall: (d) => { sent = d; }, body: f.request({ status: 'AUTHORISED' }) },
    ]);
    wx.setStorageSync('civic.village', f.village);
    const page = await openPage('pages/proxy/item', { code: 'NN-LD-001' });
    expect(page.data).toMatchObject({ residentName: '', residentPhone: '' }); // the guide is public: nothing read before signing in
    await page.tap('登录并申请代办');
    expect(page.data).toMatchObject({ residentName: '黄秀梅', residentPhone: '13907715678' });
    await page.tap('为家人办');
    expect(page.data).toMatchObject({ residentName: '', residentPhone: '' });
    expect(page.text()).not.toContain('已按“我的资料”自动填写');
    await page.tap('为自己办');
    expect(page.data).toMatchObject({ residentName: '黄秀梅', residentPhone: '13907715678' });
    await page.tap('我同意委托');
    await page.tap('提交委托');
    expect(sent).toMatchObject({ residentName: '黄秀梅', residentPhone: '13907715678' });
  });
});
