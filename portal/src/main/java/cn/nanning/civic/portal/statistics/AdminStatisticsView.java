package cn.nanning.civic.portal.statistics;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.Region;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Grids;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Times;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * 议事与预约统计, for administrators: an area's 老友议事会 figures (councils, active coverage, topics, resolutions) and
 * its appointments (legal consultations and psychology by status, legal-aid applications, overdue decisions), then
 * the same per division below it, by name. Counts only; no person is named.
 */
@Prototype
@Route(value = "statistics", layout = MainLayout.class)
@PageTitle("议事与预约统计 | " + PortalShell.PRODUCT)
@Menu(title = "议事与预约统计", order = 46, icon = "vaadin:bar-chart")
@RequiresRole({Role.ADMIN})
public final class AdminStatisticsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<Integer, String> PERIODS = Map.of(7, "近 7 天", 30, "近 30 天", 90, "近 90 天", 365, "近一年");

    /** One figure and its name. */
    record Line(String label, String value) {
    }

    /** A division below the chosen one, with its main figures. */
    record ChildRow(String name, StatisticsClient.CouncilFigures council, StatisticsClient.AppointmentFigures appointments) {
    }

    private final StatisticsClient statistics;
    private final RegionDirectory regions;
    private final SignIn signIn;
    private final RegionPicker region;
    private final Select<Integer> period = new Select<>();
    private final Outcome outcome = new Outcome("statistics-outcome");
    private final H3 title = new H3();
    private final Grid<Line> council = lines("council-figures", "暂无议事会统计。");
    private final Grid<StatisticsClient.ServiceFigures> bookings =
            Grids.saying("这段时间没有预约。", new Grid<>());
    private final Grid<Line> legalAid = lines("legal-aid-figures", "这段时间没有法律援助申请。");
    private final Grid<ChildRow> children = Grids.saying("所选区划没有下级区划。", new Grid<>());

    AdminStatisticsView(StatisticsClient statistics, RegionDirectory regions, SignIn signIn) {
        this.statistics = statistics;
        this.regions = regions;
        this.signIn = signIn;
        setId("admin-statistics");
        region = new RegionPicker(regions, "统计区域", RegionPicker.Depth.ANY);
        region.setId("statistics-region");
        period.setId("statistics-days");
        period.setLabel("统计期间");
        period.setItems(7, 30, 90, 365);
        period.setItemLabelGenerator(PERIODS::get);
        period.setValue(30);
        Button show = Actions.primary("查看", "statistics-show", outcome, this::show);
        title.setId("statistics-title");

        bookings.setId("booking-figures");
        bookings.addColumn(StatisticsClient.ServiceFigures::serviceLabel).setHeader("服务").setAutoWidth(true).setFlexGrow(0);
        number(bookings, "合计", StatisticsClient.ServiceFigures::total);
        number(bookings, "已预约（待到场）", StatisticsClient.ServiceFigures::confirmed);
        number(bookings, "已到场", StatisticsClient.ServiceFigures::attended);
        number(bookings, "爽约", StatisticsClient.ServiceFigures::noShow);
        number(bookings, "已取消", StatisticsClient.ServiceFigures::cancelled);
        bookings.setAllRowsVisible(true);
        bookings.addThemeVariants(GridVariant.LUMO_COMPACT);

        children.setId("statistics-children");
        children.addColumn(ChildRow::name).setHeader("区划").setAutoWidth(true).setFlexGrow(1);
        number(children, "议事会", r -> r.council().councils());
        children.addColumn(r -> percent(r.council().activeShare())).setHeader("活跃覆盖率").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        number(children, "议题", r -> r.council().topics());
        number(children, "决议", r -> r.council().decisions());
        number(children, "法律咨询预约", r -> r.appointments().service("LEGAL_CONSULTATION").total());
        number(children, "心理咨询预约", r -> r.appointments().service("PSYCHOLOGY").total());
        number(children, "法律援助申请", r -> r.appointments().legalAid().submitted());
        number(children, "超期未决", r -> r.appointments().legalAid().overdueNow());
        children.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        children.setAllRowsVisible(true);

        add(new H2("议事与预约统计"),
                new Paragraph("本辖区老友议事会和预约服务的数量，可选下级区划查看。只统计数量，不含个人信息。"),
                Actions.row(region, period, show, outcome), title,
                new H3("老友议事会"), council,
                new H3("法律咨询与心理咨询预约（按预约时间）"), bookings,
                new H3("法律援助申请（按提交日期）"), legalAid,
                new H3("下级区划"), children);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        region.startAtOwnArea();
        outcome.run(this::show);
    }

    private String show() {
        String code = region.chosen();
        int days = period.getValue() == null ? 30 : period.getValue();
        StatisticsClient.CouncilFigures councilFigures;
        StatisticsClient.AppointmentFigures appointmentFigures;
        try {
            councilFigures = signIn.withToken(token -> statistics.council(code, token));
            appointmentFigures = signIn.withToken(token -> statistics.appointments(code, days, token));
        } catch (GatewayException e) {
            clear();
            throw e;
        }
        title.setText(regions.fullName(code) + "（" + Times.day(appointmentFigures.from()) + " 至 "
                + Times.day(appointmentFigures.to()) + "）");
        council.setItems(List.of(
                new Line("村（社区）", count(councilFigures.villages())),
                new Line("已建议事会", count(councilFigures.councils())),
                new Line("活跃议事会（有在任代表，近 12 个月有议题或议事）", count(councilFigures.activeCouncils())),
                new Line("活跃覆盖率（活跃议事会 ÷ 村（社区））", percent(councilFigures.activeShare())),
                new Line("议题（累计）", count(councilFigures.topics())),
                new Line("待办议题", count(councilFigures.openTopics())),
                new Line("决议（累计）", count(councilFigures.decisions())),
                new Line("已公开决议", count(councilFigures.publishedResolutions())),
                new Line("已落实决议", count(councilFigures.implementedResolutions()))));
        bookings.setItems(appointmentFigures.services());
        List<Line> aid = new ArrayList<>();
        aid.add(new Line("提交的申请", count(appointmentFigures.legalAid().submitted())));
        appointmentFigures.legalAid().byStatus().forEach(s -> aid.add(new Line("其中：" + s.statusLabel(), count(s.count()))));
        aid.add(new Line("目前已过决定期限仍在审查（不限提交日期）", count(appointmentFigures.legalAid().overdueNow())));
        appointmentFigures.places().forEach(p -> aid.add(new Line("在用的" + p.kindLabel(), count(p.count()))));
        aid.add(new Line("在岗服务人员（律师、法律援助工作人员、心理咨询师）", count(appointmentFigures.providers())));
        legalAid.setItems(aid);
        List<ChildRow> rows = new ArrayList<>();
        List<Region> below = code.length() >= 12 ? List.of() : regions.children(code);
        for (Region child : below) {
            rows.add(signIn.withToken(token -> new ChildRow(child.name(), statistics.council(child.code(), token),
                    statistics.appointments(child.code(), days, token))));
        }
        children.setItems(rows);
        return null;
    }

    private void clear() {
        title.setText("");
        council.setItems(List.of());
        bookings.setItems(List.of());
        legalAid.setItems(List.of());
        children.setItems(List.of());
    }

    private static Grid<Line> lines(String id, String whenEmpty) {
        Grid<Line> grid = Grids.saying(whenEmpty, new Grid<>());
        grid.setId(id);
        grid.addColumn(Line::label).setHeader("项目").setFlexGrow(1);
        grid.addColumn(Line::value).setHeader("数量").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setMaxWidth("44em");
        return grid;
    }

    private static <T> void number(Grid<T> grid, String header, ToLongFunction<T> value) {
        grid.addColumn(row -> count(value.applyAsLong(row))).setHeader(header).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }

    private static String count(long value) {
        return Long.toString(value);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
