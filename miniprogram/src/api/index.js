// @ts-check
/**
 * The one door to the gateway: every page calls these functions, none calls wx.request or wx.uploadFile itself.
 * - base URL per version from config/env;
 * - silent sign-in: wx.login → POST /api/v1/auth/wechat, tokens kept in storage;
 * - on 401 the tokens are refreshed once (single flight: two refreshes racing would revoke the sign-in), falling back
 *   to a new silent sign-in, and the request is repeated once;
 * - every request carries a new X-Request-Id, and X-Civic-Device: an install id made once on this phone (random, it
 *   names no one) so the gateway limits anonymous calls per phone, not per carrier NAT address;
 * - failures become an ApiError with the API's Chinese message and field messages (api/problem).
 */
const config = require('../config/env');
const session = require('./session');
const problem = require('./problem');

const PREFIX = '/api/v1';

function requestId() {
  const hex = '0123456789abcdef';
  let s = '';
  for (let i = 0; i < 32; i++) {
    let n = Math.floor(Math.random() * 16);
    if (i === 12) n = 4;
    if (i === 16) n = (n & 3) | 8;
    s += hex[n];
  }
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const DEVICE_KEY = 'civic.device';

/** This install's id, made on first use and kept in storage. */
function deviceId() {
  let id = wx.getStorageSync(DEVICE_KEY);
  if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) {
    id = requestId().replace(/-/g, '');
    wx.setStorageSync(DEVICE_KEY, id);
  }
  return id;
}

/**
 * @param {'GET'|'POST'|'PUT'|'DELETE'} method
 * @param {string} url
 * @param {any} data
 * @param {string|null} token
 * @returns {Promise<{status: number, body: any, requestId: string}>}
 */
function send(method, url, data, token) {
  const id = requestId();
  /** @type {Record<string,string>} */
  const header = { 'X-Request-Id': id, 'X-Civic-Device': deviceId(), Accept: 'application/json, application/problem+json' };
  if (data !== undefined) header['Content-Type'] = 'application/json';
  if (token) header.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method,
      data: data === undefined ? undefined : data,
      header,
      dataType: 'json',
      timeout: 15000,
      success: (res) => resolve({ status: res.statusCode, body: res.data, requestId: id }),
      fail: () => reject(problem.network()),
    });
  });
}

/** @type {Promise<import('./session').Session>|null} */
let signingIn = null;

/** Silent WeChat sign-in (wx.login → gateway). Concurrent callers share one sign-in. */
function login() {
  if (!signingIn) {
    signingIn = new Promise((resolve, reject) => {
      wx.login({
        success: (r) => resolve(r.code),
        fail: () => reject(new problem.ApiError(0, '微信登录失败，请检查网络后重新进入小程序。')),
      });
    })
      .then((code) => send('POST', config.gateway() + PREFIX + '/auth/wechat', { code }, null))
      .then((r) => {
        if (r.status !== 200) throw problem.fromResponse(r.status, r.body, r.requestId);
        return session.save(r.body);
      })
      .finally(() => {
        signingIn = null;
      });
  }
  return signingIn;
}

/** @type {Promise<import('./session').Session>|null} */
let refreshing = null;

/** Refreshes the tokens once for everyone waiting; a refused refresh token leads to a new silent sign-in. */
function refresh() {
  if (!refreshing) {
    const s = session.current();
    refreshing = (s && s.refreshToken
      ? send('POST', config.gateway() + PREFIX + '/auth/refresh', { refreshToken: s.refreshToken }, null)
          .then((r) => (r.status === 200 ? session.save(r.body) : login()))
      : login()
    ).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** A signed-in session, signing in silently when there is none. */
async function ensureSession() {
  return session.current() || login();
}

/**
 * @param {'GET'|'POST'|'PUT'|'DELETE'} method
 * @param {string} path  below /api/v1, e.g. '/proxy/requests/mine'
 * @param {{data?: any, query?: Record<string, any>, auth?: boolean}} [options] auth false: public, no sign-in
 */
async function call(method, path, options = {}) {
  const auth = options.auth !== false;
  const url = config.gateway() + PREFIX + path + queryString(options.query);
  let token = auth ? (await ensureSession()).accessToken : null;
  let r = await send(method, url, options.data, token);
  if (r.status === 401 && auth) {
    token = (await refresh()).accessToken;
    r = await send(method, url, options.data, token);
  }
  if (r.status >= 200 && r.status < 300) return r.body === '' ? null : r.body;
  throw problem.fromResponse(r.status, r.body, r.requestId);
}

/** @param {Record<string, any>|undefined} query */
function queryString(query) {
  if (!query) return '';
  const parts = Object.keys(query)
    .filter((k) => query[k] !== undefined && query[k] !== null && query[k] !== '')
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(query[k]))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * Uploads one local file (wx.chooseMedia / wx.chooseMessageFile path) as multipart field `file`.
 * @param {string} path below /api/v1
 * @param {string} filePath
 */
async function upload(path, filePath) {
  const url = config.gateway() + PREFIX + path;
  const once = (/** @type {string} */ token) => new Promise((resolve, reject) => {
    const id = requestId();
    wx.uploadFile({
      url,
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}`, 'X-Request-Id': id, 'X-Civic-Device': deviceId() },
      timeout: 60000,
      success: (res) => {
        let body = res.data;
        try {
          body = JSON.parse(res.data);
        } catch (e) {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode, body, requestId: id });
      },
      fail: () => reject(problem.network()),
    });
  });
  let r = /** @type {any} */ (await once((await ensureSession()).accessToken));
  if (r.status === 401) r = await once((await refresh()).accessToken);
  if (r.status >= 200 && r.status < 300) return r.body;
  throw problem.fromResponse(r.status, r.body, r.requestId);
}

/**
 * Downloads a protected file (e.g. a certificate PDF) to a temporary path, with the bearer token.
 * @param {string} path below /api/v1
 * @returns {Promise<string>} the temporary file path
 */
async function download(path) {
  const url = config.gateway() + PREFIX + path;
  const once = (/** @type {string} */ token) => new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      header: { Authorization: `Bearer ${token}`, 'X-Request-Id': requestId(), 'X-Civic-Device': deviceId() },
      success: (res) => resolve(res),
      fail: () => reject(problem.network()),
    });
  });
  let r = /** @type {any} */ (await once((await ensureSession()).accessToken));
  if (r.statusCode === 401) r = await once((await refresh()).accessToken);
  if (r.statusCode >= 200 && r.statusCode < 300) return r.tempFilePath;
  throw problem.fromResponse(r.statusCode, null);
}

/**
 * @param {string} path below /api/v1
 * @param {Record<string, any>} [query]
 * @param {boolean} [auth] false for public reads (no sign-in needed)
 */
function get(path, query, auth = true) {
  return call('GET', path, { query, auth });
}
/** @param {string} path @param {any} [data] */
function post(path, data = {}) {
  return call('POST', path, { data });
}
/** @param {string} path @param {any} [data] */
function put(path, data = {}) {
  return call('PUT', path, { data });
}
/** @param {string} path */
function del(path) {
  return call('DELETE', path, {});
}

module.exports = {
  get,
  post,
  put,
  del,
  upload,
  download,
  login,
  ensureSession,
  signedIn: () => Boolean(session.current()),
  logout() {
    const s = session.current();
    session.clear();
    if (s) {
      send('POST', config.gateway() + PREFIX + '/auth/logout', { refreshToken: s.refreshToken }, s.accessToken).catch(() => {});
    }
  },
  url: (/** @type {string} */ path) => config.gateway() + PREFIX + path,
};
