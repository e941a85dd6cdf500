/**
 * Turns a page rendered by miniprogram-simulate into a standalone HTML file that looks like the page on a 375 px
 * wide phone: the WXSS of the app, the page and every component with rpx converted (750rpx = 375px), simulate's class
 * prefixes removed, the navigation bar and (on tab pages) the tab bar drawn around it.
 */
const fs = require('fs');
const path = require('path');

const SRC = path.join(__dirname, '..', 'src');
const WIDTH = 375;

function wxssToCss(wxss) {
  return wxss
    .replace(/(-?\d*\.?\d+)rpx/g, (_, n) => `${+(Number(n) * WIDTH / 750).toFixed(2)}px`)
    .replace(/(^|[\s,}])page(?=[\s,{.:])/g, '$1body');
}

function allWxss() {
  const files = [path.join(SRC, 'app.wxss')];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.wxss') && !p.endsWith(path.join('src', 'app.wxss'))) files.push(p);
  });
  walk(path.join(SRC, 'components'));
  walk(path.join(SRC, 'pages'));
  return files.map((f) => `/* ${path.relative(SRC, f)} */\n${wxssToCss(fs.readFileSync(f, 'utf8'))}`).join('\n');
}

/** simulate writes classes as "<tag>--<class>"; the real client keeps the names the WXML used. */
function cleanClasses(html) {
  return html.replace(/class="([^"]*)"/g, (_, list) => `class="${list.split(/\s+/).map((c) => c.replace(/^.*--/, '')).join(' ')}"`);
}

const BASE = `
  html { width: ${WIDTH}px; }
  body { margin: 0; width: ${WIDTH}px; -webkit-font-smoothing: antialiased; }
  * { box-sizing: border-box; }
  wx-view, wx-scroll-view, wx-image, wx-button, wx-input, wx-textarea, wx-switch, list-item, status-timeline, empty-state, error-line, back-bar { display: block; }
  wx-text { display: inline; }
  wx-scroll-view { overflow-x: auto; }
  wx-button { cursor: pointer; text-align: center; }
  wx-input { height: 44px; line-height: 44px; }
  wx-input[data-value]::before { content: attr(data-value); }
  wx-input[data-placeholder]:not([data-value])::before { content: attr(data-placeholder); color: #767676; }
  wx-textarea { height: 100px; }
  wx-image { background: #cfd8cf; }
  wx-switch { width: 52px; height: 32px; border-radius: 16px; background: #c8c8c8; position: relative; }
  wx-switch::after { content: ""; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px; border-radius: 14px; background: #fff; }
  wx-switch[data-checked]{ background: #0b57d0; }
  wx-switch[data-checked]::after { left: 22px; }
  .navbar { height: 44px; line-height: 44px; text-align: center; background: #0b57d0; color: #fff; font-size: 17px; font-weight: 600; }
  .statusbar { height: 20px; background: #0b57d0; }
  .tabbar { display: flex; margin-top: 24px; border-top: 1px solid #999; background: #fff; }
  .tabbar div { flex: 1; text-align: center; height: 50px; line-height: 50px; font-size: 14px; color: #333; }
  .tabbar .on { color: #0b57d0; font-weight: 700; }
`;

/**
 * @param {string} bodyHtml the page's rendered DOM (comp.dom.outerHTML)
 * @param {{title: string, tab?: string, inputs?: Record<string,string>}} meta
 */
function page(bodyHtml, meta) {
  const tabs = [['home', '首页'], ['search', '问法律·找服务'], ['me', '我的']];
  const tabbar = meta.tab ? `<div class="tabbar">${tabs.map(([k, t]) => `<div class="${k === meta.tab ? 'on' : ''}">${t}</div>`).join('')}</div>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=${WIDTH}">
<style>${BASE}\n${allWxss()}</style></head><body>
<div class="statusbar"></div><div class="navbar">${meta.title}</div>
${cleanClasses(bodyHtml)}
${tabbar}
</body></html>`;
}

module.exports = { page, wxssToCss, cleanClasses };
