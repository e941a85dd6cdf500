// @ts-check
/**
 * What a citizen can do after reading an answer. The API suggests no next step (API-GAPS.md), so the app offers the
 * three the city provides for every legal question, plus 代办 for each service item that allows it.
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

module.exports = { forAnswer };
