const { installWx } = require('../support/unit');
const api = require('../../src/api/index');
const session = require('../../src/api/session');
const { fromResponse, messageOf, ApiError } = require('../../src/api/problem');

beforeEach(() => session.KEY && global.wx && global.wx.removeStorageSync(session.KEY));

describe('the API wrapper', () => {
  test('signs in silently once, sends the token and a fresh request id on every call', async () => {
    const { calls } = installWx([{ path: '/proxy/requests/mine', body: [] }]);
    await Promise.all([api.get('/proxy/requests/mine'), api.get('/proxy/requests/mine')]);
    expect(calls.login).toBe(1);
    const gets = calls.requests.filter((r) => r.url.endsWith('/proxy/requests/mine'));
    expect(gets).toHaveLength(2);
    expect(gets[0].url).toBe('http://127.0.0.1:8080/api/v1/proxy/requests/mine');
    expect(gets[0].header.Authorization).toBe('Bearer access-1');
    expect(gets[0].header['X-Request-Id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(gets[0].header['X-Request-Id']).not.toBe(gets[1].header['X-Request-Id']);
  });

  test('every call names this install with one device id, kept across launches, for per-phone rate limits', async () => {
    const { calls, wx } = installWx([{ path: '/search/services', body: { items: [] } }]);
    await api.get('/search/services', { q: '工资' }, false);
    await api.get('/search/services', { q: '低保' }, false);
    const ids = calls.requests.filter((r) => r.url.includes('/search/services')).map((r) => r.header['X-Civic-Device']);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(wx.getStorageSync('civic.device')).toBe(ids[0]);
  });

  test('on 401 refreshes once for all waiting calls and repeats each call once', async () => {
    let first = 2;
    const { calls } = installWx([
      { path: '/volunteers/me', body: () => (first-- > 0 ? { title: '未登录或登录已失效', status: 401 } : { id: 'v1' }), get status() { return first >= 0 && first < 2 ? 401 : 200; } },
      { method: 'POST', path: '/auth/refresh', body: { accessToken: 'access-2', refreshToken: 'refresh-2' } },
    ]);
    global.wx.setStorageSync(session.KEY, { accessToken: 'old', refreshToken: 'refresh-1', accountId: 'a' });
    const results = await Promise.all([api.get('/volunteers/me').catch((e) => e), api.get('/volunteers/me').catch((e) => e)]);
    expect(calls.requests.filter((r) => r.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(calls.login).toBe(0);
    expect(session.current().accessToken).toBe('access-2');
    expect(results).toEqual([{ id: 'v1' }, { id: 'v1' }]);
  });

  test('a refused refresh falls back to a new silent sign-in', async () => {
    let answered = 0;
    const { calls } = installWx([
      { path: '/volunteers/me', get status() { return answered++ === 0 ? 401 : 200; }, body: { id: 'v1' } },
      { method: 'POST', path: '/auth/refresh', status: 401, body: { title: '未登录或登录已失效', status: 401 } },
    ]);
    global.wx.setStorageSync(session.KEY, { accessToken: 'old', refreshToken: 'revoked', accountId: 'a' });
    expect(await api.get('/volunteers/me')).toEqual({ id: 'v1' });
    expect(calls.login).toBe(1);
    expect(session.current().accessToken).toBe('access-1');
  });

  test('problem+json becomes the Chinese detail and Chinese field messages; framework English is dropped', () => {
    const e = fromResponse(400, { title: '请求有误', detail: 'realName：请填写真实姓名。', errors: [
      { field: 'realName', message: '请填写真实姓名。' }, { field: '/id', message: 'Failed to convert argument [id]' }, { field: 'guardian.phone', message: '请填写监护人手机号。' }] });
    expect(e.message).toBe('请填写真实姓名。');
    expect(e.fields).toEqual({ realName: '请填写真实姓名。', 'guardian.phone': '请填写监护人手机号。' });
    expect(fromResponse(404, { title: 'Page Not Found', errors: [{ message: 'Page Not Found' }] }).message).toBe('没有找到相关内容，可能已被删除。');
    expect(fromResponse(502, 'Bad Gateway').message).toBe('服务暂时不可用，请稍后再试。');
    expect(messageOf(new Error('boom'))).toBe('操作没有成功，请稍后再试。');
  });

  test('a network failure says so in Chinese', async () => {
    installWx([{ path: '/proxy/requests/mine', network: true }]);
    await expect(api.get('/proxy/requests/mine')).rejects.toThrow('网络连接失败，请检查网络后重试。');
  });

  test('uploads send the file as multipart field "file" with the token; downloads return the temporary path', async () => {
    const { calls } = installWx([
      { method: 'POST', path: '/proxy/requests/r1/materials', status: 201, body: { id: 'm1', displayName: 'a.png' } },
      { path: '/volunteers/certificates/N1/pdf', body: '' },
    ]);
    expect(await api.upload('/proxy/requests/r1/materials', '/tmp/a.png')).toEqual({ id: 'm1', displayName: 'a.png' });
    const up = calls.requests.find((r) => r.method === 'UPLOAD');
    expect(up.filePath).toBe('/tmp/a.png');
    expect(up.header.Authorization).toBe('Bearer access-1');
    expect(await api.download('/volunteers/certificates/N1/pdf')).toBe('/tmp/wx-download.pdf');
  });

  test('the base URL follows the version: develop may be pointed elsewhere, release never', () => {
    const config = require('../../src/config/env');
    installWx([]);
    global.wx.setStorageSync(config.DEV_OVERRIDE_KEY, 'http://10.0.0.2:18080/');
    expect(config.gateway()).toBe('http://10.0.0.2:18080');
    global.wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'release' } });
    expect(config.gateway()).toBe('https://civic.nanning.gov.cn');
    global.wx.getAccountInfoSync = () => ({ miniProgram: { envVersion: 'trial' } });
    expect(config.gateway()).toBe('https://civic-trial.nanning.gov.cn');
  });
});
