const { installWx } = require('../support/unit');
const { openComponent } = require('../support/render');

describe('components', () => {
  test('list-item shows title, detail and status in words, and opens its page when tapped', async () => {
    const { calls } = installWx();
    const c = await openComponent('components/list-item/index', { title: '拖欠工资投诉', detail: '提交于 2026年12月7日', tag: '已受理', tone: 'wait', url: '/pages/proxy/detail?id=r1' });
    expect(c.text()).toBe('拖欠工资投诉提交于 2026年12月7日已受理›');
    await c.tap('拖欠工资投诉');
    expect(calls.navigateTo).toEqual(['/pages/proxy/detail?id=r1']);
  });

  test('status-timeline marks done, current and coming steps with signs and words, with time and note', async () => {
    installWx();
    const steps = [{ label: '委托', at: '12月7日 周一 09:00', note: '居民在小程序提交委托' }, { label: '受理', at: '12月7日 周一 10:00', note: '受理，回执编号 DB20261207-000001' },
      { label: '办理' }, { label: '送达' }, { label: '归档' }, { label: '回访' }];
    const c = await openComponent('components/status-timeline/index', { steps, done: 2 });
    const text = c.text();
    expect(text).toContain('✓委托已完成12月7日 周一 09:00居民在小程序提交委托');
    expect(text).toContain('✓受理已完成');
    expect(text).toContain('●办理进行中');
    expect(text).toContain('○回访未开始');
    c.comp.setData({});
  });

  test('empty-state says what is missing and offers the next step', async () => {
    const { calls } = installWx();
    const c = await openComponent('components/empty-state/index', { text: '没有待参加的预约', hint: '可以预约律师', action: '预约律师咨询', url: '/pages/appointments/index' });
    expect(c.text()).toBe('没有待参加的预约可以预约律师预约律师咨询');
    await c.tap('预约律师咨询');
    expect(calls.navigateTo).toEqual(['/pages/appointments/index']);
  });

  test('error-line shows the message with a sign, offers a retry, and shows nothing without a message', async () => {
    installWx();
    const c = await openComponent('components/error-line/index', { text: '该时段已被他人预约，请选择其他时段。', retry: '重试' });
    expect(c.text()).toBe('！该时段已被他人预约，请选择其他时段。重试');
    let retried = 0;
    c.comp.addEventListener('retry', () => { retried++; });
    await c.tap('重试');
    expect(retried).toBe(1);
    const none = await openComponent('components/error-line/index', { text: '' });
    expect(none.text()).toBe('');
  });

  test('back-bar goes back when there is a page to return to, and home otherwise', async () => {
    const { calls } = installWx();
    const c = await openComponent('components/back-bar/index', { title: '预约详情' });
    expect(c.text()).toBe('‹ 返回回首页');
    global.__currentPages = [{ route: 'pages/home/index' }, { route: 'pages/appointments/detail' }];
    await c.tap('返回');
    expect(calls.navigateBack).toEqual([1]);
    global.__currentPages = [{ route: 'pages/appointments/detail' }];
    await c.tap('返回');
    expect(calls.switchTab).toEqual(['/pages/home/index']);
    await c.tap('回首页');
    expect(calls.switchTab).toEqual(['/pages/home/index', '/pages/home/index']);
  });
});
