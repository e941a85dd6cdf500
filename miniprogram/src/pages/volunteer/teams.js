// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');

page({
  data: { stations: /** @type {any[]} */ ([]), loaded: false, error: '', joinError: '', ok: '', area: '' },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const v = store.village();
      const township = v ? v.code.slice(0, 9) : '';
      const district = v ? v.code.slice(0, 6) : '450103';
      const result = await this.act('error', async () => {
        // Stations are kept per township: my township first, else my district.
        let stations = township ? await api.get('/volunteers/stations', { region: township }) : [];
        if (!stations.length) stations = await api.get('/volunteers/stations', { region: district });
        return Promise.all(stations.map(async (st) => ({ st, teams: await api.get('/volunteers/teams', { station: st.id }) })));
      });
      this.setData({
        loaded: true,
        area: v ? v.path : '',
        stations: (result || []).map(({ st, teams }) => ({ id: st.id, name: st.name, address: st.address || '',
          teams: teams.map((t) => ({ id: t.id, name: t.name, type: t.typeLabel, leader: t.leaderName, members: t.members })) })),
      });
    },
    async join(e) {
      const id = e.currentTarget.dataset.id;
      const r = await this.act('joinError', () => api.post(`/volunteers/teams/${id}/join-requests`, {}));
      if (r) this.setData({ ok: `已申请加入，状态：${r.statusLabel}。队长同意后即可入队。` });
    },
  },
});
