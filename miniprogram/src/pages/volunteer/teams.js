// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');

/** My memberships (`GET /volunteers/me/teams`); someone not registered as a volunteer (404) has none. */
async function myTeams() {
  try {
    const answer = await api.get('/volunteers/me/teams', { page: 0, size: 50 });
    return (answer && answer.items) || [];
  } catch (e) {
    if (e && e.status === 404) return [];
    throw e;
  }
}

page({
  data: { mine: /** @type {any[]} */ ([]), stations: /** @type {any[]} */ ([]), loaded: false, error: '', joinError: '', ok: '', area: '' },
  methods: {
    onLoad() { return this.load(); },
    async load() {
      const v = store.village();
      const township = v ? v.code.slice(0, 9) : '';
      const district = v ? v.code.slice(0, 6) : '450103';
      const result = await this.act('error', async () => {
        // Stations are kept per township: my township first, else my district.
        const [mine, nearby] = await Promise.all([myTeams(), (async () => {
          let stations = township ? await api.get('/volunteers/stations', { region: township }) : [];
          if (!stations.length) stations = await api.get('/volunteers/stations', { region: district });
          return Promise.all(stations.map(async (st) => ({ st, teams: await api.get('/volunteers/teams', { station: st.id }) })));
        })()]);
        return { mine, nearby };
      });
      if (!result) return this.setData({ loaded: true });
      /** @type {Record<string, string>} team id → my membership state in words, while pending or approved */
      const state = {};
      for (const m of result.mine) if (m.status === 'PENDING' || m.status === 'APPROVED') state[m.team.id] = m.statusLabel;
      this.setData({
        loaded: true,
        area: v ? v.path : '',
        mine: result.mine.map((m) => ({ id: m.team.id, name: m.team.name, detail: `${m.team.typeLabel} · ${m.roleLabel} · 队长 ${m.team.leaderName}`,
          tag: m.statusLabel, tone: m.status === 'APPROVED' ? 'ok' : m.status === 'PENDING' ? 'wait' : 'done', note: m.status === 'REJECTED' && m.note ? `理由：${m.note}` : '' })),
        stations: result.nearby.map(({ st, teams }) => ({ id: st.id, name: st.name, address: st.address || '',
          teams: teams.map((t) => ({ id: t.id, name: t.name, type: t.typeLabel, leader: t.leaderName, members: t.members, state: state[t.id] || '' })) })),
      });
      return undefined;
    },
    async join(e) {
      const id = e.currentTarget.dataset.id;
      const r = await this.act('joinError', () => api.post(`/volunteers/teams/${id}/join-requests`, {}));
      if (r) {
        await this.load();
        this.setData({ ok: `已申请加入，状态：${r.statusLabel}。队长同意后即可入队。` });
      }
    },
  },
});
