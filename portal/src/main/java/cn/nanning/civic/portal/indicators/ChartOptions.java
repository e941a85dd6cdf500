package cn.nanning.civic.portal.indicators;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for the dashboard: child regions as bars against the target line, and a month-by-month line. */
@Singleton
class ChartOptions {

    private final JsonMapper json;

    ChartOptions(JsonMapper json) {
        this.json = json;
    }

    /** Bars of the ranked regions that have a value, where to act first on top, with the target as a dashed line. */
    String ranking(IndicatorsClient.Ranking ranking) {
        String unit = ranking.indicator().unit();
        String axis = Presentation.axisUnit(unit);
        List<String> names = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (IndicatorsClient.RankedRegion r : ranking.itemsOrEmpty()) {
            if (r.value() == null) {
                continue;
            }
            names.add(r.region().name());
            bars.add(Map.of("value", Presentation.chartValue(unit, r.value()),
                    "itemStyle", Map.of("color", Presentation.colour(r.status())),
                    "label", Map.of("show", true, "position", "right", "backgroundColor", "rgba(255,255,255,0.85)", "padding", 2,
                            "formatter", r.valueText() + "（" + Presentation.symbol(r.status()) + r.statusLabel() + "）")));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "bar");
        series.put("name", ranking.indicator().name());
        series.put("data", bars);
        series.put("barMaxWidth", 22);
        BigDecimal target = Presentation.chartValue(unit, ranking.indicator().target());
        if (target != null) {
            series.put("markLine", Map.of("symbol", "none", "silent", true,
                    "lineStyle", Map.of("type", "dashed", "color", "#37474f", "width", 2),
                    "label", Map.of("formatter", "目标 " + ranking.indicator().targetText(), "position", "start"),
                    "data", List.of(Map.of("xAxis", target))));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        // ECharts' own aria description would replace the summary on the element (and reads bar items poorly): off.
        option.put("aria", Map.of("enabled", false));
        option.put("grid", Map.of("left", 16, "right", 150, "top", 36, "bottom", 24, "containLabel", true));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        Map<String, Object> xAxis = new LinkedHashMap<>();
        xAxis.put("type", "value");
        xAxis.put("axisLabel", Map.of("formatter", "{value}" + ("次".equals(axis) ? "" : axis)));
        xAxis.put("min", 0);
        xAxis.put("max", top(unit, bars.stream().map(b -> (BigDecimal) ((Map<?, ?>) b).get("value")).toList(), target));
        option.put("xAxis", xAxis);
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", names, "axisLabel", Map.of("width", 160, "overflow", "truncate")));
        option.put("series", List.of(series));
        return write(option);
    }

    /**
     * The axis end: room above the largest value and the target (shares never beyond 100%), so a low target such as
     * 20% or 1‰ is not squeezed against the axis.
     */
    static double top(String unit, List<BigDecimal> values, BigDecimal target) {
        double top = target == null ? 0 : target.doubleValue();
        for (BigDecimal v : values) {
            if (v != null) {
                top = Math.max(top, v.doubleValue());
            }
        }
        if (top <= 0) {
            return "PERCENT".equals(unit) ? 100 : 1;
        }
        double step = top > 50 ? 10 : top > 5 ? 5 : top > 1 ? 0.5 : 0.1;
        double rounded = Math.ceil(top * 1.1 / step) * step;
        return "PERCENT".equals(unit) ? Math.min(100, rounded) : rounded;
    }

    /** Bars need this much room: one line per region. */
    static int rankingHeight(IndicatorsClient.Ranking ranking) {
        long bars = ranking.itemsOrEmpty().stream().filter(r -> r.value() != null).count();
        return (int) Math.max(160, 60 + 26 * bars);
    }

    /** The monthly values as a line, the target as a dashed line. */
    String trend(IndicatorsClient.Trend trend) {
        String unit = trend.indicator().unit();
        List<String> months = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (IndicatorsClient.TrendPoint p : trend.pointsOrEmpty()) {
            months.add(p.month().replace('-', '.') + (p.current() ? "（本月）" : ""));
            values.add(p.value() == null ? "-" : Map.of("value", Presentation.chartValue(unit, p.value()),
                    "label", Map.of("show", true, "formatter", p.valueText()),
                    "itemStyle", Map.of("color", Presentation.colour(p.status()))));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "line");
        series.put("name", trend.indicator().name());
        series.put("data", values);
        series.put("symbolSize", 9);
        series.put("connectNulls", false);
        BigDecimal target = Presentation.chartValue(unit, trend.indicator().target());
        if (target != null) {
            series.put("markLine", Map.of("symbol", "none", "silent", true,
                    "lineStyle", Map.of("type", "dashed", "color", "#37474f", "width", 2),
                    "label", Map.of("formatter", "目标 " + trend.indicator().targetText(), "position", "insideEndTop"),
                    "data", List.of(Map.of("yAxis", target))));
        }
        Map<String, Object> yAxis = new LinkedHashMap<>();
        yAxis.put("type", "value");
        yAxis.put("name", Presentation.axisUnit(unit));
        yAxis.put("min", 0);
        yAxis.put("max", top(unit, trend.pointsOrEmpty().stream().map(p -> Presentation.chartValue(unit, p.value())).toList(), target));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        // ECharts' own aria description would replace the summary on the element (and reads bar items poorly): off.
        option.put("aria", Map.of("enabled", false));
        option.put("grid", Map.of("left", 16, "right", 60, "top", 36, "bottom", 24, "containLabel", true));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", months, "boundaryGap", months.size() < 2));
        option.put("yAxis", yAxis);
        option.put("series", List.of(series));
        return write(option);
    }

    private String write(Object option) {
        try {
            return json.writeValueAsString(option);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
