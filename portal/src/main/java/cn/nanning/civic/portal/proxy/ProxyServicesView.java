package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.FormRow;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.List;

/**
 * The clerk's workbench for proxy services (代办服务): open requests of their point (a supervisor sees the whole
 * township), overdue first, with search; a request's checklist, timeline and next step; registration at the counter.
 */
@Prototype
@Route(value = "proxy", layout = MainLayout.class)
@PageTitle("代办服务 | " + PortalShell.PRODUCT)
@Menu(title = "代办服务", order = 20, icon = "vaadin:clipboard-check")
@RequiresRole({Role.CLERK, Role.ADMIN})
public final class ProxyServicesView extends VerticalLayout implements BeforeEnterObserver {

    private final GatewayClient gateway;
    private final SignIn signIn;
    private final Select<String> statusFilter = new Select<>();
    private final TextField search = new TextField("查找");
    private List<ProxyRequestSummary> open = List.of();
    private final Outcome message = new Outcome("proxy-message");
    private final Grid<ProxyRequestSummary> grid = Grids.saying("没有符合条件的代办请求。", new Grid<>(ProxyRequestSummary.class, false));
    /** Requests done with (followed up or withdrawn): off the queue, still there to look up. */
    private final Grid<ProxyRequestSummary> closed = Grids.saying("还没有已办结的代办。", new Grid<>(ProxyRequestSummary.class, false));
    private final ProxyRequestPanel detail;
    private final ProxyRegistrationForm registration;
    private boolean reselecting;

    ProxyServicesView(GatewayClient gateway, ProxyClient proxy, ReceiptSlip receipts, SignIn signIn) {
        this.gateway = gateway;
        this.signIn = signIn;
        this.detail = new ProxyRequestPanel(gateway, proxy, receipts, signIn, id -> reload());
        this.registration = new ProxyRegistrationForm(gateway, proxy, signIn, created -> {
            reload();
            select(created.id());
        });
        setId("proxy-workbench");
        grid.setId("proxy-grid");
        grid.addColumn(r -> r.receiptNo() != null ? r.receiptNo() : "（待受理）").setHeader("回执编号").setAutoWidth(true);
        grid.addColumn(ProxyRequestSummary::itemName).setHeader("服务事项").setFlexGrow(1);
        grid.addColumn(r -> r.residentName() + " " + r.residentPhone()).setHeader("委托人").setAutoWidth(true);
        grid.addColumn(ProxyRequestSummary::statusLabel).setHeader("状态").setAutoWidth(true);
        grid.addColumn(r -> Times.day(r.forwardDue())).setHeader("转办期限").setAutoWidth(true);
        grid.addColumn(r -> r.overdue() ? "⚠ 已逾期" : "").setHeader("提醒").setAutoWidth(true);
        grid.setPartNameGenerator(r -> r.overdue() ? "overdue" : null);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (!reselecting) {
                detail.show(change.getValue());
            }
        });
        closed.setId("proxy-closed");
        closed.addColumn(r -> r.receiptNo() != null ? r.receiptNo() : "（未受理）").setHeader("回执编号").setAutoWidth(true);
        closed.addColumn(ProxyRequestSummary::itemName).setHeader("服务事项").setFlexGrow(1);
        closed.addColumn(ProxyRequestSummary::residentName).setHeader("委托人").setAutoWidth(true);
        closed.addColumn(ProxyRequestSummary::statusLabel).setHeader("结果").setAutoWidth(true);
        closed.addColumn(r -> r.satisfaction() == null ? "" : r.satisfaction() + " 分").setHeader("满意度").setAutoWidth(true);
        closed.setAllRowsVisible(true);
        closed.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                grid.deselectAll();
                detail.show(change.getValue());
            }
        });
        statusFilter.setId("proxy-status-filter");
        statusFilter.setLabel("状态");
        statusFilter.setItems("", "AUTHORISED", "ACCEPTED", "FORWARDED", "DELIVERED", "ARCHIVED");
        statusFilter.setItemLabelGenerator(status -> status.isEmpty() ? "全部" : ProxyOverviewView.statusLabel(status));
        statusFilter.setValue("");
        statusFilter.addValueChangeListener(change -> showQueue());
        search.setId("proxy-search");
        search.setPlaceholder("回执编号、事项或委托人");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> showQueue());
        add(new H2("代办服务工作台"), new Paragraph("按逾期优先、转办期限先后排列；选择一行查看材料清单与办理过程。"),
                FormRow.of(statusFilter, search), message, grid, detail, registration,
                new H3("已办结的代办"), new Paragraph("已回访或已撤回的申请（最近 50 件），选择一行可查看办理过程。"), closed);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
        registration.load();
    }

    private void showQueue() {
        String wanted = statusFilter.getValue();
        String text = search.getValue().strip();
        reselecting = true;
        try {
            // A new list drops the selection; the request open in the panel stays open.
            grid.setItems(open.stream()
                    .filter(r -> wanted == null || wanted.isEmpty() || r.status().equals(wanted))
                    .filter(r -> text.isEmpty() || contains(r.receiptNo(), text) || contains(r.itemName(), text)
                            || contains(r.residentName(), text) || contains(r.residentPhone(), text))
                    .toList());
        } finally {
            reselecting = false;
        }
        if (detail.shownId() != null) {
            select(detail.shownId());
        }
    }

    private static boolean contains(String value, String text) {
        return value != null && value.contains(text);
    }

    /** Reloads the queue; the request open in the detail panel stays open. */
    private void reload() {
        try {
            open = signIn.withToken(gateway::proxyWorkbench);
            showQueue();
            closed.setItems(signIn.withToken(gateway::proxyClosed));
            if (open.isEmpty()) {
                message.note("当前没有待办的代办事项。");
            } else {
                message.clear();
            }
        } catch (GatewayException e) {
            open = List.of();
            grid.setItems(open);
            message.failed(e.getMessage());
        }
    }

    /** Selects a request's row without redrawing the detail panel (it already shows that request). */
    private void select(String requestId) {
        reselecting = true;
        try {
            grid.getGenericDataView().getItems().filter(r -> r.id().equals(requestId)).findFirst()
                    .ifPresentOrElse(grid::select, grid::deselectAll);
        } finally {
            reselecting = false;
        }
        if (detail.shownId() == null || !detail.shownId().equals(requestId)) {
            grid.getGenericDataView().getItems().filter(r -> r.id().equals(requestId)).findFirst().ifPresent(detail::show);
        }
    }
}
