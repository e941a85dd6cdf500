// @ts-check
/** The API's Chinese message, shown right next to what caused it, with a sign and words, not colour alone. */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    text: { type: String, value: '' },
    retry: { type: String, value: '' },
  },
  methods: {
    tap() {
      this.triggerEvent('retry');
    },
  },
});
