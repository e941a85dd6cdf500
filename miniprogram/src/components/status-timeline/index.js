// @ts-check
/**
 * A request's path through fixed steps (代办: 委托→受理→办理→送达→归档→回访): every step shows its name, whether it
 * is done (✓ and the words 已完成), the current one (● 进行中) or still to come (○ 未开始), with the time and note
 * of what happened. Nothing is told by colour alone.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    /** [{label, at, note}] in order; */
    steps: { type: Array, value: [] },
    /** how many steps are done */
    done: { type: Number, value: 0 },
  },
  observers: {
    'steps, done'(steps, done) {
      const rows = (steps || []).map((/** @type {any} */ s, /** @type {number} */ i) => ({
        label: s.label,
        at: s.at || '',
        note: s.note || '',
        state: i < done ? 'done' : i === done ? 'now' : 'todo',
        mark: i < done ? '✓' : i === done ? '●' : '○',
        words: i < done ? '已完成' : i === done ? '进行中' : '未开始',
      }));
      this.setData({ rows });
    },
  },
  data: { rows: /** @type {any[]} */ ([]) },
});
