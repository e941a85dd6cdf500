// @ts-check
/** 适老化 larger-text mode, remembered on the phone. */
const KEY = 'civic.largeText';

function large() {
  return wx.getStorageSync(KEY) === true;
}

/** @param {boolean} on */
function setLarge(on) {
  wx.setStorageSync(KEY, Boolean(on));
}

module.exports = { large, setLarge, KEY };
