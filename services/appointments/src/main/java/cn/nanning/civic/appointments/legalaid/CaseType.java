package cn.nanning.civic.appointments.legalaid;

/** Civil and administrative matters for which legal aid may be requested (法律援助法 Art. 31). */
public enum CaseType {
    STATE_COMPENSATION("依法请求国家赔偿"),
    SOCIAL_INSURANCE_OR_ASSISTANCE("请求给予社会保险待遇或者社会救助"),
    SURVIVOR_PENSION("请求发给抚恤金"),
    MAINTENANCE("请求给付赡养费、抚养费、扶养费"),
    LABOUR("请求确认劳动关系或者支付劳动报酬"),
    CIVIL_CAPACITY("请求认定公民无民事行为能力或者限制民事行为能力"),
    PERSONAL_INJURY("请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿"),
    ENVIRONMENTAL_DAMAGE("请求环境污染、生态破坏损害赔偿"),
    OTHER("法律、法规、规章规定的其他情形");

    private final String label;

    CaseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
