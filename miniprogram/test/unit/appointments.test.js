const { installWx } = require('../support/unit');
const { openPage } = require('../support/render');
const f = require('../support/fixtures');

describe('法律咨询预约', () => {
  test('lists the nearest lawyers with their next free slot in one call, nearest first', async () => {
    const { calls } = installWx([
      { path: /^\/appointments\/providers\/nearest\?kind=LAWYER&near=450103&limit=10$/, body: [
        { ...f.nearby(f.provider), nextSlot: f.slot(1, '09:00') },
        { ...f.nearby({ ...f.provider, id: 'pr9', displayName: '兴宁区律师' }), proximity: 'CITY', proximityLabel: '南宁市内', nextSlot: null }] },
    ]);
    const page = await openPage('pages/appointments/index');
    const text = page.text();
    expect(text).toMatch(/青秀区法援律师本县（区） · 青秀区公共法律服务中心 · 南宁市青秀区东葛路 8 号最近可约：\d+月\d+日 周. 09:00可预约/);
    expect(text).toContain('南宁市内 · 青秀区公共法律服务中心');
    expect(text).toContain('近期已约满，可排队等候');
    expect(text.indexOf('青秀区法援律师')).toBeLessThan(text.indexOf('兴宁区律师'));
    expect(calls.requests.filter((r) => r.url.includes('/slots'))).toHaveLength(0);
  });

  test('the chosen lawyer’s place can be called and opened on the map when the administrator entered them', async () => {
    const mapped = { ...f.provider, place: { ...f.place, phone: '0771-5551234', openingHours: '周一至周五 8:30–12:00', latitude: 22.82, longitude: 108.36 } };
    const { calls } = installWx([
      { path: '/appointments/providers/pr1', body: mapped },
      { path: /^\/appointments\/providers\/pr1\/slots/, body: [f.slot(1, '09:00')] },
    ]);
    const page = await openPage('pages/appointments/provider', { id: 'pr1' });
    expect(page.text()).toContain('开放时间：周一至周五 8:30–12:00');
    await page.tap('拨打 0771-5551234');
    expect(calls.makePhoneCall).toEqual(['0771-5551234']);
    await page.tap('查看地图');
    expect(calls.openLocation).toEqual([{ latitude: 22.82, longitude: 108.36, name: '青秀区公共法律服务中心' }]);
  });

  test('a place without phone or coordinates shows neither button', async () => {
    installWx([
      { path: '/appointments/providers/pr1', body: f.provider },
      { path: /^\/appointments\/providers\/pr1\/slots/, body: [f.slot(1, '09:00')] },
    ]);
    const page = await openPage('pages/appointments/provider', { id: 'pr1' });
    expect(page.text()).not.toContain('拨打');
    expect(page.text()).not.toContain('查看地图');
  });

  test('books a chosen slot and shows the API message when someone was quicker', async () => {
    let taken = true;
    const { calls } = installWx([
      { path: '/appointments/providers/pr1', body: f.provider },
      { path: /^\/appointments\/providers\/pr1\/slots/, body: [f.slot(1, '09:00'), f.slot(1, '09:30')] },
      { method: 'POST', path: '/appointments/legal-aid/consultations', get status() { return taken ? 409 : 201; },
        body: () => (taken ? { title: '数据冲突', status: 409, detail: '该时段已被他人预约，请选择其他时段。' } : f.booking()) },
    ]);
    const page = await openPage('pages/appointments/provider', { id: 'pr1' });
    expect(page.text()).toContain('青秀区法援律师');
    expect(page.text()).toContain('2 个空位');
    await page.tap('确认预约');
    expect(page.text()).toContain('请先选择一个时间。');
    await page.tap('09:30');
    expect(page.text()).toMatch(/已选：\d+月\d+日 周. 09:30/);
    await page.tap('确认预约');
    expect(page.text()).toContain('该时段已被他人预约，请选择其他时段。');
    taken = false;
    await page.tap('确认预约');
    expect(calls.redirectTo).toEqual(['/pages/appointments/detail?id=b1&booked=1']);
  });

  test('a fully booked day offers the waitlist and tells the position', async () => {
    installWx([
      { path: '/appointments/providers/pr1', body: f.provider },
      { path: /^\/appointments\/providers\/pr1\/slots/, body: [f.slot(2, '09:00')] },
      { method: 'POST', path: '/appointments/providers/pr1/waitlist', status: 201, body: { id: 'w1', providerId: 'pr1', day: f.day(0), status: 'WAITING', position: 2 } },
    ]);
    const page = await openPage('pages/appointments/provider', { id: 'pr1' });
    await page.instance.pickDay({ currentTarget: { dataset: { day: f.day(0) } } });
    expect(page.text()).toContain('这一天已经约满了。');
    await page.tap('排队等候这一天');
    expect(page.text()).toContain('已排队，您是第 2 位。');
  });

  test('counsellor booking asks for the ID number and a guardian for minors', async () => {
    installWx([
      { path: '/appointments/providers/pr2', body: f.counsellor },
      { path: /^\/appointments\/providers\/pr2\/slots/, body: [f.slot(1, '10:00')] },
    ]);
    const page = await openPage('pages/appointments/provider', { id: 'pr2' });
    expect(page.text()).toContain('身份证号码');
    expect(page.text()).not.toContain('监护人姓名');
    await page.type('.id-number', '45010320120101001X'.replace(/.$/, check('45010320120101001')));
    expect(page.text()).toContain('未满 18 周岁预约心理咨询，需要监护人同意');
    expect(page.text()).toContain('监护人姓名');
  });

  test('an adult books counselling without an ID number by declaring being 18 or older', async () => {
    let sent = null;
    installWx([
      { path: '/appointments/providers/pr2', body: f.counsellor },
      { path: /^\/appointments\/providers\/pr2\/slots/, body: [f.slot(1, '10:00')] },
      { method: 'POST', path: '/appointments/psychology/bookings', status: 201, onCall: (data) => { sent = data; },
        body: { booking: f.booking({ service: 'PSYCHOLOGY' }), urgent: false, minor: false, screening: null, crisisHotline: null } },
    ]);
    const page = await openPage('pages/appointments/provider', { id: 'pr2' });
    await page.tap('本人已年满 18 周岁，不填身份证号码');
    expect(page.text()).not.toContain('身份证号码加密保存');
    await page.tap('10:00');
    await page.tap('确认预约');
    expect(sent.adult).toBe(true);
    expect(sent.idNumber).toBeUndefined();
    expect(sent.guardian).toBeUndefined();
  });

  test('my bookings split into upcoming and finished; the detail page moves and cancels', async () => {
    const { calls } = installWx([
      { path: '/appointments/bookings/mine', body: f.page([f.booking(), f.booking({ id: 'b2', status: 'CANCELLED', statusLabel: '已取消' })]) },
      { path: '/appointments/bookings/b1', body: () => f.booking(cancelled ? { status: 'CANCELLED', statusLabel: '已取消', cancelReason: '临时有事' } : {}) },
      { method: 'POST', path: '/appointments/bookings/b1/cancel', body: () => { cancelled = true; return f.booking({ status: 'CANCELLED' }); } },
    ]);
    let cancelled = false;
    let page = await openPage('pages/appointments/mine');
    expect(page.text()).toMatch(/待参加法律咨询 · 青秀区法援律师.*已预约.*已结束或已取消.*已取消/);
    page = await openPage('pages/appointments/detail', { id: 'b1' });
    expect(page.text()).toContain('咨询内容：工资被拖欠');
    await page.tap('改到其他时间');
    expect(calls.navigateTo).toEqual(['/pages/appointments/provider?id=pr1&reschedule=b1']);
    await page.tap('取消预约');
    await page.type('.reason', '临时有事');
    await page.tap('确定取消');
    expect(page.text()).toContain('已取消预约');
    expect(page.text()).toContain('取消原因：临时有事');
    expect(page.text()).not.toContain('改到其他时间');
  });
});

function check(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
  return '10X98765432'[s % 11];
}
