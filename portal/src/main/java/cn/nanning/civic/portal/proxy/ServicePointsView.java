package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.CatalogueEntry;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrator's screen for village service points: which points exist in the area, who works at each
 * ("1 clerk + N volunteers"), which items each can proxy; open a point, create a clerk's account, assign or release staff.
 */
@Prototype
@Route(value = "proxy/points", layout = MainLayout.class)
@PageTitle("服务点与代办员 | " + PortalShell.PRODUCT)
@Menu(title = "服务点与代办员", order = 22, icon = "vaadin:home")
@RequiresRole({Role.ADMIN})
public final class ServicePointsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, String> POSTS = Map.of("CLERK", "代办员", "VOLUNTEER", "志愿者");

    private final ProxyClient proxy;
    private final GatewayClient gateway;
    private final SignIn signIn;
    private final RegionDirectory regions;
    private final RegionPicker area;
    private final RegionPicker village;
    private final RegionPicker clerkRegion;
    private final Outcome message = new Outcome("points-message");
    private final Grid<ProxyClient.Point> grid = Grids.saying("本区域还没有服务点。", new Grid<>(ProxyClient.Point.class, false));
    private final VerticalLayout detail = new VerticalLayout();
    private Map<String, ProxyClient.StaffMember> staffById = Map.of();
    private Map<String, String> itemNames = Map.of();
    /** Items a point may offer: those marked 须本人办理 are not. */
    private java.util.Set<String> proxyable = java.util.Set.of();
    /** Beside the staff and item actions of the chosen point; kept across its redraws. */
    private final Outcome staffOutcome = new Outcome("point-staff-outcome");
    private final Outcome itemsOutcome = new Outcome("point-items-outcome");
    private String shownPointId;

    ServicePointsView(ProxyClient proxy, GatewayClient gateway, SignIn signIn, RegionDirectory regions) {
        this.proxy = proxy;
        this.gateway = gateway;
        this.signIn = signIn;
        this.regions = regions;
        this.area = new RegionPicker(regions, "查询区域", RegionPicker.Depth.ANY);
        this.village = new RegionPicker(regions, "所在村（社区）", RegionPicker.Depth.VILLAGE);
        this.clerkRegion = new RegionPicker(regions, "代办员所属区划", RegionPicker.Depth.ANY);
        setId("service-points");
        area.setId("points-area");
        Button show = Actions.button("查询", "points-show", message, () -> {
            reload();
            return null;
        });
        HorizontalLayout query = Actions.row(area, show, message);
        grid.setId("points-grid");
        grid.addColumn(ProxyClient.Point::name).setHeader("服务点").setFlexGrow(1);
        grid.addColumn(p -> regions.fullName(p.regionCode())).setHeader("所在村（社区）").setAutoWidth(true);
        grid.addColumn(p -> p.itemCodes().size()).setHeader("可代办事项").setAutoWidth(true);
        grid.addColumn(p -> names(p, "CLERK")).setHeader("代办员").setAutoWidth(true);
        grid.addColumn(p -> names(p, "VOLUNTEER")).setHeader("志愿者").setAutoWidth(true);
        grid.addColumn(p -> p.active() ? "在用" : "停用").setHeader("状态").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));
        detail.setId("points-detail");
        detail.setPadding(false);
        add(new H2("服务点与代办员"), query, grid, detail, openPointForm(), newClerkForm());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        area.startAtOwnArea();
        village.startAtOwnArea();
        clerkRegion.startAtOwnArea();
        reload();
    }

    private void reload() {
        try {
            String region = area.chosen();
            staffById = signIn.withToken(token -> proxy.staff(null, region, token)).stream()
                    .collect(Collectors.toMap(ProxyClient.StaffMember::id, Function.identity(), (a, b) -> a));
            List<CatalogueEntry> entries = signIn.withToken(gateway::catalogue);
            itemNames = entries.stream().collect(Collectors.toMap(CatalogueEntry::code, CatalogueEntry::name, (a, b) -> a));
            proxyable = entries.stream().filter(CatalogueEntry::proxyAllowed).map(CatalogueEntry::code)
                    .collect(Collectors.toUnmodifiableSet());
            List<ProxyClient.Point> points = signIn.withToken(token -> proxy.points(region, token));
            grid.setItems(points);
            if (points.isEmpty()) {
                message.note("该区域尚未设立服务点。");
            } else {
                message.clear();
            }
        } catch (GatewayException e) {
            grid.setItems(List.of());
            message.failed(e.getMessage());
        }
        detail.removeAll();
    }

    private void showDetail(ProxyClient.Point selected) {
        detail.removeAll();
        if (selected == null || !selected.id().equals(shownPointId)) {
            staffOutcome.clear();
            itemsOutcome.clear();
        }
        shownPointId = selected == null ? null : selected.id();
        if (selected == null) {
            return;
        }
        ProxyClient.Point point;
        try {
            point = signIn.withToken(token -> proxy.point(selected.id(), token));
        } catch (GatewayException e) {
            message.failed(e.getMessage());
            return;
        }
        detail.add(new H3(point.name()));
        detail.add(new Paragraph(point.itemCodes().isEmpty() ? "尚未设定可代办事项，请在下方增加。"
                : "可代办：" + point.itemCodes().stream().map(code -> itemNames.getOrDefault(code, code)).collect(Collectors.joining("、"))));
        for (ProxyClient.Staff staff : point.staff()) {
            String who = displayName(staff.accountId());
            Button release = Actions.confirmed("解除", "release-" + staff.accountId(), staffOutcome,
                    Actions.Confirmation.destructive("解除安排", "确认不再安排 " + who + " 在“" + point.name() + "”工作吗？其账号仍保留。", "确认解除"),
                    () -> {
                        signIn.withToken(token -> {
                            proxy.release(point.id(), staff.accountId(), token);
                            return null;
                        });
                        refresh(point);
                        return "已解除 " + who + " 的安排。";
                    });
            detail.add(Actions.row(new Paragraph(POSTS.getOrDefault(staff.role(), "工作人员") + "：" + who), release));
        }
        ComboBox<ProxyClient.StaffMember> person = new ComboBox<>("人员");
        person.setId("assign-person");
        person.setItems(staffById.values().stream()
                .filter(s -> s.enabled() && (s.roles().contains("CLERK") || s.roles().contains("VOLUNTEER"))).toList());
        person.setItemLabelGenerator(s -> s.displayName() + "（" + s.username() + "）");
        RadioButtonGroup<String> post = new RadioButtonGroup<>("岗位");
        post.setId("assign-post");
        post.setItems("CLERK", "VOLUNTEER");
        post.setItemLabelGenerator(POSTS::get);
        post.setValue("CLERK");
        Button assign = Actions.primary("安排到此服务点", "assign-save", staffOutcome, () -> {
            if (person.getValue() == null) {
                throw new Refusal("请选择人员。");
            }
            ProxyClient.StaffMember chosen = person.getValue();
            signIn.withToken(token -> {
                proxy.assign(point.id(), chosen.id(), post.getValue(), token);
                return null;
            });
            refresh(point);
            return "已安排 " + chosen.displayName() + " 为" + POSTS.get(post.getValue()) + "。";
        });
        MultiSelectComboBox<String> items = new MultiSelectComboBox<>("增加可代办事项");
        items.setId("point-items");
        items.setWidth("24em");
        items.setItems(proxyable.stream().filter(code -> !point.itemCodes().contains(code)).sorted().toList());
        items.setHelperText("须本人办理的事项（如居民身份证换领）不能设为代办事项，不在此列出。");
        items.setItemLabelGenerator(code -> itemNames.get(code) + "（" + code + "）");
        Button addItems = Actions.button("增加", "point-items-save", itemsOutcome, () -> {
            if (items.getValue().isEmpty()) {
                throw new Refusal("请选择要增加的服务事项。");
            }
            signIn.withToken(token -> {
                proxy.addItems(point.id(), List.copyOf(items.getValue()), token);
                return null;
            });
            refresh(point);
            return "已增加 " + items.getValue().size() + " 项可代办事项。";
        });
        detail.add(Actions.row(person, post, assign, staffOutcome), Actions.row(items, addItems, itemsOutcome));
    }

    /** Reloads the grid and shows the point again with the outcome lines kept (they move with the redraw). */
    private void refresh(ProxyClient.Point point) {
        reload();
        grid.getGenericDataView().getItems().filter(p -> p.id().equals(point.id())).findFirst().ifPresent(grid::select);
    }

    private VerticalLayout openPointForm() {
        village.setId("open-village");
        TextField name = new TextField("服务点名称");
        name.setId("open-name");
        name.setPlaceholder("留空则为“村名+便民服务点”");
        TextField address = new TextField("地址");
        address.setId("open-address");
        TextField phone = new TextField("联系电话");
        phone.setId("open-phone");
        Outcome opened = new Outcome("open-outcome");
        Button open = Actions.primary("设立服务点", "open-save", opened, () -> {
            String villageCode = village.chosen();
            ProxyClient.Point point = signIn.withToken(token -> proxy.openPoint(villageCode, name.getValue(),
                    address.getValue(), phone.getValue(), List.of(), token));
            name.clear();
            address.clear();
            phone.clear();
            reload();
            return "已设立“" + point.name() + "”。请在上方列表中选择它，增加可代办事项并安排代办员。";
        });
        VerticalLayout form = new VerticalLayout(new H3("设立服务点"), village, Actions.row(name, address, phone),
                Actions.row(open, opened));
        form.setPadding(false);
        return form;
    }

    private VerticalLayout newClerkForm() {
        TextField username = new TextField("用户名");
        username.setId("clerk-username");
        TextField displayName = new TextField("姓名");
        displayName.setId("clerk-name");
        clerkRegion.setId("clerk-region");
        PasswordField password = new PasswordField("初始密码");
        password.setId("clerk-password");
        password.setHelperText("至少 12 位，首次登录后请本人修改并绑定动态口令");
        Outcome created = new Outcome("clerk-outcome");
        Button create = Actions.primary("新建代办员账号", "clerk-save", created, () -> {
            String region = clerkRegion.chosen();
            ProxyClient.StaffMember clerk = signIn.withToken(token -> proxy.createClerk(username.getValue().strip(),
                    displayName.getValue().strip(), region, password.getValue(), token));
            username.clear();
            displayName.clear();
            password.clear();
            reload();
            return "已建立代办员账号“" + clerk.displayName() + "”（用户名 " + clerk.username() + "），请把初始密码当面告知本人。";
        });
        VerticalLayout form = new VerticalLayout(new H3("新建代办员账号"), Actions.row(username, displayName, password), clerkRegion,
                Actions.row(create, created));
        form.setPadding(false);
        return form;
    }

    private String names(ProxyClient.Point point, String role) {
        return point.staff().stream().filter(s -> s.role().equals(role)).map(s -> displayName(s.accountId()))
                .collect(Collectors.joining("、"));
    }

    private String displayName(String accountId) {
        ProxyClient.StaffMember member = staffById.get(accountId);
        return member != null ? member.displayName() : "（其他区域的工作人员）";
    }
}
