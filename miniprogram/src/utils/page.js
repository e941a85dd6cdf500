// @ts-check
/**
 * Pages are written with Component() (allowed for pages, and loadable by miniprogram-simulate in tests); this adds
 * the shared page behaviour (larger text, way back, `act`) and applies the text size whenever a page shows.
 */
const pageBehavior = require('../behaviors/page');

/** @param {Record<string, any>} definition */
function page(definition) {
  const methods = definition.methods || {};
  const onShow = methods.onShow;
  methods.onShow = function () {
    this.applyPrefs();
    if (onShow) return onShow.apply(this, arguments);
    return undefined;
  };
  definition.methods = methods;
  definition.behaviors = [pageBehavior].concat(definition.behaviors || []);
  return Component(/** @type {any} */ (definition));
}

module.exports = { page };
