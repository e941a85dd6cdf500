package cn.nanning.civic.portal.audit;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The auditor's search over both audit trails: sign-ins, lockouts, tokens and staff accounts (gateway), and
 * business actions with personal-data access (services). Newest first, at most 200 rows a search.
 */
@Prototype
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("审计日志 | " + PortalShell.PRODUCT)
@Menu(title = "审计日志", order = 80, icon = "vaadin:file-search")
@RequiresRole({Role.AUDITOR})
public final class AuditLogView extends VerticalLayout implements BeforeEnterObserver {

    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(NANNING);

    private final AuditClient audit;
    private final SignIn signIn;
    private final Select<AuditClient.Trail> trail = new Select<>();
    private final TextField actor = new TextField("账号编号");
    private final TextField action = new TextField("操作");
    private final TextField requestId = new TextField("请求编号");
    private final DatePicker since = new DatePicker("起始日期");
    private final Paragraph message = new Paragraph();
    private final Grid<AuditClient.Row> grid = new Grid<>(AuditClient.Row.class, false);

    AuditLogView(AuditClient audit, SignIn signIn) {
        this.audit = audit;
        this.signIn = signIn;
        setId("audit-log");
        trail.setId("audit-trail");
        trail.setLabel("审计范围");
        trail.setItems(AuditClient.Trail.values());
        trail.setItemLabelGenerator(t -> t == AuditClient.Trail.SIGN_IN ? "登录与账号" : "业务操作与个人信息访问");
        trail.setValue(AuditClient.Trail.SIGN_IN);
        actor.setId("audit-actor");
        action.setId("audit-action");
        action.setHelperText("如 SIGN_IN、ROLE_CHANGE、proxy.point（按开头匹配业务操作）");
        requestId.setId("audit-request");
        since.setId("audit-since");
        since.setHelperText("默认近 30 天");
        Button search = new Button("查询", click -> search());
        search.setId("audit-search");
        HorizontalLayout filters = new HorizontalLayout(trail, actor, action, requestId, since, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        message.setId("audit-message");
        message.setVisible(false);
        grid.setId("audit-grid");
        grid.addColumn(r -> TIME.format(r.occurredAt())).setHeader("时间").setAutoWidth(true);
        grid.addColumn(AuditClient.Row::actor).setHeader("账号").setAutoWidth(true);
        grid.addColumn(r -> r.actorRoles() == null ? "" : r.actorRoles()).setHeader("角色").setAutoWidth(true);
        grid.addColumn(AuditClient.Row::action).setHeader("操作").setAutoWidth(true);
        grid.addColumn(r -> (r.targetType() == null ? "" : r.targetType()) + (r.targetId() == null ? "" : " " + r.targetId()))
                .setHeader("对象").setAutoWidth(true);
        grid.addColumn(r -> outcome(r.outcome())).setHeader("结果").setAutoWidth(true);
        grid.addColumn(r -> r.clientAddress() == null ? "" : r.clientAddress()).setHeader("来源地址").setAutoWidth(true);
        grid.addColumn(r -> r.requestId() == null ? "" : r.requestId()).setHeader("请求编号").setAutoWidth(true);
        grid.addColumn(r -> r.detail() == null ? "" : r.detail()).setHeader("说明").setFlexGrow(1);
        add(new H2("审计日志"), new Paragraph("审计记录只增不改；仅审计员可查询，管理员无权查看。"), filters, message, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        search();
    }

    private void search() {
        LocalDate from = since.getValue();
        try {
            List<AuditClient.Row> rows = signIn.withToken(token -> audit.search(trail.getValue(), actor.getValue(),
                    action.getValue(), requestId.getValue(), from == null ? null : from.atStartOfDay(NANNING).toInstant(), token));
            grid.setItems(rows);
            message.setText("没有符合条件的审计记录。");
            message.setVisible(rows.isEmpty());
        } catch (GatewayException e) {
            grid.setItems(List.of());
            message.setText(e.getMessage());
            message.setVisible(true);
        }
    }

    private static String outcome(String outcome) {
        return switch (outcome) {
            case "SUCCESS" -> "成功";
            case "FAILURE" -> "失败";
            case "DENIED" -> "拒绝";
            default -> outcome;
        };
    }
}
