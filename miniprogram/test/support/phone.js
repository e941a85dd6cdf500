/**
 * A citizen's phone for journey tests: the real pages of the mini-program, a `wx` whose requests go to the running
 * gateway (GATEWAY_URL) and whose wx.login codes are ones the WeChat stand-in accepts. The test opens pages, taps and
 * types as a person would, follows the navigation the page asked for, and reads what the page shows.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createWx } = require('./wx');
const { httpTransport } = require('./http');
const { openPage, settle } = require('./render');
const { GATEWAY } = require('./gateway');

const TABS = ['pages/home/index', 'pages/search/index', 'pages/me/index'];

class Phone {
  /** @param {string} user the WeChat user (its openid follows from this name at the stand-in) */
  constructor(user) {
    this.user = user;
    this.wx = createWx({ transport: httpTransport() });
    this.wx.__device.loginUser = user;
    this.wx.setStorageSync('civic.devGateway', GATEWAY);
    this.stack = [];
    this.install();
  }

  install() {
    global.wx = this.wx;
    global.getCurrentPages = () => this.stack.map((p) => ({ route: p.route }));
  }

  get calls() { return this.wx.__calls; }
  get device() { return this.wx.__device; }

  /** Opens a page by URL ("/pages/x/y?id=1"), as navigateTo would. */
  async open(url) {
    this.install();
    const [p, q] = url.replace(/^\//, '').split('?');
    const query = {};
    for (const pair of (q || '').split('&').filter(Boolean)) {
      const [k, v] = pair.split('=');
      query[k] = decodeURIComponent(v || '');
    }
    const page = await openPage(p, query);
    page.route = p;
    if (TABS.includes(p)) this.stack = [page];
    else this.stack.push(page);
    this.page = page;
    await this.idle();
    return page;
  }

  /** Opens where the page last asked to go (navigateTo, redirectTo or switchTab). */
  async follow() {
    const target = this.lastTarget();
    if (!target) throw new Error('the page asked to go nowhere');
    if (target[0] === 'r') this.stack.pop();
    return this.open(target[1]);
  }

  lastTarget() {
    const seen = this.seen || 0;
    const order = this.wx.__navOrder || [];
    const next = order[order.length - 1];
    this.seen = order.length;
    if (seen === order.length || !next) return null;
    return next;
  }

  /** Waits until no request of the page is pending (real HTTP takes longer than a few ticks). */
  async idle() {
    for (let i = 0; i < 400; i++) {
      await settle(5);
      if (this.wx.__pending === 0) {
        await settle(5);
        if (this.wx.__pending === 0) return;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('requests still pending after a long wait');
  }

  async tap(label, opts) {
    await this.page.tap(label, opts);
    await this.idle();
  }

  async type(selector, value) {
    await this.page.type(selector, value);
  }

  text() { return this.page.text(); }

  /** A real file on this phone (for wx.chooseMedia / wx.chooseMessageFile), e.g. a photo of an ID card. */
  file(name, content) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wx-file-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    this.device.chosenFiles = [{ path: file, name, size: content.length }];
    return file;
  }
}

module.exports = { Phone };
