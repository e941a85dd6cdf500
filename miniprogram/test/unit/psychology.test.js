const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');

/** `GET /appointments/psychology/screening/questions` as the API serves it. */
const served = {
  instructions: '在过去两周里，您有多少时间受到以下问题的困扰？请为每个问题选择最符合的一项。',
  scale: [{ value: 0, label: '完全不会' }, { value: 1, label: '好几天' }, { value: 2, label: '一半以上的天数' }, { value: 3, label: '几乎每天' }],
  phq9: { code: 'PHQ9', title: '抑郁症状自评（PHQ-9）', items: ['做事时提不起劲或没有兴趣', '感到心情低落、沮丧或绝望', '入睡困难、睡不安稳或睡眠过多', '感觉疲倦或没有活力', '食欲不振或吃太多',
    '觉得自己很糟', '对事物专注有困难', '动作或说话速度缓慢', '有不如死掉或用某种方式伤害自己的念头'].map((text, i) => ({ no: i + 1, text })) },
  gad7: { code: 'GAD7', title: '焦虑症状自评（GAD-7）', items: ['感觉紧张、焦虑或急切', '不能够停止或控制担忧', '对各种各样的事情担忧过多', '很难放松下来', '由于不安而无法静坐', '变得容易烦恼或急躁',
    '感到似乎将有可怕的事情发生而害怕'].map((text, i) => ({ no: i + 1, text })) },
  riskItem: 'PHQ-9 第 9 题选择 1 分及以上',
  hotline: { number: '12356', name: '全国心理援助热线', message: '如果您有伤害自己的想法，请立即拨打全国心理援助热线 12356（24 小时）。' },
};
const questionsRoute = { path: '/appointments/psychology/screening/questions', body: served };

describe('心理咨询', () => {
  test('shows the served questions and scale; a risky answer to item 9 shows the hotline with a call button at once, before any answer is sent', async () => {
    const { calls } = installWx([questionsRoute]);
    const page = await openPage('pages/psychology/index');
    expect(page.text()).toContain('在过去两周里，您有多少时间受到以下问题的困扰？');
    expect(page.text()).toContain('9. 有不如死掉或用某种方式伤害自己的念头');
    expect(page.text()).toContain('16. 感到似乎将有可怕的事情发生而害怕');
    expect(page.text()).toContain('○ 一半以上的天数');
    expect(page.text()).not.toContain('12356');
    await page.instance.answer({ currentTarget: { dataset: { key: 'p9', value: 2 } } });
    await page.settle();
    expect(page.text().startsWith('‹ 返回回首页全国心理援助热线 12356')).toBe(true);
    expect(page.text()).toContain('（24 小时）');
    expect(calls.requests.filter((r) => r.method === 'POST' && !r.url.includes('/auth/'))).toHaveLength(0);
    await page.tap('立即拨打 12356');
    expect(calls.makePhoneCall).toEqual(['12356']);
  });

  test('all items must be answered; the result shows levels and leads to booking a counsellor', async () => {
    let sent;
    const { calls } = installWx([questionsRoute, { method: 'POST', path: '/appointments/psychology/screening', onCall: (d) => { sent = d; },
      body: { result: { phq9Score: 3, phq9Level: '无或极轻微', gad7Score: 2, gad7Level: '无或极轻微', risk: false } } }]);
    const page = await openPage('pages/psychology/index');
    await page.instance.answer({ currentTarget: { dataset: { key: 'p1', value: 1 } } });
    await page.tap('查看自测结果');
    expect(page.text()).toMatch(/还有 15 题没有选择（第 2、3、4/);
    for (const q of page.data.questions) if (q.answer < 0) page.instance.answer({ currentTarget: { dataset: { key: q.key, value: 0 } } });
    await page.tap('查看自测结果');
    expect(sent.phq9).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(sent.gad7).toHaveLength(7);
    expect(page.text()).toContain('情绪状况（PHQ-9）：无或极轻微（3 分）');
    expect(page.text()).not.toContain('12356');
    expect(require('../../src/utils/store').peek('psychology.screening')).toEqual(sent);
    await page.tap('预约心理咨询师');
    expect(calls.navigateTo).toEqual(['/pages/appointments/index?kind=COUNSELLOR']);
  });

  test('when the questions cannot be read it says why, still offers the hotline and booking, and retries', async () => {
    let fail = true;
    const { calls } = installWx([{ path: '/appointments/psychology/screening/questions', get status() { return fail ? 503 : 200; },
      body: () => (fail ? { status: 503, title: '服务暂时不可用', detail: '服务暂时不可用，请稍后再试。' } : served) }]);
    const page = await openPage('pages/psychology/index');
    expect(page.text()).toContain('服务暂时不可用，请稍后再试。重试');
    expect(page.text()).toContain('全国心理援助热线 12356 24 小时有人接听');
    expect(page.text()).not.toContain('查看自测结果');
    await page.tap('拨打 12356');
    expect(calls.makePhoneCall).toEqual(['12356']);
    await page.tap('跳过自测，直接预约');
    expect(calls.navigateTo).toEqual(['/pages/appointments/index?kind=COUNSELLOR']);
    fail = false;
    await page.tap('重试');
    expect(page.text()).toContain('1. 做事时提不起劲或没有兴趣');
    expect(page.text()).not.toContain('24 小时有人接听');
  });
});
