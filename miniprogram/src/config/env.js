// @ts-check
/**
 * Where the gateway is, per mini-program version (wx.getAccountInfoSync().miniProgram.envVersion). Pages never name a
 * host: they call the api module, which asks this one. The trial and release hosts must be listed as the
 * mini-program's request and uploadFile/downloadFile domains in the WeChat admin console (see README).
 */
const GATEWAYS = {
  develop: 'http://127.0.0.1:8080',
  trial: 'https://civic-trial.nanning.gov.cn',
  release: 'https://civic.nanning.gov.cn',
};

/** In the develop version only, a developer may point the app at another gateway (storage key below). */
const DEV_OVERRIDE_KEY = 'civic.devGateway';

/** @returns {'develop'|'trial'|'release'} */
function envVersion() {
  try {
    const v = wx.getAccountInfoSync().miniProgram.envVersion;
    return v === 'trial' || v === 'release' ? v : 'develop';
  } catch (e) {
    return 'develop';
  }
}

/** The gateway's base URL for this version, without a trailing slash. */
function gateway() {
  const env = envVersion();
  if (env === 'develop') {
    const override = wx.getStorageSync(DEV_OVERRIDE_KEY);
    if (typeof override === 'string' && /^https?:\/\//.test(override)) return override.replace(/\/+$/, '');
  }
  return GATEWAYS[env];
}

module.exports = { gateway, envVersion, GATEWAYS, DEV_OVERRIDE_KEY };
