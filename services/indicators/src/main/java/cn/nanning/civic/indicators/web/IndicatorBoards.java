package cn.nanning.civic.indicators.web;

import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.indicators.domain.Indicator;
import cn.nanning.civic.indicators.domain.Level;
import cn.nanning.civic.indicators.domain.RegionTree;
import cn.nanning.civic.indicators.domain.Status;
import cn.nanning.civic.indicators.refresh.Refresher;
import cn.nanning.civic.indicators.store.IndicatorStore;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the API's answers from the stored values and the division tree. */
@Singleton
class IndicatorBoards {

    static final int TREND_MONTHS = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final IndicatorStore store;
    private final Refresher refresher;

    IndicatorBoards(IndicatorStore store, Refresher refresher) {
        this.store = store;
        this.refresher = refresher;
    }

    /** The region of a well-formed, known code; a 400 problem otherwise. */
    RegionTree.Node region(String code) {
        if (!RegionCodes.isAreaCode(code)) {
            throw ProblemException.invalidField("region", "区划代码应为 6 位（市、县区）、9 位（乡镇街道）或 12 位（村社区）数字。");
        }
        return refresher.tree().find(code.strip())
                .orElseThrow(() -> ProblemException.invalidField("region", "没有找到该行政区划，请检查区划代码。"));
    }

    RegionTree.Node city() {
        RegionTree.Node root = refresher.tree().root();
        if (root == null) {
            throw ProblemException.unavailable("regions-missing", "行政区划数据尚未加载，请稍后再试。");
        }
        return root;
    }

    static Indicator indicator(String id) {
        return Indicator.byId(id).orElseThrow(() -> ProblemException.notFound("没有这项指标。"));
    }

    Views.Board board(RegionTree.Node region, boolean withChildren) {
        IndicatorStore.Run run = refresher.lastOrRefresh();
        Map<Indicator, IndicatorStore.Stored> values = store.ofRegion(region.code()).stream()
                .collect(Collectors.toMap(IndicatorStore.Stored::indicator, Function.identity()));
        List<Views.IndicatorValue> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            IndicatorStore.Stored s = values.get(indicator);
            indicators.add(s == null ? missing(indicator) : value(s));
        }
        RegionTree tree = refresher.tree();
        List<Views.RegionRef> path = tree.path(region.code()).stream().map(IndicatorBoards::ref).toList();
        List<Views.RegionRef> children = withChildren ? tree.children(region.code()).stream().map(IndicatorBoards::ref).toList() : List.of();
        return new Views.Board(ref(region), path, children, run.computedAt(), run.volunteersAsOf(), run.periodFrom(), run.periodTo(),
                "近12个月（" + DAY.format(run.periodFrom()) + "—" + DAY.format(run.periodTo()) + "）", indicators);
    }

    Views.Ranking ranking(Indicator indicator, RegionTree.Node region) {
        IndicatorStore.Run run = refresher.lastOrRefresh();
        List<RegionTree.Node> children = refresher.tree().children(region.code());
        Map<String, IndicatorStore.Stored> values = store.ofRegions(indicator, children.stream().map(RegionTree.Node::code).toList())
                .stream().collect(Collectors.toMap(IndicatorStore.Stored::regionCode, Function.identity()));
        Comparator<IndicatorStore.Stored> worstFirst = Comparator.comparing(IndicatorStore.Stored::value);
        if (!indicator.higherIsBetter()) {
            worstFirst = worstFirst.reversed();
        }
        List<RegionTree.Node> valued = new ArrayList<>();
        List<RegionTree.Node> without = new ArrayList<>();
        for (RegionTree.Node child : children) {
            IndicatorStore.Stored s = values.get(child.code());
            (s != null && s.value() != null ? valued : without).add(child);
        }
        Comparator<IndicatorStore.Stored> order = worstFirst.thenComparing(IndicatorStore.Stored::regionCode);
        valued.sort((a, b) -> order.compare(values.get(a.code()), values.get(b.code())));
        List<Views.RankedRegion> items = new ArrayList<>();
        int rank = 1;
        for (RegionTree.Node child : valued) {
            IndicatorStore.Stored s = values.get(child.code());
            items.add(new Views.RankedRegion(rank++, ref(child), s.value(), indicator.unit().format(s.value()), s.status().name(),
                    s.statusLabel(), s.numerator(), s.denominator()));
        }
        for (RegionTree.Node child : without) {
            IndicatorStore.Stored s = values.get(child.code());
            Status status = s == null ? Status.NO_DATA : s.status();
            String label = s == null ? status.label() : s.statusLabel();
            items.add(new Views.RankedRegion(null, ref(child), null, label, status.name(), label,
                    s == null ? null : s.numerator(), s == null ? null : s.denominator()));
        }
        String note = children.isEmpty() ? "村（社区）没有下级区划。"
                : valued.isEmpty() && !without.isEmpty() && values.values().stream().allMatch(s -> s.status() == Status.NOT_APPLICABLE)
                ? "该指标不在下级区划单独计算。" : null;
        return new Views.Ranking(info(indicator), ref(region), run.computedAt(), items, note);
    }

    Views.Trend trend(Indicator indicator, RegionTree.Node region) {
        IndicatorStore.Run run = refresher.lastOrRefresh();
        YearMonth current = YearMonth.from(run.periodTo());
        List<Views.TrendPoint> points = new ArrayList<>();
        for (IndicatorStore.MonthValue m : store.months(indicator, region.code(), TREND_MONTHS)) {
            if (!m.month().equals(current)) {
                points.add(new Views.TrendPoint(m.month().toString(), m.value(), m.value() == null ? m.statusLabel() : indicator.unit().format(m.value()),
                        m.status().name(), m.statusLabel(), m.numerator(), m.denominator(), m.takenAt(), false));
            }
        }
        // The current month is the live value (its snapshot follows every refresh anyway).
        Views.IndicatorValue live = store.ofRegions(indicator, List.of(region.code())).stream().findFirst()
                .map(IndicatorBoards::value).orElse(missing(indicator));
        points.add(new Views.TrendPoint(current.toString(), live.value(), live.valueText(), live.status(), live.statusLabel(),
                live.numerator(), live.denominator(), run.computedAt(), true));
        String note = "按月保存的快照，自" + DateTimeFormatter.ofPattern("yyyy年M月").format(YearMonth.parse(points.get(0).month()))
                + "起（平台开始统计之前的月份不补录）；本月为最新数值。";
        return new Views.Trend(info(indicator), ref(region), points, note);
    }

    Views.Refreshed refresh() {
        IndicatorStore.Run run = refresher.refresh();
        return new Views.Refreshed(run.computedAt(), run.durationMillis());
    }

    static Views.RegionRef ref(RegionTree.Node node) {
        return new Views.RegionRef(node.code(), node.name(), node.level().code(), levelLabel(node.level()));
    }

    static String levelLabel(Level level) {
        return switch (level) {
            case CITY -> "市";
            case DISTRICT -> "县（市、区）";
            case TOWNSHIP -> "乡镇（街道）";
            case VILLAGE -> "村（社区）";
        };
    }

    static Views.IndicatorInfo info(Indicator i) {
        return new Views.IndicatorInfo(i.id(), i.planNo(), i.group(), i.title(), i.description(), i.unit().name(),
                i.target() == null ? null : i.target().value(), i.target() == null ? "—（规划未设目标值）" : i.target().text(),
                i.higherIsBetter(), i.source(), i.numeratorLabel(), i.denominatorLabel());
    }

    private static Views.IndicatorValue value(IndicatorStore.Stored s) {
        Indicator i = s.indicator();
        Views.IndicatorInfo info = info(i);
        return new Views.IndicatorValue(i.id(), i.planNo(), i.group(), i.title(), i.description(), i.unit().name(), s.value(),
                s.value() == null ? s.statusLabel() : i.unit().format(s.value()), info.target(), info.targetText(),
                s.status().name(), s.statusLabel(), s.numerator(), s.denominator(), i.numeratorLabel(), i.denominatorLabel(),
                i.higherIsBetter(), i.source(), s.details());
    }

    private static Views.IndicatorValue missing(Indicator i) {
        Views.IndicatorInfo info = info(i);
        return new Views.IndicatorValue(i.id(), i.planNo(), i.group(), i.title(), i.description(), i.unit().name(), null,
                Status.NO_DATA.label(), info.target(), info.targetText(), Status.NO_DATA.name(), Status.NO_DATA.label(), null, null,
                i.numeratorLabel(), i.denominatorLabel(), i.higherIsBetter(), i.source(), List.of());
    }
}
