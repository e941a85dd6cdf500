package cn.nanning.civic.appointments.legalaid;

/**
 * Grounds on which an applicant need not prove economic hardship, worded as in 中华人民共和国法律援助法.
 * Article 42 (免予核查经济困难状况) lists people whose hardship is not checked; Article 32 lists matters where
 * legal aid is not subject to the hardship condition at all (the examples 英雄烈士近亲属 and 见义勇为 are there).
 */
public enum ExemptGround {
    ART42_DEPENDANT_WITHOUT_INCOME("第四十二条", "无固定生活来源的未成年人、老年人、残疾人等特定群体"),
    ART42_ASSISTANCE_OR_CARE_RECIPIENT("第四十二条", "社会救助、司法救助或者优抚对象"),
    ART42_MIGRANT_WORKER_WAGES_OR_INJURY("第四十二条", "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员"),
    ART42_OTHER_BY_LAW("第四十二条", "法律、法规、规章规定的其他人员"),
    ART32_HERO_MARTYR_RELATIVE("第三十二条", "英雄烈士近亲属为维护英雄烈士的人格权益"),
    ART32_GOOD_SAMARITAN("第三十二条", "因见义勇为行为主张相关民事权益"),
    ART32_RETRIAL_ACQUITTAL_COMPENSATION("第三十二条", "再审改判无罪请求国家赔偿"),
    ART32_ABUSE_OR_DOMESTIC_VIOLENCE_VICTIM("第三十二条", "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益");

    private final String article;
    private final String label;

    ExemptGround(String article, String label) {
        this.article = article;
        this.label = label;
    }

    public String article() {
        return article;
    }

    public String label() {
        return label;
    }
}
