const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');

describe('心理咨询', () => {
  test('a risky answer to item 9 shows 12356 with a call button at once, before any request', async () => {
    const { calls } = installWx([]);
    const page = await openPage('pages/psychology/index');
    expect(page.text()).not.toContain('12356');
    await page.instance.answer({ currentTarget: { dataset: { key: 'p8', value: 2 } } });
    await page.settle();
    const text = page.text();
    expect(text.startsWith('‹ 返回回首页全国心理援助热线 12356')).toBe(true);
    expect(calls.requests).toHaveLength(0);
    await page.tap('立即拨打 12356');
    expect(calls.makePhoneCall).toEqual(['12356']);
  });

  test('all items must be answered; the result shows levels and leads to booking a counsellor', async () => {
    let sent;
    const { calls } = installWx([{ method: 'POST', path: '/appointments/psychology/screening', onCall: (d) => { sent = d; },
      body: { result: { phq9Score: 3, phq9Level: '无或极轻微', gad7Score: 2, gad7Level: '无或极轻微', risk: false } } }]);
    const page = await openPage('pages/psychology/index');
    await page.instance.answer({ currentTarget: { dataset: { key: 'p0', value: 1 } } });
    await page.tap('查看自测结果');
    expect(page.text()).toMatch(/还有 15 题没有选择（第 2、3、4/);
    for (const q of page.data.questions) if (q.answer < 0) page.instance.answer({ currentTarget: { dataset: { key: q.key, value: 0 } } });
    await page.tap('查看自测结果');
    expect(sent.phq9).toHaveLength(9);
    expect(sent.gad7).toHaveLength(7);
    expect(page.text()).toContain('情绪状况（PHQ-9）：无或极轻微（3 分）');
    expect(page.text()).not.toContain('12356');
    expect(require('../../src/utils/store').peek('psychology.screening')).toEqual(sent);
    await page.tap('预约心理咨询师');
    expect(calls.navigateTo).toEqual(['/pages/appointments/index?kind=COUNSELLOR']);
  });
});
