// @ts-check
/** The top of every page below the tab pages: a big “返回” and the page's title, so there is always a way back. */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: { title: { type: String, value: '' } },
  methods: {
    back() {
      require('../../utils/nav').back();
    },
    home() {
      require('../../utils/nav').home();
    },
  },
});
