// @ts-check
const { page } = require('../../utils/page');
const profile = require('../../utils/profile');

page({
  data: {
    loaded: false, saved: false, consentCurrent: true, name: '', idNumber: '', phone: '', consent: false,
    policy: /** @type {{version: string, title: string, text: string}|null} */ (null),
    error: '', saveError: '', ok: '', confirmErase: false,
  },
  methods: {
    onLoad() {
      return this.load();
    },
    async load() {
      const p = await this.act('error', () => profile.load());
      if (p) this.show(p);
      this.setData({ loaded: true });
    },
    /** @param {import('../../utils/profile').Profile} p */
    show(p) {
      this.setData({ saved: p.saved, consentCurrent: p.consentCurrent, name: p.name || '', idNumber: p.idNumber || '',
        phone: p.phone || '', policy: p.policy, consent: false, confirmErase: false });
    },
    onInput(e) { this.setData({ [e.currentTarget.dataset.field]: e.detail.value, ok: '' }); },
    toggleConsent() { this.setData({ consent: !this.data.consent }); },
    async save() {
      if (!this.data.consent) {
        this.setData({ saveError: '请阅读资料保存说明并勾选同意后再保存。', ok: '' });
        return;
      }
      const policy = this.data.policy;
      const saved = await this.act('saveError', () => profile.save(this.data.name.trim(), this.data.idNumber.trim(), policy ? policy.version : ''));
      if (saved) {
        this.show(saved);
        this.setData({ ok: '已保存。以后办事会自动填写这些资料。' });
      }
    },
    askErase() { this.setData({ confirmErase: true, ok: '' }); },
    cancelErase() { this.setData({ confirmErase: false }); },
    async erase() {
      const done = await this.act('saveError', async () => { await profile.erase(); return profile.load(); });
      if (done) {
        this.show(done);
        this.setData({ ok: '已删除您保存的姓名和身份证号码。' });
      }
    },
  },
});
