// @ts-check
const api = require('./api/index');

App({
  globalData: {},
  onLaunch() {
    // Sign in silently at launch so the first page's calls find a session; a failure is shown by the page that
    // needs the session (its call signs in again), never as a launch error.
    api.ensureSession().catch(() => {});
  },
});
