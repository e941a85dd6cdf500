// @ts-check
/** What a list shows when it has nothing: a plain sentence and, where there is one, the next thing to do. */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    text: { type: String, value: '暂时没有内容' },
    hint: { type: String, value: '' },
    action: { type: String, value: '' },
    url: { type: String, value: '' },
  },
  methods: {
    tap() {
      this.triggerEvent('action');
      if (this.data.url) require('../../utils/nav').go(this.data.url);
    },
  },
});
