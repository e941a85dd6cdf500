/**
 * The `wx` global for tests. Storage, navigation, dialogs and device APIs are kept in memory and recorded, so a test can
 * see what the page asked for (a phone call, a scan, a document opened). How requests are answered is the caller's
 * choice: unit tests pass a table of API answers (`routes`), journey tests pass a real HTTP transport to the gateway.
 */
const { URL } = require('url');

function createWx({ transport, envVersion = 'develop' } = {}) {
  const storage = new Map();
  const calls = { navigateTo: [], switchTab: [], redirectTo: [], navigateBack: [], makePhoneCall: [], openLocation: [], openDocument: [], toast: [],
    modal: [], requestSubscribeMessage: [], scanCode: [], login: 0, requests: [] };
  const device = { scanResult: null, chosenFiles: [], phoneCode: null, subscribeAnswer: null, modalConfirm: true, loginUser: 'citizen' };
  let loginNonce = 0;
  const nav = [];
  const pending = { n: 0 };
  const track = (options, kind) => {
    pending.n++;
    const done = (fn) => (...args) => { pending.n--; return fn && fn(...args); };
    return { ...options, success: done(options.success), fail: done(options.fail) };
  };
  const wx = {
    __calls: calls,
    __navOrder: nav,
    get __pending() { return pending.n; },
    __device: device,
    __storage: storage,
    getAccountInfoSync: () => ({ miniProgram: { envVersion, appId: 'touristappid', version: '' } }),
    getStorageSync: (k) => (storage.has(k) ? JSON.parse(storage.get(k)) : ''),
    setStorageSync: (k, v) => storage.set(k, JSON.stringify(v)),
    removeStorageSync: (k) => storage.delete(k),
    clearStorageSync: () => storage.clear(),
    login: ({ success, fail }) => {
      calls.login++;
      loginNonce++;
      // Codes the WeChat stand-in accepts: "<user>.<nonce>", each once; the openid follows the user part.
      setTimeout(() => (device.loginFails ? fail && fail({ errMsg: 'login:fail' }) : success({ code: `${device.loginUser}.n${loginNonce}${Date.now().toString(36)}` })), 0);
    },
    request: (options) => {
      calls.requests.push({ method: options.method || 'GET', url: options.url, data: options.data, header: options.header });
      transport.request(track(options));
    },
    uploadFile: (options) => {
      calls.requests.push({ method: 'UPLOAD', url: options.url, filePath: options.filePath, header: options.header });
      transport.uploadFile(track(options));
    },
    downloadFile: (options) => {
      calls.requests.push({ method: 'DOWNLOAD', url: options.url, header: options.header });
      transport.downloadFile(track(options));
    },
    openDocument: ({ filePath, fileType, success }) => { calls.openDocument.push({ filePath, fileType }); success && success({}); },
    navigateTo: ({ url }) => { calls.navigateTo.push(url); nav.push(['n', url]); },
    redirectTo: ({ url }) => { calls.redirectTo.push(url); nav.push(['r', url]); },
    switchTab: ({ url }) => { calls.switchTab.push(url); nav.push(['s', url]); },
    reLaunch: ({ url }) => { calls.switchTab.push(url); nav.push(['s', url]); },
    navigateBack: (o) => { calls.navigateBack.push((o && o.delta) || 1); },
    makePhoneCall: ({ phoneNumber, success }) => { calls.makePhoneCall.push(phoneNumber); success && success({}); },
    openLocation: ({ latitude, longitude, name }) => { calls.openLocation.push({ latitude, longitude, name }); },
    showToast: ({ title }) => { calls.toast.push(title); },
    showLoading: () => {},
    hideLoading: () => {},
    stopPullDownRefresh: () => {},
    showModal: ({ title, content, success }) => { calls.modal.push({ title, content }); success && success({ confirm: device.modalConfirm, cancel: !device.modalConfirm }); },
    scanCode: ({ success, fail }) => {
      calls.scanCode.push(true);
      setTimeout(() => (device.scanResult ? success({ result: device.scanResult, scanType: 'QR_CODE' }) : fail && fail({ errMsg: 'scanCode:fail cancel' })), 0);
    },
    chooseMedia: ({ success, fail }) => {
      const files = device.chosenFiles.filter((f) => /\.(png|jpe?g)$/i.test(f.path));
      setTimeout(() => (files.length ? success({ tempFiles: files.map((f) => ({ tempFilePath: f.path, size: f.size || 1000 })), type: 'image' })
        : fail && fail({ errMsg: 'chooseMedia:fail cancel' })), 0);
    },
    chooseMessageFile: ({ success, fail }) => {
      const files = device.chosenFiles;
      setTimeout(() => (files.length ? success({ tempFiles: files.map((f) => ({ path: f.path, name: f.name || f.path.split('/').pop(), size: f.size || 1000, type: 'file' })) })
        : fail && fail({ errMsg: 'chooseMessageFile:fail cancel' })), 0);
    },
    requestSubscribeMessage: ({ tmplIds, success }) => {
      calls.requestSubscribeMessage.push(tmplIds);
      const answer = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of tmplIds) answer[id] = device.subscribeAnswer || 'accept';
      setTimeout(() => success(answer), 0);
    },
    previewImage: () => {},
    setNavigationBarTitle: ({ title }) => { calls.title = title; },
    pageScrollTo: () => {},
    getSystemInfoSync: () => ({ windowWidth: 375, pixelRatio: 2, platform: 'devtools' }),
  };
  return wx;
}

/** A transport that answers from a table: [{method, path (string or RegExp, below /api/v1), status, body}] */
function tableTransport(routes) {
  function find(method, url) {
    const path = new URL(url).pathname.replace(/^\/api\/v1/, '');
    const full = path + new URL(url).search;
    const route = routes.find((r) => (r.method || 'GET') === method && (r.path instanceof RegExp ? r.path.test(full) : r.path === path));
    return route;
  }
  function respond(route) {
    if (!route) return { statusCode: 404, data: { title: '未找到', status: 404, detail: '您访问的资源不存在。' } };
    const body = typeof route.body === 'function' ? route.body() : route.body;
    return { statusCode: route.status || 200, data: body === undefined ? '' : JSON.parse(JSON.stringify(body)) };
  }
  return {
    routes,
    request(options) {
      const route = find(options.method || 'GET', options.url);
      if (route && route.onCall) route.onCall(options.data);
      const res = respond(route);
      setTimeout(() => (route && route.network ? options.fail({ errMsg: 'request:fail' }) : options.success({ ...res, header: {} })), 0);
    },
    uploadFile(options) {
      const route = find('POST', options.url);
      if (route && route.onCall) route.onCall(options.filePath);
      const res = respond(route);
      setTimeout(() => options.success({ statusCode: res.statusCode, data: JSON.stringify(res.data) }), 0);
    },
    downloadFile(options) {
      const route = find('GET', options.url);
      setTimeout(() => options.success({ statusCode: route ? route.status || 200 : 404, tempFilePath: '/tmp/wx-download.pdf' }), 0);
    },
  };
}

module.exports = { createWx, tableTransport };
