/** Every page of app.json renders with an empty API (every list empty, nothing found) and shows no English or codes. */
const fs = require('fs');
const path = require('path');
const { installWx } = require('../support/unit');
const { openPage, ROOT } = require('../support/render');

const pages = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')).pages;
const EMPTY = [
  { path: /^\/(proxy\/requests\/mine|appointments\/bookings\/mine|appointments\/legal-aid\/applications\/mine|volunteers\/me\/(signups|certificates))/,
    body: { items: [], page: 0, size: 50, total: 0 } },
  { path: /^\/volunteers\/activities(\?|$)/, body: { items: [], page: 0, size: 50, total: 0 } },
  { path: /^\/(appointments\/providers|volunteers\/stations|council\/public\/councils|proxy\/points)(\?|$)/, body: [] },
  { path: /^\/catalogue\/items\?/, body: { content: [], totalSize: 0 } },
  { path: /^\/regions\/450100\/children/, body: [] },
];

describe.each(pages)('%s', (p) => {
  test('renders with no data, in Chinese, with a way back', async () => {
    installWx(EMPTY.map((r) => ({ ...r, method: 'GET' })));
    const page = await openPage(p, { id: 'x', code: 'NN-LD-001' });
    const text = page.text();
    expect(text.length).toBeGreaterThan(2);
    expect(text).not.toMatch(/[A-Za-z]{4,}/); // no English words, codes or ids
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
    if (!['pages/home/index', 'pages/search/index', 'pages/me/index'].includes(p)) expect(text).toContain('返回');
  });
});
