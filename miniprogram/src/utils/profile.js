// @ts-check
/**
 * 我的资料 (`GET /api/v1/me/profile`): name, ID number and bound phone, typed once and used to fill in the next form.
 * Read fresh for each form and never kept on the phone (it is personal data; each read is audited by the gateway); a
 * form fills only the fields the citizen has not typed into yet, and they can still change them before submitting.
 */
const api = require('../api/index');

/**
 * @typedef {{saved: boolean, name: string|null, idNumber: string|null, birthDate: string|null, adult: boolean|null,
 *   phone: string|null, consentVersion: string|null, consentCurrent: boolean, policy: {version: string, title: string, text: string}}} Profile
 */

/** @returns {Promise<Profile>} */
function load() {
  return api.get('/me/profile');
}

/**
 * Fills a form's empty fields from the profile; resolves the fields it filled (empty when nothing was saved or the
 * profile could not be read — a form never fails because of its prefill).
 * @param {any} page the page (Component) whose data holds the form
 * @param {{name?: string, idNumber?: string, phone?: string}} fields the form's data keys for each profile field
 * @returns {Promise<string[]>}
 */
async function fill(page, fields) {
  let profile;
  try {
    profile = await load();
  } catch (e) {
    return [];
  }
  /** @type {Record<string, string>} */
  const update = {};
  const values = { name: profile.name, idNumber: profile.idNumber, phone: profile.phone };
  for (const [key, dataKey] of Object.entries(fields)) {
    const value = values[/** @type {'name'|'idNumber'|'phone'} */ (key)];
    if (dataKey && value && !String(page.data[dataKey] || '').trim()) update[dataKey] = value;
  }
  if (Object.keys(update).length) page.setData(update);
  return Object.keys(update);
}

/**
 * Saves name and ID number with the citizen's consent to the policy version shown to them.
 * @param {string} name @param {string} idNumber @param {string} policyVersion
 * @returns {Promise<Profile>}
 */
function save(name, idNumber, policyVersion) {
  return api.put('/me/profile', { name, idNumber, consent: true, policyVersion });
}

function erase() {
  return api.del('/me/profile');
}

module.exports = { load, fill, save, erase };
