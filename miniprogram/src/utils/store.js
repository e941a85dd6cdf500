// @ts-check
/**
 * What the app keeps on the phone: a cache of the home village the server keeps (`GET /me`, `PUT /me/home-region`,
 * see utils/me), read by the pages that look "near me", and hand-overs between pages of one flow (a screening result
 * carried into the booking).
 */
const VILLAGE = 'civic.village';

/** @typedef {{code: string, name: string, path: string}} Village  path: "青秀区 中山街道 中山社区" */

/** @returns {Village|null} */
function village() {
  const v = wx.getStorageSync(VILLAGE);
  return v && typeof v === 'object' && v.code ? /** @type {Village} */ (v) : null;
}

/** @param {Village} v */
function setVillage(v) {
  wx.setStorageSync(VILLAGE, v);
}

/** @type {Record<string, any>} */
const handover = {};

module.exports = {
  village,
  setVillage,
  put: (/** @type {string} */ key, /** @type {any} */ value) => { handover[key] = value; },
  take: (/** @type {string} */ key) => { const v = handover[key]; delete handover[key]; return v; },
  peek: (/** @type {string} */ key) => handover[key],
};
