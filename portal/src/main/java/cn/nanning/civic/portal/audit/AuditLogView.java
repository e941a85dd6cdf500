package cn.nanning.civic.portal.audit;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Widgets;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The auditor's search over both audit trails: sign-ins, lockouts, tokens and staff accounts (gateway), and business
 * actions with personal-data access (services). People by name and role, operations and notes in Chinese, a time span,
 * newest first, at most 200 rows a search, and the rows as a CSV file for a report.
 */
@Prototype
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("审计日志 | " + PortalShell.PRODUCT)
@Menu(title = "审计日志", order = 80, icon = "vaadin:file-search")
@RequiresRole({Role.AUDITOR})
public final class AuditLogView extends VerticalLayout implements BeforeEnterObserver {

    private final AuditClient audit;
    private final RegionDirectory regions;
    /** "区划：450103001001" in a note: the division's name is what a person reads. */
    private static final java.util.regex.Pattern REGION_NOTE = java.util.regex.Pattern.compile("区划：(\\d{4,12})");
    private final SignIn signIn;
    private final Select<AuditClient.Trail> trail = new Select<>();
    private final ComboBox<String> actor = new ComboBox<>("人员");
    private final ComboBox<String> action = new ComboBox<>("操作");
    private final TextField requestId = new TextField("请求编号");
    private final DatePicker since = Widgets.datePicker("起始日期");
    private final DatePicker until = Widgets.datePicker("截止日期");
    private final Outcome message = new Outcome("audit-message");
    private final Grid<AuditClient.Row> grid = Grids.saying("没有符合条件的审计记录。", new Grid<>(AuditClient.Row.class, false));
    private final Anchor export = new Anchor();
    /** Account id → "姓名（角色）", gathered from the rows searched so far. */
    private final Map<String, String> people = new HashMap<>();
    private static final java.util.regex.Pattern ACCOUNT_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private List<AuditClient.Row> rows = List.of();

    AuditLogView(AuditClient audit, SignIn signIn, RegionDirectory regions) {
        this.regions = regions;
        this.audit = audit;
        this.signIn = signIn;
        setId("audit-log");
        trail.setId("audit-trail");
        trail.setLabel("审计范围");
        trail.setItems(AuditClient.Trail.values());
        trail.setItemLabelGenerator(t -> t == AuditClient.Trail.SIGN_IN ? "登录与账号" : "业务操作与个人信息访问");
        trail.setValue(AuditClient.Trail.SIGN_IN);
        trail.addValueChangeListener(change -> {
            action.clear();
            action.setItems(actions(change.getValue()));
        });
        actor.setId("audit-actor");
        actor.setItemLabelGenerator(id -> people.getOrDefault(id, id));
        actor.setAllowCustomValue(true);
        actor.addCustomValueSetListener(typed -> actor.setValue(typed.getDetail().strip()));
        actor.setHelperText("从已查到的人员中选择，或输入账号编号");
        actor.setWidth("16em");
        action.setId("audit-action");
        action.setItems(actions(AuditClient.Trail.SIGN_IN));
        action.setItemLabelGenerator(AuditLabels::action);
        action.setClearButtonVisible(true);
        action.setWidth("16em");
        requestId.setId("audit-request");
        since.setId("audit-since");
        since.setHelperText("默认近 30 天");
        until.setId("audit-until");
        until.setHelperText("含当天");
        Button search = Actions.primary("查询", "audit-search", message, this::search);
        export.setId("audit-export");
        export.setText("导出本次查询结果（电子表格可打开的 CSV 文件）");
        export.getElement().setAttribute("download", true);
        export.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] csv = csv(rows).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "审计记录.csv", "text/csv;charset=UTF-8", csv.length);
        }));
        grid.setId("audit-grid");
        grid.addColumn(r -> Times.minute(r.occurredAt())).setHeader("时间").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::person).setHeader("人员").setWidth("11em").setFlexGrow(0);
        grid.addColumn(r -> AuditLabels.action(r.action())).setHeader("操作").setWidth("10em").setFlexGrow(0);
        grid.addColumn(r -> AuditLabels.target(r.targetType())).setHeader("对象").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> AuditLabels.outcome(r.outcome())).setHeader("结果").setAutoWidth(true).setFlexGrow(0);
        // Ids nobody can read are left out on screen; the export keeps them for an investigation.
        grid.addColumn(r -> regionNames(AuditLabels.detail(r.detail(), id -> people.getOrDefault(id, "")))).setHeader("说明").setWidth("10em").setFlexGrow(1);
        grid.addColumn(r -> r.clientAddress() == null ? "" : r.clientAddress()).setHeader("来源地址").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPartNameGenerator(r -> "SUCCESS".equals(r.outcome()) ? null : "failed");
        add(new H2("审计日志"), new Paragraph("审计记录只增不改；仅审计员可查询，管理员无权查看。"),
                Actions.row(trail, actor, action, requestId), Actions.row(since, until, search, message), export, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        message.run(this::search);
    }

    private String search() {
        LocalDate from = since.getValue();
        LocalDate to = until.getValue();
        if (from != null && to != null && to.isBefore(from)) {
            throw new Refusal("截止日期不能早于起始日期。");
        }
        try {
            rows = signIn.withToken(token -> audit.search(trail.getValue(), actor.getValue(), action.getValue(), requestId.getValue(),
                    from == null ? null : from.atStartOfDay(Times.NANNING).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(Times.NANNING).toInstant(), token));
        } catch (GatewayException e) {
            rows = List.of();
            grid.setItems(rows);
            throw e;
        }
        learnNames(rows);
        grid.setItems(rows);
        // New names join the choices; the person searched for stays chosen (setItems alone would clear it).
        String chosen = actor.getValue();
        actor.setItems(people.keySet().stream().sorted().toList());
        if (chosen != null && !chosen.isBlank()) {
            actor.setValue(chosen);
        }
        export.setVisible(!rows.isEmpty());
        return rows.isEmpty() ? "没有符合条件的审计记录。" : "共 " + rows.size() + " 条记录，最新的在前（每次最多 200 条）。";
    }

    /** Looks up the names of staff among the rows' actors once; a failure only leaves the ids as they are. */
    private void learnNames(List<AuditClient.Row> found) {
        Set<String> unknown = new LinkedHashSet<>();
        for (AuditClient.Row row : found) {
            unknown.add(row.actor());
            if ("account".equals(row.targetType()) || "staff_account".equals(row.targetType())) {
                unknown.add(row.targetId());
            }
            if (row.detail() != null) {
                java.util.regex.Matcher ids = ACCOUNT_ID.matcher(row.detail());
                while (ids.find()) {
                    unknown.add(ids.group());
                }
            }
        }
        unknown.removeIf(id -> id == null || people.containsKey(id) || !ACCOUNT_ID.matcher(id).matches());
        List<String> ask = unknown.stream().limit(200).toList();
        if (unknown.isEmpty()) {
            return;
        }
        try {
            for (AuditClient.Person person : signIn.withToken(token -> audit.people(ask, token))) {
                people.put(person.id(), person.displayName() + "（" + AuditLabels.roles(String.join(",", person.roles())) + "）");
            }
        } catch (GatewayException e) {
            message.failed("人员姓名暂时无法读取，以下按账号编号显示。");
        }
    }

    /** Division codes in a note replaced by their names (a code nobody knows stays as it is). */
    private String regionNames(String note) {
        return REGION_NOTE.matcher(note).replaceAll(match -> {
            String name = regions.fullName(match.group(1));
            return java.util.regex.Matcher.quoteReplacement("区划：" + (name.isEmpty() || name.equals("未知区划") ? match.group(1) : name));
        });
    }

    private String person(AuditClient.Row row) {
        String known = people.get(row.actor());
        if (known != null) {
            return known;
        }
        if ("unknown".equals(row.actor())) {
            return "未识别的登录者";
        }
        if ("system".equals(row.actor())) {
            return "系统";
        }
        String roles = AuditLabels.roles(row.actorRoles());
        return roles.contains("市民") ? "市民（微信用户）" : roles.isEmpty() ? "未知账号" : roles;
    }

    private String csv(List<AuditClient.Row> list) {
        StringBuilder out = new StringBuilder("\uFEFF时间,人员,账号编号,角色,操作,对象,对象编号,结果,说明,原始说明,来源地址,请求编号\n");
        for (AuditClient.Row r : list) {
            out.append(String.join(",", List.of(Times.minute(r.occurredAt()), person(r), orEmpty(r.actor()),
                    AuditLabels.roles(r.actorRoles()), AuditLabels.action(r.action()), AuditLabels.target(r.targetType()),
                    orEmpty(r.targetId()), AuditLabels.outcome(r.outcome()), regionNames(AuditLabels.detail(r.detail(), people::get)),
                    orEmpty(r.detail()), orEmpty(r.clientAddress()), orEmpty(r.requestId())).stream().map(AuditLogView::cell).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String cell(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The operations of one trail: the gateway's are upper case, the services' are dotted. */
    private static List<String> actions(AuditClient.Trail trail) {
        return AuditLabels.ACTIONS.keySet().stream()
                .filter(code -> trail == AuditClient.Trail.SIGN_IN ? code.equals(code.toUpperCase(java.util.Locale.ROOT)) : code.contains("."))
                .sorted(java.util.Comparator.comparing(AuditLabels::action, java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE)))
                .collect(Collectors.toList());
    }
}
