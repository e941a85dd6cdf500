// @ts-check
/**
 * The catalogue as the 代办 guide shows it: items grouped by the categories the API serves
 * (`GET /catalogue/categories` → `{items: [{code, label, codePrefix}]}`, each item carrying `category`), in the
 * categories' order; an item whose category is not listed goes under its own `categoryLabel`, last.
 */

/**
 * @param {{code: string, category?: string, categoryLabel?: string}[]} items
 * @param {{code: string, label: string}[]} categories
 * @returns {{code: string, name: string, items: any[]}[]}
 */
function group(items, categories) {
  /** @type {Map<string, {code: string, name: string, items: any[]}>} */
  const groups = new Map(categories.map((c) => [c.code, { code: c.code, name: c.label, items: [] }]));
  for (const item of items) {
    const code = item.category || 'OTHER';
    if (!groups.has(code)) groups.set(code, { code, name: item.categoryLabel || '其他事项', items: [] });
    /** @type {any} */ (groups.get(code)).items.push(item);
  }
  return Array.from(groups.values()).filter((g) => g.items.length);
}

/** "身份证；户口簿" → ["身份证", "户口簿"] @param {string|undefined} materials */
function materials(materials) {
  return String(materials || '').split(/[；;]/).map((s) => s.trim()).filter(Boolean);
}

module.exports = { group, materials };
