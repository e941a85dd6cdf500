// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const me = require('../../utils/me');

const NANNING = '450100';

page({
  data: {
    trail: /** @type {{code: string, name: string}[]} */ ([]),
    options: /** @type {any[]} */ ([]),
    current: '',
    error: '',
    saved: '',
  },
  methods: {
    onLoad() {
      const v = store.village();
      this.setData({ current: v ? v.path : '' });
      return this.list(NANNING);
    },
    async list(code) {
      const children = await this.act('error', () => api.get(`/regions/${code}/children`));
      if (children) this.setData({ options: children.map((r) => ({ code: r.code, name: r.name, level: r.level })) });
    },
    async choose(e) {
      const { code, name, level } = e.currentTarget.dataset;
      const trail = this.data.trail.concat([{ code, name }]);
      if (level === 'village') {
        // Kept on the server (every device of this WeChat account sees it); the phone keeps a copy.
        const saved = await this.act('error', () => me.setVillage(code));
        if (!saved) return;
        this.setData({ trail, current: saved.path, saved: `已设为：${saved.path}`, options: [] });
        return;
      }
      this.setData({ trail });
      await this.list(code);
    },
    up() {
      const trail = this.data.trail.slice(0, -1);
      this.setData({ trail, saved: '' });
      return this.list(trail.length ? trail[trail.length - 1].code : NANNING);
    },
  },
});
