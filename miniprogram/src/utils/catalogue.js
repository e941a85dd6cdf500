// @ts-check
/**
 * Categories of the standard catalogue by code family (NN-LD-… 劳动维权). The API serves no categories
 * (API-GAPS.md); an unknown family falls under 其他事项.
 */
const CATEGORIES = [
  ['NN-LD', '劳动维权'], ['NN-SB', '社会保险'], ['NN-YB', '医疗保障'], ['NN-MZ', '社会救助'], ['NN-YL', '养老服务'],
  ['NN-CL', '残疾人服务'], ['NN-HJ', '户籍证件'], ['NN-JY', '就业创业'], ['NN-NY', '农业农村'], ['NN-TY', '退役军人'],
  ['NN-WS', '卫生健康'], ['NN-JZ', '教育'], ['NN-FL', '法律服务'],
];

/** @param {{code: string}[]} items */
function group(items) {
  /** @type {{name: string, items: any[]}[]} */
  const groups = CATEGORIES.map(([, name]) => ({ name, items: [] }));
  const other = { name: '其他事项', items: [] };
  for (const item of items) {
    const i = CATEGORIES.findIndex(([prefix]) => item.code.startsWith(prefix));
    (i >= 0 ? groups[i] : other).items.push(item);
  }
  return groups.concat([other]).filter((g) => g.items.length);
}

/** "身份证；户口簿" → ["身份证", "户口簿"] @param {string|undefined} materials */
function materials(materials) {
  return String(materials || '').split(/[；;]/).map((s) => s.trim()).filter(Boolean);
}

module.exports = { group, materials };
