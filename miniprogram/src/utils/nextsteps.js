// @ts-check
/**
 * What a citizen can do after reading an answer: the step law search suggests for a known question (its knowledge base)
 * first, then the ones the city provides for every legal question, plus 代办 for each service item that allows it.
 */
/** @param {{code: string, name: string, proxyAllowed?: boolean}[]} services */
function forAnswer(services = []) {
  const steps = [
    { title: '预约律师免费咨询', detail: '公共法律服务站的律师当面或线上解答', url: '/pages/appointments/index' },
    { title: '申请法律援助', detail: '经济困难或属于法定情形的，可免费获得律师代理', url: '/pages/legalaid/apply' },
  ];
  for (const s of services.slice(0, 3)) {
    if (s.proxyAllowed) steps.push({ title: `请村代办点代办：${s.name}`, detail: '不用自己跑，村（社区）代办员帮您办', url: `/pages/proxy/item?code=${s.code}` });
    else steps.push({ title: `了解怎么办：${s.name}`, detail: '办理条件、所需材料、办理时限', url: `/pages/proxy/item?code=${s.code}` });
  }
  return steps;
}

/**
 * The step the law-search answer suggests (knowledge base `nextStep`), as a row leading to the page that does it.
 * @param {{kind?: string, label?: string, catalogueItem?: string|null, caseType?: string|null}|null|undefined} step
 */
function fromAnswer(step) {
  if (!step || !step.kind) return null;
  if (step.kind === 'LEGAL_AID') {
    const type = step.caseType ? `?caseType=${step.caseType}` : '';
    return { title: step.label || '申请法律援助', detail: '这类事情可以申请免费的法律援助', url: `/pages/legalaid/apply${type}` };
  }
  if (step.kind === 'CATALOGUE_ITEM' && step.catalogueItem) {
    return { title: step.label || '办理服务事项', detail: '办理条件、所需材料，可请村代办点代办', url: `/pages/proxy/item?code=${step.catalogueItem}` };
  }
  return { title: step.label || '预约律师免费咨询', detail: '公共法律服务站的律师当面或线上解答', url: '/pages/appointments/index' };
}

/** The page each kind of next step the search API names leads to. */
const PAGES = {
  CONSULTATION: { url: '/pages/appointments/index', detail: '公共法律服务站的律师当面或线上解答' },
  LEGAL_AID: { url: '/pages/legalaid/apply', detail: '经济困难或属于法定情形的，可免费获得律师代理' },
  SERVICE_POINT: { url: '/pages/proxy/index', detail: '村（社区）代办服务点，代办员帮您跑腿办事' },
};

/**
 * The next steps law search and the article page serve (`nextSteps` of a law hit or an article), as rows: the catalogue
 * items citing the article first, then consultation, legal aid and my village's service point. Kinds the page does not
 * know are left out.
 * @param {{kind?: string, label?: string, catalogueItem?: string|null}[]|undefined} steps
 */
function fromServer(steps = []) {
  const rows = [];
  for (const step of steps || []) {
    if (step.kind === 'CATALOGUE_ITEM' && step.catalogueItem) {
      rows.push({ title: step.label || '办理服务事项', detail: '依据这条规定可以办的事，村代办点可代办', url: `/pages/proxy/item?code=${step.catalogueItem}` });
    } else if (step.kind && PAGES[step.kind]) {
      rows.push({ title: step.label || '', detail: PAGES[step.kind].detail, url: PAGES[step.kind].url });
    }
  }
  return rows;
}

/** Rows without a second one to the same page (the first kept). @param {{url: string}[]} rows */
function distinct(rows) {
  const seen = new Set();
  return rows.filter((r) => {
    const key = r.url.split('?')[0] + (r.url.includes('code=') ? r.url : '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

module.exports = { forAnswer, fromAnswer, fromServer, distinct };
