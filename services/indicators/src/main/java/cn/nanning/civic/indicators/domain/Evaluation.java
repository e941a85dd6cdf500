package cn.nanning.civic.indicators.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Computes each indicator for a region from its figures. Pure: no storage, no clock. */
public final class Evaluation {

    static final String POPULATION_MISSING = "人口数据未接入";

    private Evaluation() {
    }

    public static List<Measurement> all(RegionTree.Node region, AreaFigures f) {
        List<Measurement> list = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            list.add(measure(indicator, region, f));
        }
        return list;
    }

    public static Measurement measure(Indicator indicator, RegionTree.Node region, AreaFigures f) {
        String code = region.code();
        if (!indicator.appliesTo(region.level())) {
            return new Measurement(indicator, code, null, null, null, Status.NOT_APPLICABLE, Status.NOT_APPLICABLE.label(),
                    List.of(new Measurement.Detail("说明", notApplicable(indicator))));
        }
        return switch (indicator) {
            case COUNCIL_COVERAGE -> share(indicator, code, f.get(Counter.VILLAGES_WITH_COUNCIL), f.get(Counter.VILLAGES),
                    "本区域没有村（社区）", List.of());
            case FOUR_TWO_OPEN -> share(indicator, code, f.get(Counter.VILLAGES_WITH_COMPLETED_DECISION), f.get(Counter.VILLAGES),
                    "本区域没有村（社区）", List.of());
            case VOLUNTEER_SHARE -> perPopulation(indicator, code, f.get(Counter.REGISTERED_VOLUNTEERS), f.population());
            case TOWNSHIP_STATIONS -> share(indicator, code, f.get(Counter.TOWNSHIPS_QUALIFIED), f.get(Counter.TOWNSHIPS),
                    "本区域没有乡镇（街道）", List.of(
                            new Measurement.Detail("志愿服务站", f.get(Counter.STATIONS) + " 个"),
                            new Measurement.Detail("建有服务站的乡镇（街道）", f.get(Counter.TOWNSHIPS_WITH_STATION) + " 个"),
                            new Measurement.Detail("平安建设志愿服务队", f.get(Counter.PING_AN_TEAMS) + " 支")));
            case PATROL_MEMBERS -> perPopulation(indicator, code, f.get(Counter.PATROL_MEMBERS), f.population());
            case PROXY_COVERAGE -> share(indicator, code, f.get(Counter.VILLAGES_ABLE_TO_PROXY), f.get(Counter.VILLAGES),
                    "本区域没有村（社区）", List.of());
            case LEGAL_SERVICE_COVERAGE -> legalCoverage(indicator, code, f);
            case LEGAL_CONSULTATIONS -> count(indicator, code, f.get(Counter.CONSULTATIONS_HELD));
            case LEGAL_AID_ON_TIME -> share(indicator, code, f.get(Counter.LEGAL_AID_ON_TIME), f.get(Counter.LEGAL_AID_DUE),
                    "近12个月没有应作决定的法律援助申请", List.of());
            case COUNSELLING_ROOMS -> share(indicator, code, f.get(Counter.COUNTIES_WITH_ROOM), f.get(Counter.DISTRICTS),
                    "本区域没有县（市、区）", List.of(
                            new Measurement.Detail("心理咨询室", f.get(Counter.COUNSELLING_ROOMS) + " 个"),
                            new Measurement.Detail("超过 2 个咨询室的县（市、区）", f.get(Counter.COUNTIES_OVER_TWO_ROOMS) + " 个")));
            case PSYCHOLOGY_SESSIONS -> count(indicator, code, f.get(Counter.PSYCHOLOGY_SESSIONS_HELD));
            case URGENT_SCREENINGS -> share(indicator, code, f.get(Counter.URGENT_ANSWERED), f.get(Counter.URGENT_DUE),
                    "近12个月没有到期的紧急预约", List.of());
            case PROXY_ON_TIME -> share(indicator, code, f.get(Counter.FORWARDED_ON_TIME), f.get(Counter.FORWARDS_DUE),
                    "近12个月没有到期的代办件", List.of());
            case PROXY_DELIVERY_DAYS -> deliveryDays(indicator, code, f);
            case PROXY_SATISFACTION -> satisfaction(indicator, code, f);
        };
    }

    private static String notApplicable(Indicator indicator) {
        return switch (indicator) {
            case TOWNSHIP_STATIONS, PATROL_MEMBERS -> "服务站和队伍设在乡镇（街道），村（社区）不单独计算";
            case COUNSELLING_ROOMS -> "心理咨询室按县（市、区）配置，乡镇及以下不单独计算";
            default -> "本级不计算该指标";
        };
    }

    /** part / whole against the indicator's target (or monitored when it has none). */
    static Measurement share(Indicator indicator, String code, long part, long whole, String whenEmpty, List<Measurement.Detail> details) {
        if (whole <= 0) {
            List<Measurement.Detail> lines = new ArrayList<>(details);
            lines.add(0, new Measurement.Detail("说明", whenEmpty));
            return new Measurement(indicator, code, null, part, whole, Status.NO_DATA, Status.NO_DATA.label(), lines);
        }
        BigDecimal value = BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP);
        Status status = indicator.target() == null ? Status.MONITORED : indicator.target().judge(part, whole);
        return new Measurement(indicator, code, value, part, whole, status, status.label(), details);
    }

    private static Measurement perPopulation(Indicator indicator, String code, long people, Population population) {
        if (population == null) {
            return new Measurement(indicator, code, null, people, null, Status.NO_DATA, POPULATION_MISSING, List.of(
                    new Measurement.Detail("常住人口", "未接入：需由管理员导入统计部门公布的常住人口数据后计算，系统不估算人口")));
        }
        String source = (population.year() != null ? population.year() + " 年" : "")
                + (population.source() != null ? (population.year() != null ? "，" : "") + population.source() : "");
        return share(indicator, code, people, population.people(), "", List.of(
                new Measurement.Detail("常住人口来源", source.isEmpty() ? "管理员导入" : source)));
    }

    private static Measurement count(Indicator indicator, String code, long count) {
        return new Measurement(indicator, code, BigDecimal.valueOf(count), count, null, Status.MONITORED, Status.MONITORED.label(), List.of());
    }

    private static Measurement legalCoverage(Indicator indicator, String code, AreaFigures f) {
        long covered = 0;
        long units = 0;
        List<Measurement.Detail> lines = new ArrayList<>();
        for (Level level : Level.values()) {
            long n = f.units(level);
            if (n > 0) {
                covered += f.unitsWithLegalPlace(level);
                units += n;
                lines.add(new Measurement.Detail(level.label(), f.unitsWithLegalPlace(level) + " / " + n));
            }
        }
        return share(indicator, code, covered, units, "本区域没有区划", lines);
    }

    private static Measurement deliveryDays(Indicator indicator, String code, AreaFigures f) {
        BigDecimal median = f.medianDeliveryDays();
        long delivered = f.get(Counter.DELIVERED);
        if (median == null) {
            return new Measurement(indicator, code, null, null, delivered, Status.NO_DATA, Status.NO_DATA.label(),
                    List.of(new Measurement.Detail("说明", "近12个月没有送达的代办件")));
        }
        return new Measurement(indicator, code, median, null, delivered, Status.MONITORED, Status.MONITORED.label(),
                List.of(new Measurement.Detail("近12个月送达", delivered + " 件")));
    }

    private static Measurement satisfaction(Indicator indicator, String code, AreaFigures f) {
        long followUps = f.get(Counter.FOLLOW_UPS);
        List<Measurement.Detail> lines = followUps == 0 ? List.of() : List.of(new Measurement.Detail("平均评分",
                BigDecimal.valueOf(f.get(Counter.SATISFACTION_SUM)).divide(BigDecimal.valueOf(followUps), new MathContext(6))
                        .setScale(2, RoundingMode.HALF_UP).toPlainString() + " / 5"));
        return share(indicator, code, f.get(Counter.SATISFIED), followUps, "近12个月没有回访评价", lines);
    }
}
