/**
 * wx.request / wx.uploadFile / wx.downloadFile carried out over real HTTP with Node, the way the WeChat client does:
 * JSON bodies, multipart uploads of a local file (field "file"), downloads into a temporary file.
 */
const http = require('http');
const https = require('https');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { URL } = require('url');

function send(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const lib = u.protocol === 'https:' ? https : http;
    const req = lib.request(u, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
    if (body) req.write(body);
    req.end();
  });
}

/**
 * With CIVIC_CONTRACT_LOG set (the Java journey test sets it), every JSON exchange is appended to that file, one per
 * line, so the contract test checks what the pages really sent and received against the published OpenAPI documents.
 */
function record(method, url, requestBody, res) {
  const file = process.env.CIVIC_CONTRACT_LOG;
  if (!file) return;
  const u = new URL(url);
  fs.appendFileSync(file, `${JSON.stringify({
    method,
    pathAndQuery: u.pathname + u.search,
    requestContentType: requestBody ? 'application/json' : null,
    requestBody: requestBody ? requestBody.toString('utf8') : null,
    status: res.status,
    responseContentType: res.headers['content-type'] || '',
    responseBody: res.body.toString('utf8'),
  })}\n`);
}

function parse(res) {
  const text = res.body.toString('utf8');
  if (/json/.test(res.headers['content-type'] || '')) {
    try { return JSON.parse(text); } catch (e) { return text; }
  }
  return text;
}

const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.pdf': 'application/pdf' };

function httpTransport() {
  return {
    request(o) {
      const method = o.method || 'GET';
      let url = o.url;
      let body = null;
      if (o.data !== undefined && o.data !== null) {
        if (method === 'GET') {
          const q = Object.keys(o.data).map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(o.data[k])}`).join('&');
          if (q) url += (url.includes('?') ? '&' : '?') + q;
        } else {
          body = Buffer.from(JSON.stringify(o.data));
        }
      }
      const headers = { ...(o.header || {}) };
      if (body) headers['Content-Length'] = body.length;
      if (body) headers['Content-Type'] = headers['Content-Type'] || headers['content-type'] || 'application/json';
      send(url, method, headers, body)
        .then((res) => {
          record(method, url, body, res);
          if (o.success) o.success({ statusCode: res.status, data: parse(res), header: res.headers });
        })
        .catch((e) => o.fail && o.fail({ errMsg: `request:fail ${e.message}` }));
    },
    uploadFile(o) {
      const boundary = `----wxupload${Date.now().toString(16)}`;
      const content = fs.readFileSync(o.filePath);
      const name = path.basename(o.filePath);
      const type = MIME[path.extname(name).toLowerCase()] || 'application/octet-stream';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${o.name}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const headers = { ...(o.header || {}), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': body.length };
      send(o.url, 'POST', headers, body)
        .then((res) => o.success && o.success({ statusCode: res.status, data: res.body.toString('utf8') }))
        .catch((e) => o.fail && o.fail({ errMsg: `uploadFile:fail ${e.message}` }));
    },
    downloadFile(o) {
      send(o.url, 'GET', { ...(o.header || {}) }, null)
        .then((res) => {
          const file = path.join(os.tmpdir(), `wx-download-${Date.now()}-${Math.random().toString(36).slice(2)}`);
          fs.writeFileSync(file, res.body);
          o.success && o.success({ statusCode: res.status, tempFilePath: file });
        })
        .catch((e) => o.fail && o.fail({ errMsg: `downloadFile:fail ${e.message}` }));
    },
  };
}

module.exports = { httpTransport, send };
