package cn.nanning.civic.portal.indicators;

import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.function.Consumer;

/**
 * The chosen indicator's ranking of the child regions (bars against the target line) and its monthly trend (a line),
 * each with the same figures as a table for screen readers and for reading exact values.
 */
final class IndicatorCharts extends VerticalLayout {

    private final ChartOptions options;
    private final H3 title = new H3();
    private final Paragraph description = new Paragraph();
    private final EChart rankingChart = new EChart("ranking-chart");
    private final Paragraph rankingNote = new Paragraph();
    private final Grid<IndicatorsClient.RankedRegion> rankingTable = Grids.saying("没有下级区划的数据。", new Grid<>());
    private final Details rankingDetails;
    private final EChart trendChart = new EChart("trend-chart");
    private final Paragraph trendNote = new Paragraph();
    private final Grid<IndicatorsClient.TrendPoint> trendTable = Grids.saying("还没有月度数据。", new Grid<>());
    private final Details trendDetails;

    IndicatorCharts(ChartOptions options, @Nullable Consumer<String> open) {
        this.options = options;
        setId("indicators-charts");
        setPadding(false);
        title.setId("indicators-selected");
        description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        rankingNote.setId("ranking-note");
        trendNote.setId("trend-note");

        rankingTable.setId("ranking-table");
        rankingTable.addColumn(r -> r.rank() == null ? "—" : String.valueOf(r.rank())).setHeader("关注顺序").setAutoWidth(true).setFlexGrow(0);
        rankingTable.addColumn(r -> r.region().name()).setHeader("区划").setFlexGrow(1);
        rankingTable.addColumn(IndicatorsClient.RankedRegion::valueText).setHeader("数值").setAutoWidth(true);
        rankingTable.addColumn(r -> Presentation.status(r.status(), r.statusLabel())).setHeader("状态").setAutoWidth(true);
        rankingTable.addColumn(r -> r.numerator() == null && r.denominator() == null ? ""
                : (r.numerator() == null ? "—" : r.numerator()) + " / " + (r.denominator() == null ? "—" : r.denominator()))
                .setHeader("分子 / 分母").setAutoWidth(true);
        if (open != null) {
            rankingTable.addComponentColumn(r -> {
                Button go = new Button("进入", click -> open.accept(r.region().code()));
                go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                go.setId("open-" + r.region().code());
                go.getElement().setAttribute("aria-label", "进入" + r.region().name());
                return go;
            }).setHeader("下钻").setAutoWidth(true).setFlexGrow(0);
        }
        rankingTable.setAllRowsVisible(true);
        rankingDetails = new Details("排名表格视图（与上图数据相同）", rankingTable);
        rankingDetails.setId("ranking-details");
        rankingDetails.setWidthFull();

        trendTable.setId("trend-table");
        trendTable.addColumn(p -> p.month() + (p.current() ? "（本月，最新）" : "")).setHeader("月份").setAutoWidth(true);
        trendTable.addColumn(IndicatorsClient.TrendPoint::valueText).setHeader("数值").setAutoWidth(true);
        trendTable.addColumn(p -> Presentation.status(p.status(), p.statusLabel())).setHeader("状态").setAutoWidth(true);
        trendTable.addColumn(p -> Presentation.time(p.takenAt())).setHeader("数据时间").setFlexGrow(1);
        trendTable.setAllRowsVisible(true);
        trendDetails = new Details("趋势表格视图（与上图数据相同）", trendTable);
        trendDetails.setId("trend-details");
        trendDetails.setWidthFull();

        add(title, description, new H4("下级区划排名：需优先关注的排在前面"), rankingNote, rankingChart, rankingDetails,
                new H4("月度趋势"), trendNote, trendChart, trendDetails);
    }

    void clear() {
        title.setText("");
        description.setText("");
        rankingChart.setVisible(false);
        trendChart.setVisible(false);
        rankingTable.setItems(List.of());
        trendTable.setItems(List.of());
        rankingNote.setText("暂无可显示的数据。");
        trendNote.setText("暂无可显示的数据。");
    }

    void show(IndicatorsClient.IndicatorValue indicator, IndicatorsClient.RegionRef region,
              @Nullable IndicatorsClient.Ranking ranking, @Nullable IndicatorsClient.Trend trend) {
        show(indicator, region, ranking, trend, "本区划没有下级区划，无排名。");
    }

    /** As above; {@code withoutRanking} says why there is no ranking when {@code ranking} is null. */
    void show(IndicatorsClient.IndicatorValue indicator, IndicatorsClient.RegionRef region,
              @Nullable IndicatorsClient.Ranking ranking, @Nullable IndicatorsClient.Trend trend, String withoutRanking) {
        title.setText(region.name() + "：" + indicator.name() + "（" + Presentation.plan(indicator.planNo()) + "）");
        description.setText((indicator.description() == null ? "" : indicator.description()) + "。目标：" + indicator.targetText()
                + (indicator.source() == null ? "" : "；数据来源：" + indicator.source()) + "。");

        List<IndicatorsClient.RankedRegion> items = ranking == null ? List.of() : ranking.itemsOrEmpty();
        rankingTable.setItems(items);
        rankingDetails.setVisible(!items.isEmpty());
        boolean bars = items.stream().anyMatch(r -> r.value() != null);
        if (ranking == null || items.isEmpty()) {
            rankingNote.setText(ranking != null && ranking.note() != null ? ranking.note() : withoutRanking);
            rankingChart.setVisible(false);
        } else if (!bars) {
            rankingNote.setText(ranking.note() != null ? ranking.note() : "下级区划暂无该指标的数值，见下表。");
            rankingChart.setVisible(false);
        } else {
            long without = items.size() - items.stream().filter(r -> r.value() != null).count();
            rankingNote.setText("共 " + items.size() + " 个下级区划，按需优先关注的顺序排列；虚线为目标值"
                    + (without > 0 ? "；另有 " + without + " 个暂无数值，列在表格末尾" : "") + "。");
            rankingChart.show(options.ranking(ranking), indicator.name() + "下级区划排名条形图：" + summary(items), ChartOptions.rankingHeight(ranking));
        }

        List<IndicatorsClient.TrendPoint> points = trend == null ? List.of() : trend.pointsOrEmpty();
        trendTable.setItems(points);
        if (points.isEmpty()) {
            trendNote.setText("暂无月度数据。");
            trendChart.setVisible(false);
        } else {
            trendNote.setText(trend.note() == null ? "" : trend.note());
            trendChart.show(options.trend(trend), indicator.name() + "月度趋势折线图：" + points.stream()
                    .map(p -> p.month() + " " + p.valueText()).reduce((a, b) -> a + "，" + b).orElse(""), 300);
        }
    }

    private static String summary(List<IndicatorsClient.RankedRegion> items) {
        StringBuilder text = new StringBuilder();
        items.stream().filter(r -> r.value() != null).limit(5).forEach(r ->
                text.append(text.isEmpty() ? "" : "，").append(r.region().name()).append(" ").append(r.valueText()));
        return text + (items.size() > 5 ? "等，完整数据见表格视图" : "");
    }
}
