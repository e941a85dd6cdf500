// @ts-check
/**
 * Subscribe-message consent (wx.requestSubscribeMessage) with the template ids the API serves
 * (`GET /me/notification-templates` → `{items: [{templateId, title, purpose, remaining}]}`). When none are served,
 * templates() answers [] and the pages do not ask, instead of asking with ids hard-coded here that would go stale.
 */
const api = require('../api/index');

/** @type {{id: string, title: string, remaining: number}[]|null} */
let cached = null;

/** @returns {Promise<{id: string, title: string, remaining: number}[]>} */
async function templates() {
  if (cached) return cached;
  try {
    const answer = await api.get('/me/notification-templates');
    const list = answer && Array.isArray(answer.items) ? answer.items : [];
    cached = list.filter((t) => t && t.templateId)
      .map((t) => ({ id: String(t.templateId), title: String(t.title || ''), remaining: Number(t.remaining) || 0 }));
  } catch (e) {
    cached = [];
  }
  return cached;
}

/**
 * Asks for three of the served templates (WeChat's limit per request) — those with the fewest subscriptions left, so
 * tapping again goes round all of them — and reports the answer to the API.
 */
async function ask() {
  const list = (await templates()).map((t, i) => ({ ...t, i }))
    .sort((a, b) => a.remaining - b.remaining || a.i - b.i).slice(0, 3);
  if (!list.length) return '';
  const ids = list.map((t) => t.id);
  const answer = await new Promise((resolve) => {
    wx.requestSubscribeMessage({ tmplIds: ids, success: resolve, fail: () => resolve(null) });
  });
  if (!answer) return '';
  cached = null; // the counts changed
  const accepted = ids.filter((id) => answer[id] === 'accept');
  await api.post('/me/notification-consents', { results: ids.map((id) => ({ templateId: id, accepted: answer[id] === 'accept' })) }).catch(() => null);
  return accepted.length ? `已开启 ${accepted.length} 项提醒` : '您没有开启提醒，以后可以在这里再次开启。';
}

function reset() {
  cached = null;
}

module.exports = { templates, ask, reset };
