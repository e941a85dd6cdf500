// @ts-check
/** Resident ID numbers (GB 11643): the check character, and the age they give (for minors' guardian fields). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** @param {string} id */
function valid(id) {
  if (!/^\d{17}[\dXx]$/.test(id || '')) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  return '10X98765432'[sum % 11] === id[17].toUpperCase();
}

/** Age in whole years today (Nanning), or null when the number is not valid. @param {string} id */
function age(id) {
  if (!valid(id)) return null;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const now = new Date(Date.now() + 8 * 3600e3);
  let a = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) a--;
  return a;
}

module.exports = { valid, age };
