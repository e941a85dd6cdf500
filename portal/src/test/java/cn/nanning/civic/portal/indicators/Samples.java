package cn.nanning.civic.portal.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dashboard answers as the gateway gives them, for export tests: a district with two townships, and a bare village. */
final class Samples {

    static final IndicatorsClient.RegionRef CITY = new IndicatorsClient.RegionRef("450100", "南宁市", "city", "市");
    static final IndicatorsClient.RegionRef DISTRICT = new IndicatorsClient.RegionRef("450103", "青秀区", "district", "县（市、区）");
    static final IndicatorsClient.RegionRef T1 = new IndicatorsClient.RegionRef("450103001", "新竹街道", "township", "乡镇（街道）");
    static final IndicatorsClient.RegionRef T2 = new IndicatorsClient.RegionRef("450103002", "中山街道", "township", "乡镇（街道）");
    static final IndicatorsClient.RegionRef VILLAGE = new IndicatorsClient.RegionRef("450103001001", "新竹社区", "village", "村（社区）");

    private Samples() {
    }

    static IndicatorsClient.IndicatorValue proxy(String value, String text, String status, String label) {
        return new IndicatorsClient.IndicatorValue("proxy-coverage", "10", "政务服务", "村（社区）政务服务办理或代办覆盖率", "说明", "PERCENT",
                value == null ? null : new BigDecimal(value), text, new BigDecimal("0.9"), "≥ 90%", status, label, 9L, 10L,
                "可办理或代办的村（社区）", "村（社区）总数", true, "代办", List.of());
    }

    static IndicatorsClient.IndicatorValue volunteers() {
        return new IndicatorsClient.IndicatorValue("volunteer-share", "7", "志愿服务", "实名注册志愿者占常住人口比例", "说明", "PERCENT",
                null, "人口数据未接入", new BigDecimal("0.2"), "20%", "NO_DATA", "人口数据未接入", 1234L, null, "实名注册志愿者", "常住人口",
                true, "志愿服务、常住人口", List.of(new IndicatorsClient.Detail("常住人口", "未接入")));
    }

    static IndicatorsClient.IndicatorValue patrol() {
        return new IndicatorsClient.IndicatorValue("patrol-members", "9", "志愿服务", "群防群治巡防队员占常住人口比例", "说明", "PERMILLE",
                new BigDecimal("0.0012"), "1.20‰", new BigDecimal("0.001"), "≥ 1‰", "MET", "达标", 12L, 10000L, "巡防队员", "常住人口",
                true, "志愿服务", List.of());
    }

    static ReportData district() {
        IndicatorsClient.Board board = new IndicatorsClient.Board(DISTRICT, List.of(CITY, DISTRICT), List.of(T1, T2), Instant.parse("2025-06-02T01:00:00Z"),
                null, LocalDate.parse("2024-06-03"), LocalDate.parse("2025-06-02"), "近12个月（2024年6月3日—2025年6月2日）",
                List.of(proxy("0.9", "90.0%", "MET", "达标"), volunteers(), patrol()));
        Map<String, IndicatorsClient.Ranking> rankings = new LinkedHashMap<>();
        IndicatorsClient.IndicatorInfo proxyInfo = new IndicatorsClient.IndicatorInfo("proxy-coverage", "10", "政务服务",
                "村（社区）政务服务办理或代办覆盖率", "说明", "PERCENT", new BigDecimal("0.9"), "≥ 90%", true, "代办", null, null);
        rankings.put("proxy-coverage", new IndicatorsClient.Ranking(proxyInfo, DISTRICT, Instant.now(), List.of(
                new IndicatorsClient.RankedRegion(1, T2, new BigDecimal("0.5"), "50.0%", "BEHIND", "落后", 5L, 10L),
                new IndicatorsClient.RankedRegion(2, T1, new BigDecimal("1"), "100.0%", "MET", "达标", 10L, 10L)), null));
        Map<String, IndicatorsClient.Trend> trends = new LinkedHashMap<>();
        trends.put("proxy-coverage", new IndicatorsClient.Trend(proxyInfo, DISTRICT, List.of(
                new IndicatorsClient.TrendPoint("2025-05", new BigDecimal("0.8"), "80.0%", "BEHIND", "落后", 8L, 10L, Instant.now(), false),
                new IndicatorsClient.TrendPoint("2025-06", new BigDecimal("0.9"), "90.0%", "MET", "达标", 9L, 10L, Instant.now(), true)), "说明"));
        return new ReportData(board, rankings, trends);
    }

    static ReportData bareVillage() {
        IndicatorsClient.Board board = new IndicatorsClient.Board(VILLAGE, null, null, null, null, null, null, null, null);
        return new ReportData(board, Map.of(), Map.of());
    }
}
