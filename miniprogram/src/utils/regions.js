// @ts-check
/**
 * "Near me" without coordinates (API-GAPS.md): from the home village outwards — village (12 digits), township (9),
 * district (6), city (4501).
 */
const store = require('./store');

/** @returns {string[]} region codes from nearest to widest */
function widening() {
  const v = store.village();
  if (!v) return ['450103', '4501'];
  return [v.code, v.code.slice(0, 9), v.code.slice(0, 6), '4501'];
}

/** @returns {string} the district of the home village, or 青秀区 when none is set */
function district() {
  const v = store.village();
  return v ? v.code.slice(0, 6) : '450103';
}

module.exports = { widening, district };
