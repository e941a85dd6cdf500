const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

describe('法律援助申请', () => {
  test('the form offers case types and exemption grounds in words; field messages appear by their field', async () => {
    let sent;
    const { calls } = installWx([
      { path: '/appointments/legal-aid/case-types', body: f.caseTypes },
      { path: '/appointments/legal-aid/exempt-grounds', body: f.exemptGrounds },
      { method: 'POST', path: '/appointments/legal-aid/applications', get status() { return sent && sent.idNumber === 'bad' ? 400 : 201; },
        onCall: (d) => { sent = d; },
        body: () => (sent.idNumber === 'bad' ? { title: '请求有误', status: 400, detail: '身份证号码应为 18 位，最后一位可以是 X。', errors: [{ field: 'idNumber', message: '身份证号码应为 18 位，最后一位可以是 X。' }] } : f.application()) },
    ]);
    const page = await openPage('pages/legalaid/apply');
    expect(page.text()).toContain('请求给付赡养费、抚养费、扶养费');
    expect(page.text()).toContain('遭受虐待、遗弃或者家庭暴力的受害人主张相关权益法律援助法第三十二条');
    await page.type('.f-name', '黄丽萍');
    await page.type('.f-id', 'bad');
    await page.tap('请求确认劳动关系或者支付劳动报酬');
    await page.tap('进城务工人员');
    await page.tap('提交申请');
    expect(page.data.fieldErrors.idNumber).toBe('身份证号码应为 18 位，最后一位可以是 X。');
    expect(page.text()).toContain('！身份证号码应为 18 位，最后一位可以是 X。');
    expect(sent).toMatchObject({ caseType: 'LABOUR', exemptGround: 'ART42_MIGRANT_WORKER_WAGES_OR_INJURY', regionCode: '450103' });
    await page.tap('说明经济困难');
    await page.type('.f-hardship', '家庭月收入低于最低生活保障标准');
    await page.type('.f-id', '450103198604125592');
    await page.tap('提交申请');
    expect(sent.exemptGround).toBeUndefined();
    expect(sent.hardshipStatement).toBe('家庭月收入低于最低生活保障标准');
    expect(calls.redirectTo).toEqual(['/pages/legalaid/detail?id=a1&submitted=1']);
  });

  test('the application page shows status, due date and basis, and uploads a document', async () => {
    let docs = [];
    const { device } = installWx([
      { path: '/appointments/legal-aid/applications/a1', body: f.application() },
      { path: '/appointments/legal-aid/applications/a1/documents', body: () => docs },
      { method: 'POST', path: '/appointments/legal-aid/applications/a1/documents', status: 201,
        body: () => { docs = [{ id: 'd1', applicationId: 'a1', displayName: '工资条.png', contentType: 'image/png', sizeBytes: 100, sha256: 'x', uploadedByApplicant: true, uploadedAt: '2026-12-07T02:00:00Z' }]; return docs[0]; } },
    ]);
    const page = await openPage('pages/legalaid/detail', { id: 'a1', submitted: '1' });
    expect(page.text()).toContain('申请已提交，请上传证明材料');
    expect(page.text()).toContain('审查中');
    expect(page.text()).toContain('预计在 2026年12月16日 前作出是否给予法律援助的决定');
    expect(page.text()).toContain('免于经济困难审查：申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员（法律援助法第四十二条）');
    expect(page.text()).toContain('还没有上传证明材料');
    device.chosenFiles = [{ path: '/tmp/工资条.png' }];
    await page.tap('拍照或从相册上传');
    expect(page.text()).toContain('已上传：工资条.png');
    expect(page.text()).toMatch(/工资条\.png上传于 12月7日 周. 10:00已上传/);
  });

  test('a supplement request is shown with a place to answer it; my applications list them', async () => {
    installWx([
      { path: '/appointments/legal-aid/applications/a1', body: f.application({ status: 'SUPPLEMENT_REQUESTED', statusLabel: '待补充材料', clockPaused: true }) },
      { path: '/appointments/legal-aid/applications/a1/documents', body: [] },
      { path: '/appointments/legal-aid/applications/mine', body: f.page([f.application(), f.application({ id: 'a2', status: 'REJECTED', statusLabel: '决定不予法律援助' })]) },
    ]);
    let page = await openPage('pages/legalaid/detail', { id: 'a1' });
    expect(page.text()).toContain('待补充材料');
    expect(page.text()).toContain('工作人员请您补充材料');
    expect(page.text()).toContain('等待您补充材料，补齐后继续审查');
    page = await openPage('pages/legalaid/mine');
    expect(page.text()).toContain('预计 2026年12月16日 前作出决定');
    expect(page.text()).toContain('决定不予法律援助');
  });

  test('a matter type handed over from a law answer is chosen; when the lists cannot be read the page says so and retries', async () => {
    let fail = true;
    installWx([
      { path: '/appointments/legal-aid/case-types', get status() { return fail ? 503 : 200; }, body: () => (fail ? { status: 503, title: '服务暂时不可用', detail: '服务暂时不可用，请稍后再试。' } : f.caseTypes) },
      { path: '/appointments/legal-aid/exempt-grounds', body: f.exemptGrounds },
    ]);
    const page = await openPage('pages/legalaid/apply', { caseType: 'MAINTENANCE' });
    expect(page.text()).toContain('服务暂时不可用，请稍后再试。重试');
    expect(page.text()).not.toContain('请求给付赡养费');
    fail = false;
    await page.tap('重试');
    expect(page.text()).toContain('◉ 请求给付赡养费、抚养费、扶养费');
    expect(page.text()).toContain('○ 请求确认劳动关系或者支付劳动报酬');
    expect(page.data.caseType).toBe('MAINTENANCE');
  });

  test('an application under review can be withdrawn after confirming; once withdrawn it says so and offers nothing more', async () => {
    let state = f.application();
    let withdrawals = 0;
    let refuse = false;
    const { device, calls } = installWx([
      { path: '/appointments/legal-aid/applications/a1', body: () => state },
      { path: '/appointments/legal-aid/applications/a1/documents', body: [] },
      { method: 'POST', path: '/appointments/legal-aid/applications/a1/withdrawal', get status() { return refuse ? 409 : 200; }, onCall: () => { withdrawals++; },
        body: () => {
          if (refuse) return { status: 409, title: '不能撤回', detail: '已经作出决定的申请不能撤回。' };
          state = f.application({ status: 'WITHDRAWN', statusLabel: '已撤回' });
          return state;
        } },
    ]);
    const page = await openPage('pages/legalaid/detail', { id: 'a1' });
    expect(page.text()).toContain('作出决定前，您可以撤回申请。');
    device.modalConfirm = false;
    await page.tap('撤回申请');
    expect(calls.modal[0].title).toBe('撤回申请');
    expect(withdrawals).toBe(0);
    device.modalConfirm = true;
    refuse = true;
    await page.tap('撤回申请');
    expect(page.text()).toContain('已经作出决定的申请不能撤回。');
    refuse = false;
    await page.tap('撤回申请');
    expect(withdrawals).toBe(2);
    expect(page.text()).toContain('申请已撤回');
    expect(page.text()).toContain('您已撤回这份申请，不再审查。');
    expect(page.text()).not.toContain('撤回申请');
    expect(page.text()).not.toContain('拍照或从相册上传');
    expect(page.text()).not.toContain('预计在');
  });

  test('an attended consultation offers to apply, the application names it, and each leads to the other', async () => {
    let sent;
    const { calls } = installWx([
      { path: '/appointments/bookings/b1', body: f.booking({ status: 'ATTENDED', statusLabel: '已到场', startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T09:30:00+08:00' }) },
      { path: '/appointments/legal-aid/case-types', body: f.caseTypes },
      { path: '/appointments/legal-aid/exempt-grounds', body: f.exemptGrounds },
      { method: 'POST', path: '/appointments/legal-aid/applications', status: 201, onCall: (d) => { sent = d; }, body: f.application({ consultationId: 'b1' }) },
      { path: '/appointments/legal-aid/applications/a1', body: f.application({ consultationId: 'b1' }) },
      { path: '/appointments/legal-aid/applications/a1/documents', body: [] },
    ]);
    let page = await openPage('pages/appointments/detail', { id: 'b1' });
    await page.tap('申请法律援助');
    expect(calls.navigateTo).toEqual(['/pages/legalaid/apply?consultationId=b1']);
    page = await openPage('pages/legalaid/apply', { consultationId: 'b1' });
    await page.type('.f-name', '黄丽萍');
    await page.tap('提交申请');
    expect(sent.consultationId).toBe('b1');
    page = await openPage('pages/legalaid/detail', { id: 'a1' });
    await page.tap('查看提出这份申请的法律咨询');
    expect(calls.navigateTo[1]).toBe('/pages/appointments/detail?id=b1');
  });
});
