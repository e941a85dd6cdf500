/**
 * A plain client of the gateway for test set-up: staff (demo accounts) create what a citizen journey needs, as they
 * would in the portal. Citizens never go through here: their calls are the pages' own, through the wx harness.
 */
const GATEWAY = (process.env.GATEWAY_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const { send } = require('./http');
const PASSWORD = process.env.CIVIC_DEMO_STAFF_PASSWORD || 'Civic-Admin-2025!';
const QINGXIU = '450103';

/** A file part for multipart uploads: { file: { name, type, content } } */
async function call(method, path, body, token, headers = {}) {
  const h = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers };
  let payload = null;
  if (body && body.file && Buffer.isBuffer(body.file.content)) {
    const boundary = `----setup${Date.now().toString(16)}`;
    payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(body.file.name)}"\r\nContent-Type: ${body.file.type}\r\n\r\n`),
      body.file.content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    h['Content-Type'] = `multipart/form-data; boundary=${boundary}`;
  } else if (body !== undefined) {
    payload = Buffer.from(JSON.stringify(body));
    h['Content-Type'] = 'application/json';
  }
  if (payload) h['Content-Length'] = payload.length;
  const res = await send(GATEWAY + '/api/v1' + path, method, h, payload);
  const text = res.body.toString('utf8');
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = text; }
  return { status: res.status, json };
}

async function ok(method, path, body, token) {
  let r = await call(method, path, body, token);
  for (let i = 0; r.status === 429 && i < 10; i++) {
    // Set-up runs many sign-ins from one address; wait as the gateway asks (Retry-After is in the detail too).
    const wait = Number((/(\d+) 秒/.exec((r.json && r.json.detail) || '') || [])[1] || 2);
    await new Promise((res) => setTimeout(res, wait * 1000 + 200));
    r = await call(method, path, body, token);
  }
  if (r.status < 200 || r.status >= 300) {
    throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
  }
  return r.json;
}

const tokens = {};
const accounts = {};
async function staff(username) {
  if (!tokens[username]) {
    const r = await ok('POST', '/auth/staff/login', { username, password: PASSWORD });
    tokens[username] = r.accessToken;
    accounts[username] = r.accountId;
  }
  return tokens[username];
}
async function accountId(username) {
  await staff(username);
  return accounts[username];
}

/** A citizen signed in straight through the API (for the second person of a journey: a team leader, a neighbour). */
async function citizen(user) {
  const r = await ok('POST', '/auth/wechat', { code: `${user}.${Math.random().toString(36).slice(2, 10)}` });
  return r;
}

const regionCache = {};
async function children(code) {
  if (!regionCache[code]) regionCache[code] = await ok('GET', `/regions/${code}/children`, undefined, await staff('admin'));
  return regionCache[code];
}

/** A valid resident ID number (GB 11643 check character) of someone born on yyyymmdd in 青秀区. */
function idNumber(yyyymmdd = '19800101') {
  const first17 = QINGXIU + yyyymmdd + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return first17 + '10X98765432'[sum % 11];
}

module.exports = { GATEWAY, QINGXIU, call, ok, staff, accountId, citizen, children, idNumber };
