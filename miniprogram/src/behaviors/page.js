// @ts-check
/**
 * What every page shares: the larger-text mode, a way back, and `act`, the one helper that runs an action and shows
 * its outcome next to what caused it (data[errorKey] holds the API's Chinese message; field messages go to
 * data.fieldErrors).
 */
const prefs = require('../utils/prefs');
const nav = require('../utils/nav');
const { messageOf, ApiError } = require('../api/problem');

module.exports = Behavior({
  data: { large: false, busy: false, fieldErrors: {} },
  methods: {
    applyPrefs() {
      this.setData({ large: prefs.large() });
    },
    goBack() {
      nav.back();
    },
    goHome() {
      nav.home();
    },
    /** @param {any} e tap event whose dataset.url is the page to open */
    open(e) {
      const url = e && e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.url;
      if (url) nav.go(url);
    },
    /**
     * Runs `fn`; on failure shows the message in data[errorKey] (and field messages in fieldErrors) and resolves
     * undefined. While it runs, `busy` is true so buttons can show loading and refuse a second tap.
     * @template T
     * @param {string} errorKey
     * @param {() => Promise<T>} fn
     * @returns {Promise<T|undefined>}
     */
    async act(errorKey, fn) {
      this.setData({ [errorKey]: '', busy: true, fieldErrors: {} });
      try {
        return await fn();
      } catch (e) {
        /** @type {Record<string,string>} */
        const fields = {};
        if (e instanceof ApiError) for (const k of Object.keys(e.fields)) fields[k.replace(/[.\[\]]/g, '_')] = e.fields[k];
        this.setData({ [errorKey]: messageOf(e), fieldErrors: fields });
        return undefined;
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
