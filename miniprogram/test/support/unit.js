/** Set-up for unit tests: a fresh `wx` answering from a table of API answers, and getCurrentPages. */
const { createWx, tableTransport } = require('./wx');

function installWx(routes = []) {
  const all = [
    { method: 'POST', path: '/auth/wechat', body: { accessToken: 'access-1', refreshToken: 'refresh-1', tokenType: 'Bearer', expiresIn: 900, accountId: 'acc-1', newAccount: false } },
    ...routes,
  ];
  const transport = tableTransport(all);
  global.wx = createWx({ transport });
  global.getCurrentPages = () => global.__currentPages || [];
  return { wx: global.wx, routes: all, calls: global.wx.__calls, device: global.wx.__device };
}

module.exports = { installWx };
