package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Locale;

/**
 * The supervisor's view of an area (township, district or city): how many villages can proxy (the plan's 90% indicator),
 * requests by status, speed, punctuality and satisfaction, and the requests past their forwarding day.
 */
@Prototype
@Route(value = "proxy/overview", layout = MainLayout.class)
@PageTitle("代办督办 | " + PortalShell.PRODUCT)
@Menu(title = "代办统计与督办", order = 21, icon = "vaadin:chart")
@RequiresRole({Role.CLERK, Role.ADMIN, Role.AUDITOR})
public final class ProxyOverviewView extends VerticalLayout implements BeforeEnterObserver {

    /** The plan's goal: over 90% of villages/communities can handle or proxy government services. */
    static final double COVERAGE_GOAL = 0.9;

    private final ProxyClient proxy;
    private final RegionDirectory regions;
    private final SignIn signIn;
    private final RegionPicker region;
    private final Outcome message = new Outcome("overview-message");
    private final Div figures = new Div();
    private final Grid<ProxyRequestSummary> overdue = Grids.saying("没有逾期的代办请求。", new Grid<>(ProxyRequestSummary.class, false));

    ProxyOverviewView(ProxyClient proxy, SignIn signIn, RegionDirectory regions) {
        this.proxy = proxy;
        this.signIn = signIn;
        this.regions = regions;
        this.region = new RegionPicker(regions, "查询区域", RegionPicker.Depth.ANY);
        setId("proxy-overview");
        region.setId("overview-region");
        Button show = Actions.button("查询", "overview-show", message, () -> {
            showStatistics();
            return null;
        });
        HorizontalLayout query = Actions.row(region, show, message);
        figures.setId("overview-figures");
        overdue.setId("overview-overdue");
        overdue.addColumn(r -> r.receiptNo() != null ? r.receiptNo() : "").setHeader("回执编号").setAutoWidth(true);
        overdue.addColumn(ProxyRequestSummary::itemName).setHeader("服务事项").setFlexGrow(1);
        overdue.addColumn(ProxyRequestSummary::residentName).setHeader("委托人").setAutoWidth(true);
        overdue.addColumn(r -> Times.day(r.forwardDue())).setHeader("转办期限").setAutoWidth(true);
        overdue.setAllRowsVisible(true);
        add(new H2("代办统计与督办"), query, figures, new H3("逾期未转办"), overdue);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        region.startAtOwnArea();
        showStatistics();
        showOverdue();
    }

    private void showStatistics() {
        figures.removeAll();
        message.clear();
        try {
            ProxyClient.AreaStatistics s = signIn.withToken(token -> proxy.statistics(region.chosen(), token));
            figures.add(figure("stat-area", "区域", regions.fullName(s.regionCode())),
                    figure("stat-villages", "村（社区）", String.valueOf(s.villages())),
                    figure("stat-able", "可代办的村（社区）", String.valueOf(s.villagesAbleToProxy())),
                    figure("stat-coverage", "代办覆盖率", percent(s.proxyCoverage())
                            + (s.proxyCoverage() >= COVERAGE_GOAL ? "（已达 90% 目标）" : "（未达 90% 目标）")),
                    figure("stat-points", "在用服务点", String.valueOf(s.activePoints())),
                    figure("stat-median", "受理到送达中位时长", s.medianHoursToDelivery() == null ? "暂无"
                            : String.format(Locale.ROOT, "%.1f 小时", s.medianHoursToDelivery())),
                    figure("stat-ontime", "按时转办率", s.onTimeForwardingShare() == null ? "暂无" : percent(s.onTimeForwardingShare())),
                    figure("stat-satisfaction", "回访满意度", s.averageSatisfaction() == null ? "暂无"
                            : String.format(Locale.ROOT, "%.1f / 5", s.averageSatisfaction())));
            s.requestsByStatus().forEach((status, count) ->
                    figures.add(figure("stat-status-" + status, "状态：" + statusLabel(status), String.valueOf(count))));
        } catch (GatewayException e) {
            message.failed(e.getMessage());
        }
    }

    private void showOverdue() {
        boolean supervises = StaffSession.current().map(s -> s.hasAnyRole(List.of(Role.CLERK, Role.ADMIN))).orElse(false);
        overdue.setVisible(supervises);
        if (!supervises) {
            return;
        }
        try {
            List<ProxyRequestSummary> late = signIn.withToken(proxy::overdue);
            overdue.setItems(late);
        } catch (GatewayException e) {
            overdue.setItems(List.of());
            message.failed(e.getMessage());
        }
    }

    private static Div figure(String id, String label, String value) {
        Span name = new Span(label + "：");
        Span number = new Span(value);
        number.setId(id);
        Div line = new Div(name, number);
        line.getStyle().set("padding", "0.2em 0");
        return line;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "AUTHORISED" -> "已委托";
            case "ACCEPTED" -> "已受理";
            case "FORWARDED" -> "办理中";
            case "DELIVERED" -> "已送达";
            case "ARCHIVED" -> "已归档";
            case "FOLLOWED_UP" -> "已回访";
            case "WITHDRAWN" -> "已撤回";
            default -> "其他";
        };
    }
}
