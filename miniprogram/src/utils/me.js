// @ts-check
/**
 * "Who am I" in one call (`GET /api/v1/me`): bound phone, volunteer standing, home village and open items per
 * capability, unread notices. The home village the server keeps is copied into the phone's cache (utils/store), which
 * the other pages read; a village chosen on this phone before the server kept one is sent up once.
 */
const api = require('../api/index');
const store = require('./store');

/**
 * @typedef {{code: string, name: string, townshipName?: string|null, districtName?: string|null}} HomeRegion
 * @typedef {{bound: boolean, masked: string|null}} Phone
 * @typedef {{registered: boolean, starLevel: number, starLabel: string|null, confirmedHours: number, upcomingSignups: number}} Volunteer
 * @typedef {Record<string, number>} OpenItems
 * @typedef {{accountId: string, phone: Phone, homeRegion: HomeRegion|null, volunteer: Volunteer|null, openItems: OpenItems|null,
 *   notifications: {unread: number}, complete: boolean}} Me
 */

/** "青秀区 中山街道 新兴苑社区居委会" @param {HomeRegion} r */
function villagePath(r) {
  return [r.districtName, r.townshipName, r.name].filter(Boolean).join(' ');
}

/** @param {HomeRegion} r */
function cache(r) {
  const v = { code: r.code, name: r.name, path: villagePath(r) };
  store.setVillage(v);
  return v;
}

/**
 * Loads "me"; keeps the served home village in the phone's cache, or sends up the one chosen on this phone when the
 * server has none yet (a phone set up before the server kept villages).
 * @returns {Promise<Me>}
 */
async function load() {
  /** @type {Me} */
  const me = await api.get('/me');
  if (me.homeRegion && me.homeRegion.code) {
    cache(me.homeRegion);
  } else if (me.complete) {
    const local = store.village();
    if (local) {
      const saved = await api.put('/me/home-region', { regionCode: local.code }).catch(() => null);
      if (saved) me.homeRegion = saved;
    }
  }
  return me;
}

/**
 * Sets the home village on the server, then in the cache.
 * @param {string} regionCode 12-digit village/community code
 */
async function setVillage(regionCode) {
  const saved = await api.put('/me/home-region', { regionCode });
  return cache(saved);
}

module.exports = { load, setVillage, villagePath };
