// @ts-check
const { page } = require('../../utils/page');
const api = require('../../api/index');
const store = require('../../utils/store');
const idcard = require('../../utils/idcard');
const profile = require('../../utils/profile');

const SKILLS = ['急救', '巡逻', '助老', '文艺', '医疗', '法律', '心理', '驾驶', '摄影', '电脑'];

page({
  data: {
    realName: '', idNumber: '', phone: '', skills: /** @type {string[]} */ ([]), allSkills: SKILLS.map((s) => ({ name: s, on: false })),
    village: '', minor: false, child: false, guardianName: '', guardianPhone: '', guardianRelation: '', guardianConsent: false,
    consent: false, error: '', policy: /** @type {{version: string, title: string, text: string}|null} */ (null), policyError: '', policyOpen: false, prefilled: false,
  },
  methods: {
    onLoad() {
      return Promise.all([this.loadPolicy(), this.prefill()]);
    },
    /** Name, ID number and phone from 我的资料, when the citizen saved them (the minor check follows the number). */
    async prefill() {
      const filled = await profile.fill(this, { name: 'realName', idNumber: 'idNumber', phone: 'phone' });
      if (!filled.length) return;
      const age = idcard.age(this.data.idNumber.trim());
      this.setData({ prefilled: true, minor: age !== null && age < 18, child: age !== null && age < 14 });
    },
    /** The personal-information rules the registration accepts, in the version the API expects back. */
    async loadPolicy() {
      const policy = await this.act('policyError', () => api.get('/volunteers/consent-policy'));
      if (policy) this.setData({ policy: { version: policy.version, title: policy.title, text: policy.text } });
    },
    togglePolicy() { this.setData({ policyOpen: !this.data.policyOpen }); },
    onShow() {
      const v = store.village();
      this.setData({ village: v ? v.path : '' });
    },
    onInput(e) {
      const field = e.currentTarget.dataset.field;
      const value = e.detail.value;
      const update = { [field]: value };
      if (field === 'idNumber') {
        const age = idcard.age(value.trim());
        update.minor = age !== null && age < 18;
        update.child = age !== null && age < 14;
      }
      this.setData(update);
    },
    toggleSkill(e) {
      const name = e.currentTarget.dataset.name;
      const allSkills = this.data.allSkills.map((s) => (s.name === name ? { ...s, on: !s.on } : s));
      this.setData({ allSkills, skills: allSkills.filter((s) => s.on).map((s) => s.name) });
    },
    toggleConsent() { this.setData({ consent: !this.data.consent }); },
    toggleGuardianConsent() { this.setData({ guardianConsent: !this.data.guardianConsent }); },
    async submit() {
      const v = store.village();
      if (!v) {
        this.setData({ error: '请先设置您的村（社区），志愿服务按所在村（社区）管理。' });
        return;
      }
      if (!this.data.policy) {
        this.setData({ error: '个人信息处理规则还没有读取成功，请点“重试”后再注册。' });
        return;
      }
      if (!this.data.consent) {
        this.setData({ error: '请阅读并同意个人信息处理规则后再注册。' });
        return;
      }
      const d = this.data;
      const body = {
        realName: d.realName.trim(), idNumber: d.idNumber.trim(), phone: d.phone.trim(), homeRegion: v.code, skills: d.skills,
        sensitiveInfoConsent: true, consentPolicyVersion: d.policy ? d.policy.version : '',
        guardian: d.minor ? { name: d.guardianName.trim(), phone: d.guardianPhone.trim(), relation: d.guardianRelation.trim(), consent: d.guardianConsent } : undefined,
      };
      const created = await this.act('error', () => api.post('/volunteers', body));
      if (created) wx.redirectTo({ url: '/pages/volunteer/index?registered=1' });
    },
  },
});
