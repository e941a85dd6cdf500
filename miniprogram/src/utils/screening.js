// @ts-check
/**
 * The PHQ-9/GAD-7 texts, answer scale, risk rule and hotline are served by the API
 * (`GET /appointments/psychology/screening/questions`). Kept here only what the page needs when that call fails: the
 * national psychological-aid hotline, so a person in crisis is never left without a number to call, and the number of
 * the PHQ-9 item whose answer above 0 is a risk (the API states the same rule in `riskItem`).
 */
const HOTLINE = { number: '12356', name: '全国心理援助热线', message: '如果您有伤害自己的想法，请立即拨打全国心理援助热线 12356（24 小时），或拨打 110、120 求助。' };
const RISK_ITEM_NO = 9;

module.exports = { HOTLINE, RISK_ITEM_NO };
