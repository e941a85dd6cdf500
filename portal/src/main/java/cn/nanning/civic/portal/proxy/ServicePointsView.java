package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.CatalogueEntry;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
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
    private final TextField area = new TextField("区划代码");
    private final Paragraph message = new Paragraph();
    private final Grid<ProxyClient.Point> grid = new Grid<>(ProxyClient.Point.class, false);
    private final VerticalLayout detail = new VerticalLayout();
    private Map<String, ProxyClient.StaffMember> staffById = Map.of();
    private Map<String, String> itemNames = Map.of();

    ServicePointsView(ProxyClient proxy, GatewayClient gateway, SignIn signIn) {
        this.proxy = proxy;
        this.gateway = gateway;
        this.signIn = signIn;
        setId("service-points");
        area.setId("points-area");
        Button show = new Button("查询", click -> reload());
        show.setId("points-show");
        HorizontalLayout query = new HorizontalLayout(area, show);
        query.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        message.setId("points-message");
        message.setVisible(false);
        grid.setId("points-grid");
        grid.addColumn(ProxyClient.Point::name).setHeader("服务点").setFlexGrow(1);
        grid.addColumn(ProxyClient.Point::regionCode).setHeader("区划代码").setAutoWidth(true);
        grid.addColumn(p -> p.itemCodes().size()).setHeader("可代办事项").setAutoWidth(true);
        grid.addColumn(p -> names(p, "CLERK")).setHeader("代办员").setAutoWidth(true);
        grid.addColumn(p -> names(p, "VOLUNTEER")).setHeader("志愿者").setAutoWidth(true);
        grid.addColumn(p -> p.active() ? "在用" : "停用").setHeader("状态").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(change -> showDetail(change.getValue()));
        detail.setId("points-detail");
        detail.setPadding(false);
        add(new H2("服务点与代办员"), query, message, grid, detail, openPointForm(), newClerkForm());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        area.setValue(StaffSession.current().map(StaffSession::regionCode).orElse("4501"));
        reload();
    }

    private void reload() {
        try {
            String region = area.getValue().strip();
            staffById = signIn.withToken(token -> proxy.staff(null, region, token)).stream()
                    .collect(Collectors.toMap(ProxyClient.StaffMember::id, Function.identity(), (a, b) -> a));
            itemNames = signIn.withToken(gateway::catalogue).stream()
                    .collect(Collectors.toMap(CatalogueEntry::code, CatalogueEntry::name, (a, b) -> a));
            List<ProxyClient.Point> points = signIn.withToken(token -> proxy.points(region, token));
            grid.setItems(points);
            message.setVisible(false);
        } catch (GatewayException e) {
            grid.setItems(List.of());
            show(e.getMessage());
        }
        detail.removeAll();
    }

    private void showDetail(ProxyClient.Point selected) {
        detail.removeAll();
        if (selected == null) {
            return;
        }
        ProxyClient.Point point;
        try {
            point = signIn.withToken(token -> proxy.point(selected.id(), token));
        } catch (GatewayException e) {
            show(e.getMessage());
            return;
        }
        detail.add(new H3(point.name()));
        detail.add(new Paragraph("可代办：" + point.itemCodes().stream().map(code -> itemNames.getOrDefault(code, code))
                .collect(Collectors.joining("、"))));
        for (ProxyClient.Staff staff : point.staffOrEmpty()) {
            Button release = new Button("解除", click -> act(() -> signIn.withToken(token -> {
                proxy.release(point.id(), staff.accountId(), token);
                return null;
            }), "已解除安排。"));
            release.setId("release-" + staff.accountId());
            HorizontalLayout line = new HorizontalLayout(new Paragraph(POSTS.getOrDefault(staff.role(), staff.role()) + "："
                    + displayName(staff.accountId())), release);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            detail.add(line);
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
        Button assign = new Button("安排到此服务点", click -> {
            if (person.getValue() == null) {
                show("请选择人员。");
                return;
            }
            act(() -> signIn.withToken(token -> {
                proxy.assign(point.id(), person.getValue().id(), post.getValue(), token);
                return null;
            }), "已安排。");
        });
        assign.setId("assign-save");
        MultiSelectComboBox<String> items = new MultiSelectComboBox<>("增加可代办事项");
        items.setId("point-items");
        items.setItems(itemNames.keySet().stream().filter(code -> !point.itemCodes().contains(code)).sorted().toList());
        items.setItemLabelGenerator(code -> itemNames.get(code) + "（" + code + "）");
        Button addItems = new Button("增加", click -> act(() -> signIn.withToken(token -> {
            proxy.addItems(point.id(), List.copyOf(items.getValue()), token);
            return null;
        }), "已增加代办事项。"));
        addItems.setId("point-items-save");
        HorizontalLayout assignRow = new HorizontalLayout(person, post, assign);
        assignRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout itemRow = new HorizontalLayout(items, addItems);
        itemRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        detail.add(assignRow, itemRow);
    }

    private VerticalLayout openPointForm() {
        TextField village = new TextField("村（社区）区划代码");
        village.setId("open-village");
        TextField name = new TextField("服务点名称");
        name.setPlaceholder("留空则为“村名+便民服务点”");
        TextField address = new TextField("地址");
        TextField phone = new TextField("联系电话");
        Button open = new Button("设立服务点", click -> act(() -> signIn.withToken(token ->
                proxy.openPoint(village.getValue().strip(), name.getValue(), address.getValue(), phone.getValue(), List.of(), token)),
                "服务点已设立。"));
        open.setId("open-save");
        HorizontalLayout row = new HorizontalLayout(village, name, address, phone, open);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3("设立服务点"), row);
        form.setPadding(false);
        return form;
    }

    private VerticalLayout newClerkForm() {
        TextField username = new TextField("用户名");
        username.setId("clerk-username");
        TextField displayName = new TextField("姓名");
        displayName.setId("clerk-name");
        TextField region = new TextField("所属村（社区）区划代码");
        region.setId("clerk-region");
        PasswordField password = new PasswordField("初始密码");
        password.setId("clerk-password");
        password.setHelperText("至少 12 位，首次登录后请本人修改并绑定动态口令");
        Button create = new Button("新建代办员账号", click -> act(() -> signIn.withToken(token ->
                proxy.createClerk(username.getValue().strip(), displayName.getValue(), region.getValue().strip(),
                        password.getValue(), token)), "代办员账号已建立。"));
        create.setId("clerk-save");
        HorizontalLayout row = new HorizontalLayout(username, displayName, region, password, create);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        VerticalLayout form = new VerticalLayout(new H3("新建代办员账号"), row);
        form.setPadding(false);
        return form;
    }

    private void act(Runnable call, String done) {
        try {
            call.run();
            reload();
            show(done);
        } catch (GatewayException e) {
            show(e.getMessage());
        }
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private String names(ProxyClient.Point point, String role) {
        return point.staffOrEmpty().stream().filter(s -> s.role().equals(role)).map(s -> displayName(s.accountId()))
                .collect(Collectors.joining("、"));
    }

    private String displayName(String accountId) {
        ProxyClient.StaffMember member = staffById.get(accountId);
        return member != null ? member.displayName() : "账号 " + accountId.substring(0, Math.min(8, accountId.length()));
    }
}
