// @ts-check
/** One row of a list: title, a line or two of detail, an optional status tag (text, never colour alone), tappable. */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    title: { type: String, value: '' },
    detail: { type: String, value: '' },
    note: { type: String, value: '' },
    tag: { type: String, value: '' },
    /** 'ok' | 'wait' | 'warn' | 'done': the tag's tone; the tag's text says the same in words */
    tone: { type: String, value: '' },
    url: { type: String, value: '' },
    arrow: { type: Boolean, value: true },
  },
  methods: {
    tap() {
      this.triggerEvent('choose', { url: this.data.url });
      if (this.data.url) {
        const nav = require('../../utils/nav');
        nav.go(this.data.url);
      }
    },
  },
});
