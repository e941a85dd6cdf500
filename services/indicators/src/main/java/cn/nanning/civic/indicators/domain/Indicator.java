package cn.nanning.civic.indicators.domain;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The indicators of the city's 2021–2025 social-governance plan (专栏1) that the platform's own data measures, with
 * the plan's targets. Targets are only those the plan (or, for legal aid, the law) sets; the rest are monitored.
 */
public enum Indicator {

    COUNCIL_COVERAGE("council-coverage", "6", "基层治理", "议事协商载体覆盖率",
            "建有议事协商载体（老友议事会，且有任期内议事代表）的村（社区）占比", Unit.PERCENT,
            new Target(1, 1, "100%"), "有议事会的村（社区）", "村（社区）总数", Level.VILLAGE, true, "议事会"),
    FOUR_TWO_OPEN("four-two-open", "6（四议两公开）", "基层治理", "“四议两公开”履行率",
            "近12个月至少有1件重大事项完整履行“四议两公开”（实施结果已公开）的村（社区）占比", Unit.PERCENT,
            new Target(1, 1, "100%"), "完整履行的村（社区）", "村（社区）总数", Level.VILLAGE, true, "议事会"),
    VOLUNTEER_SHARE("volunteer-share", "7", "志愿服务", "实名注册志愿者占常住人口比例",
            "实名注册（有效）志愿者人数占常住人口的比例", Unit.PERCENT,
            new Target(1, 5, "20%"), "实名注册志愿者", "常住人口", Level.VILLAGE, true, "志愿服务、常住人口"),
    TOWNSHIP_STATIONS("township-stations", "8", "志愿服务", "乡镇（街道）志愿服务站和平安建设志愿服务队覆盖率",
            "建有志愿服务站且至少有1支平安建设志愿服务队的乡镇（街道）占比", Unit.PERCENT,
            new Target(1, 1, "100%"), "达到要求的乡镇（街道）", "乡镇（街道）总数", Level.TOWNSHIP, true, "志愿服务"),
    PATROL_MEMBERS("patrol-members", "9", "志愿服务", "群防群治巡防队员占常住人口比例",
            "平安巡防队队员（含队长）人数占常住人口的比例", Unit.PERMILLE,
            new Target(1, 1000, "≥ 1‰"), "巡防队员", "常住人口", Level.TOWNSHIP, true, "志愿服务、常住人口"),
    PROXY_COVERAGE("proxy-coverage", "10", "政务服务", "村（社区）政务服务办理或代办覆盖率",
            "有在用代办服务点且可办理至少1项服务事项的村（社区）占比", Unit.PERCENT,
            new Target(9, 10, "≥ 90%"), "可办理或代办的村（社区）", "村（社区）总数", Level.VILLAGE, true, "代办"),
    LEGAL_SERVICE_COVERAGE("legal-service-coverage", "公共法律服务", "公共法律服务", "公共法律服务实体平台四级覆盖率",
            "市、县、乡、村四级中设有公共法律服务站（点）的区划占比；四级全覆盖为达标", Unit.PERCENT,
            new Target(1, 1, "四级全覆盖"), "设有站（点）的区划", "区划总数", Level.VILLAGE, true, "预约服务"),
    LEGAL_CONSULTATIONS("legal-consultations", "公共法律服务", "公共法律服务", "法律咨询接待量",
            "近12个月已接待的法律咨询预约（含代约）次数", Unit.COUNT,
            null, "已接待", null, Level.VILLAGE, true, "预约服务"),
    LEGAL_AID_ON_TIME("legal-aid-on-time", "公共法律服务", "公共法律服务", "法律援助申请按时决定率",
            "近12个月应作决定的法律援助申请中，在法定期限（7个工作日）内作出决定的占比", Unit.PERCENT,
            new Target(1, 1, "100%（法定期限）"), "按时决定", "应作决定", Level.VILLAGE, true, "法律援助"),
    COUNSELLING_ROOMS("counselling-rooms", "心理服务", "心理服务", "县级心理咨询室覆盖率",
            "建有心理咨询室（每县1—2个）的县（市、区）占比", Unit.PERCENT,
            new Target(1, 1, "每县 1—2 个"), "建有咨询室的县（市、区）", "县（市、区）总数", Level.DISTRICT, true, "预约服务"),
    PSYCHOLOGY_SESSIONS("psychology-sessions", "心理服务", "心理服务", "心理咨询接待量",
            "近12个月已接待的心理咨询预约次数", Unit.COUNT,
            null, "已接待", null, Level.VILLAGE, true, "预约服务"),
    URGENT_SCREENINGS("urgent-screenings", "心理服务", "心理服务", "风险筛查紧急预约接待率",
            "近12个月筛查提示风险的紧急心理咨询预约中已接待的占比（来访者本人取消的不计）", Unit.PERCENT,
            null, "已接待", "到期的紧急预约", Level.VILLAGE, true, "预约服务"),
    PROXY_ON_TIME("proxy-on-time", "代办质量", "代办质量", "代办按时转办率",
            "近12个月到期的代办件中，受理后3个工作日内转办的占比", Unit.PERCENT,
            null, "按时转办", "到期件数", Level.VILLAGE, true, "代办"),
    PROXY_DELIVERY_DAYS("proxy-delivery-days", "代办质量", "代办质量", "代办送达中位天数",
            "近12个月送达的代办件，从委托到送达所用天数（按自然日向上取整）的中位数", Unit.DAYS,
            null, null, null, Level.VILLAGE, false, "代办"),
    PROXY_SATISFACTION("proxy-satisfaction", "代办质量", "代办质量", "代办回访满意率",
            "近12个月送达并回访的代办件中，评价为满意或非常满意（4—5分）的占比", Unit.PERCENT,
            null, "满意及以上", "回访件数", Level.VILLAGE, true, "代办");

    private final String id;
    private final String planNo;
    private final String group;
    private final String title;
    private final String description;
    private final Unit unit;
    private final Target target;
    private final String numeratorLabel;
    private final String denominatorLabel;
    private final Level lowestLevel;
    private final boolean higherIsBetter;
    private final String source;

    Indicator(String id, String planNo, String group, String title, String description, Unit unit, @Nullable Target target,
              @Nullable String numeratorLabel, @Nullable String denominatorLabel, Level lowestLevel, boolean higherIsBetter,
              String source) {
        this.id = id;
        this.planNo = planNo;
        this.group = group;
        this.title = title;
        this.description = description;
        this.unit = unit;
        this.target = target;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
        this.lowestLevel = lowestLevel;
        this.higherIsBetter = higherIsBetter;
        this.source = source;
    }

    public static Optional<Indicator> byId(String id) {
        for (Indicator indicator : values()) {
            if (indicator.id.equals(id)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return id;
    }

    public String planNo() {
        return planNo;
    }

    public String group() {
        return group;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Unit unit() {
        return unit;
    }

    @Nullable
    public Target target() {
        return target;
    }

    @Nullable
    public String numeratorLabel() {
        return numeratorLabel;
    }

    @Nullable
    public String denominatorLabel() {
        return denominatorLabel;
    }

    /** Whether the indicator is measured for regions of this level (e.g. counselling rooms per county: not for townships). */
    public boolean appliesTo(Level level) {
        return level.ordinal() <= lowestLevel.ordinal();
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The data the indicator is computed from, named for people. */
    public String source() {
        return source;
    }
}
