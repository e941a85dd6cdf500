package cn.nanning.civic.search.knowledge;

import java.util.Arrays;
import java.util.Optional;

/** The topics of the knowledge base, the ones residents bring to legal aid most, with the names people read. */
public enum Topic {
    WAGES("wages", "工资与劳动合同"),
    DISMISSAL("dismissal", "辞退与经济补偿"),
    INJURY("injury", "工伤"),
    SOCIAL_INSURANCE("social-insurance", "社会保险与救助"),
    MARRIAGE("marriage", "婚姻与家庭暴力"),
    CUSTODY("custody", "子女抚养与未成年人"),
    PARENTS("parents", "赡养老人"),
    INHERITANCE("inheritance", "继承"),
    NEIGHBOURS("neighbours", "邻里纠纷"),
    TRAFFIC("traffic", "交通事故"),
    CONSUMER("consumer", "消费与食品安全"),
    PERSONAL_INFO("personal-info", "个人信息与隐私"),
    LOANS("loans", "借款与担保"),
    RURAL_LAND("rural-land", "农村土地与宅基地"),
    ADMINISTRATIVE("administrative", "行政处罚与复议诉讼"),
    LEGAL_AID("legal-aid", "法律援助与调解");

    private final String code;
    private final String label;

    Topic(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Topic> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
