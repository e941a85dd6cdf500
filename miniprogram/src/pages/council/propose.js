// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');

page({
  data: { title: '', description: '', error: '' },
  methods: {
    onLoad(query) { this.council = query.council; },
    onInput(e) { this.setData({ [e.currentTarget.dataset.field]: e.detail.value }); },
    async submit() {
      const t = await this.act('error', () => api.post(`/council/councils/${this.council}/topics`,
        { title: this.data.title.trim(), description: this.data.description.trim() }));
      if (t) wx.redirectTo({ url: `/pages/council/topic?id=${t.id}` });
    },
  },
});
