// @ts-check
/**
 * Case types and exemption grounds of 法律援助法 (Art. 31, 32, 42). The API accepts these codes but does not serve
 * them (API-GAPS.md), so the list is kept here, in the law's words.
 */
const CASE_TYPES = [
  { code: 'LABOUR', label: '请求确认劳动关系或者支付劳动报酬（如工资被拖欠）' },
  { code: 'PERSONAL_INJURY', label: '工伤、交通事故、食品药品、医疗事故人身损害赔偿' },
  { code: 'MAINTENANCE', label: '请求给付赡养费、抚养费、扶养费' },
  { code: 'SOCIAL_INSURANCE_OR_ASSISTANCE', label: '请求给予社会保险待遇或者社会救助' },
  { code: 'STATE_COMPENSATION', label: '依法请求国家赔偿' },
  { code: 'SURVIVOR_PENSION', label: '请求发给抚恤金' },
  { code: 'CIVIL_CAPACITY', label: '请求认定无民事行为能力或者限制民事行为能力' },
  { code: 'ENVIRONMENTAL_DAMAGE', label: '环境污染、生态破坏损害赔偿' },
  { code: 'OTHER', label: '其他情形' },
];

const EXEMPT_GROUNDS = [
  { code: 'ART42_MIGRANT_WORKER_WAGES_OR_INJURY', label: '进城务工人员申请支付劳动报酬或工伤赔偿' },
  { code: 'ART42_DEPENDANT_WITHOUT_INCOME', label: '无固定生活来源的未成年人、老年人、残疾人等' },
  { code: 'ART42_ASSISTANCE_OR_CARE_RECIPIENT', label: '社会救助、司法救助或者优抚对象' },
  { code: 'ART32_ABUSE_OR_DOMESTIC_VIOLENCE_VICTIM', label: '遭受虐待、遗弃或者家庭暴力的受害人' },
  { code: 'ART32_GOOD_SAMARITAN', label: '因见义勇为行为主张相关民事权益' },
  { code: 'ART32_HERO_MARTYR_RELATIVE', label: '英雄烈士近亲属维护英雄烈士人格权益' },
  { code: 'ART32_RETRIAL_ACQUITTAL_COMPENSATION', label: '再审改判无罪请求国家赔偿' },
  { code: 'ART42_OTHER_BY_LAW', label: '法律、法规、规章规定的其他人员' },
];

module.exports = { CASE_TYPES, EXEMPT_GROUNDS };
