// @ts-check
/**
 * Turns a failed answer into what a person reads: the API's Chinese text (problem+json `detail`, else `title`) and
 * Chinese field messages keyed by field name. Text without Chinese characters (framework messages) is never shown.
 */

const FALLBACK = {
  400: '提交的内容有误，请检查后重试。',
  401: '登录已失效，请重新进入小程序。',
  403: '您没有权限进行这项操作。',
  404: '没有找到相关内容，可能已被删除。',
  409: '状态已经变化，请刷新后再试。',
  410: '该内容已失效。',
  413: '文件太大，请换一个小一些的文件。',
  415: '文件格式不支持，请上传 JPG、PNG 或 PDF。',
  423: '账号暂时被锁定，请稍后再试。',
  429: '操作太频繁了，请稍后再试。',
};
const NETWORK = '网络连接失败，请检查网络后重试。';
const SERVER = '服务暂时不可用，请稍后再试。';

const CHINESE = /[\u4e00-\u9fff]/;

/** @param {unknown} text */
function chinese(text) {
  if (typeof text !== 'string' || !CHINESE.test(text)) return '';
  // "realName：请填写真实姓名。" → "请填写真实姓名。" (a field's code name is not for people)
  return text.replace(/^[A-Za-z0-9_.\[\]\/-]+[：:]\s*/, '').trim();
}

/** "/guardian/phone", "guardian.phone", "body.phone" → "guardian.phone" / "phone" */
function fieldName(path) {
  if (typeof path !== 'string' || !path) return '';
  return path.replace(/^\//, '').replace(/\//g, '.').replace(/^(body|request)\./, '');
}

class ApiError extends Error {
  /**
   * @param {number} status  HTTP status, 0 when the network failed
   * @param {string} message Chinese text for people
   * @param {{type?: string, fields?: Record<string,string>, requestId?: string}} [more]
   */
  constructor(status, message, more = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = more.type || '';
    this.fields = more.fields || {};
    this.requestId = more.requestId || '';
  }
}

/**
 * @param {number} status
 * @param {any} body parsed JSON (or text) of the answer
 * @param {string} [requestId]
 */
function fromResponse(status, body, requestId) {
  /** @type {Record<string,string>} */
  const fields = {};
  let message = '';
  let type = '';
  if (body && typeof body === 'object') {
    message = chinese(body.detail) || chinese(body.title);
    type = typeof body.type === 'string' ? body.type.replace(/^.*\//, '') : '';
    if (Array.isArray(body.errors)) {
      for (const e of body.errors) {
        const text = chinese(e && e.message);
        const name = fieldName(e && (e.field || e.pointer || e.path || e.name));
        if (text && name && !fields[name]) fields[name] = text;
        if (text && !message) message = text;
      }
    }
  }
  if (!message) message = status >= 500 ? SERVER : FALLBACK[status] || SERVER;
  return new ApiError(status, message, { type, fields, requestId });
}

function network() {
  return new ApiError(0, NETWORK);
}

/** The text to show for any thrown value (an ApiError, a wx fail object, anything). */
function messageOf(e) {
  if (e instanceof ApiError) return e.message;
  if (e && typeof e === 'object' && typeof e.message === 'string' && CHINESE.test(e.message)) return e.message;
  return '操作没有成功，请稍后再试。';
}

module.exports = { ApiError, fromResponse, network, messageOf, fieldName };
