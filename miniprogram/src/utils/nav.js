// @ts-check
/** Navigation that always has a way back: with no page to return to, "back" goes home. */
const TABS = ['pages/home/index', 'pages/search/index', 'pages/me/index'];

/** @param {string} url e.g. '/pages/proxy/detail?id=…' */
function go(url) {
  const path = url.replace(/^\//, '').split('?')[0];
  if (TABS.includes(path)) return wx.switchTab({ url });
  return wx.navigateTo({ url });
}

function back() {
  const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : [];
  if (pages.length > 1) return wx.navigateBack({ delta: 1 });
  return wx.switchTab({ url: '/pages/home/index' });
}

function home() {
  return wx.switchTab({ url: '/pages/home/index' });
}

module.exports = { go, back, home, TABS };
