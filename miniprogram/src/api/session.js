// @ts-check
/** The signed-in citizen's tokens, kept in storage so a relaunch stays signed in. */
const KEY = 'civic.session';

/** @typedef {{accessToken: string, refreshToken: string, accountId: string, newAccount?: boolean}} Session */

/** @returns {Session|null} */
function current() {
  const s = wx.getStorageSync(KEY);
  return s && typeof s === 'object' && s.accessToken ? /** @type {Session} */ (s) : null;
}

/** @param {any} tokens the gateway's token answer */
function save(tokens) {
  const previous = current();
  /** @type {Session} */
  const s = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accountId: tokens.accountId || (previous && previous.accountId) || '',
    newAccount: Boolean(tokens.newAccount),
  };
  wx.setStorageSync(KEY, s);
  return s;
}

function clear() {
  wx.removeStorageSync(KEY);
}

module.exports = { current, save, clear, KEY };
