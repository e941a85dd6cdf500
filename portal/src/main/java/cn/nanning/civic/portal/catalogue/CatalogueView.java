package cn.nanning.civic.portal.catalogue;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.CatalogueEntry;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
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
 * The service catalogue (服务事项目录) for administrators: every item with its standard elements; publishing a new
 * item or changing one goes through the gateway, and search reflects it within seconds (catalogue events).
 */
@Prototype
@Route(value = "catalogue", layout = MainLayout.class)
@PageTitle("服务事项目录 | " + PortalShell.PRODUCT)
@Menu(title = "服务事项目录", order = 60, icon = "vaadin:book")
@RequiresRole({Role.ADMIN})
public final class CatalogueView extends VerticalLayout implements BeforeEnterObserver {

    private final GatewayClient gateway;
    private final SignIn signIn;
    private final Outcome message = new Outcome("catalogue-message");
    private final Outcome saveOutcome = new Outcome("catalogue-save-outcome");
    private final TextField filter = new TextField("查找事项");
    private List<CatalogueEntry> all = List.of();
    private final Grid<CatalogueEntry> grid = Grids.saying("没有符合条件的服务事项。", new Grid<>(CatalogueEntry.class, false));
    private final TextField code = new TextField("事项编码");
    private final TextField name = new TextField("事项名称");
    private final TextField type = new TextField("事项类型");
    private final TextField department = new TextField("实施部门");
    private final TextField level = new TextField("实施层级");
    private final TextArea legalBasis = new TextArea("设定依据");
    private final TextArea conditions = new TextArea("受理条件");
    private final TextArea materials = new TextArea("申请材料（用“；”分隔）");
    private final TextField fee = new TextField("收费标准");
    private final IntegerField days = new IntegerField("承诺时限（工作日）");
    private final IntegerField visits = new IntegerField("跑动次数");
    private final Checkbox proxyAllowed = new Checkbox("可由村（社区）代办");
    private final TextField contact = new TextField("咨询电话");
    private long version;
    private boolean isNew = true;

    CatalogueView(GatewayClient gateway, SignIn signIn) {
        this.gateway = gateway;
        this.signIn = signIn;
        setId("catalogue");
        grid.setId("catalogue-grid");
        grid.addColumn(CatalogueEntry::code).setHeader("编码").setAutoWidth(true);
        grid.addColumn(CatalogueEntry::name).setHeader("事项名称").setFlexGrow(1);
        grid.addColumn(CatalogueEntry::department).setHeader("实施部门").setAutoWidth(true);
        grid.addColumn(e -> e.proxyAllowed() ? "可代办" : "须本人办理").setHeader("代办").setAutoWidth(true);
        grid.addColumn(e -> e.timeLimitDays() != null ? e.timeLimitDays() + " 个工作日" : "").setHeader("承诺时限").setAutoWidth(true);
        grid.setHeight("480px");
        filter.setId("catalogue-filter");
        filter.setPlaceholder("编码、名称或实施部门");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> showFiltered());
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                edit(change.getValue());
            }
        });
        code.setId("catalogue-code");
        name.setId("catalogue-name");
        Button blank = new Button("新建事项", click -> {
            saveOutcome.clear();
            clear();
        });
        blank.setId("catalogue-new");
        Button save = Actions.primary("保存并发布", "catalogue-save", saveOutcome, this::save);
        FormLayout form = new FormLayout(code, name, type, department, level, fee, days, visits, contact, proxyAllowed,
                legalBasis, conditions, materials);
        add(new H2("服务事项目录"), Actions.row(filter, message), grid, form, Actions.row(blank, save, saveOutcome));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
        clear();
    }

    private void reload() {
        try {
            all = signIn.withToken(gateway::catalogue);
            showFiltered();
        } catch (GatewayException e) {
            all = List.of();
            grid.setItems(all);
            message.failed(e.getMessage());
        }
    }

    private void edit(CatalogueEntry e) {
        isNew = false;
        version = e.version();
        code.setValue(e.code());
        code.setReadOnly(true);
        name.setValue(e.name());
        type.setValue(e.type());
        department.setValue(e.department());
        level.setValue(e.implementingLevel());
        legalBasis.setValue(orEmpty(e.legalBasis()));
        conditions.setValue(orEmpty(e.conditions()));
        materials.setValue(orEmpty(e.materials()));
        fee.setValue(orEmpty(e.fee()));
        days.setValue(e.timeLimitDays());
        visits.setValue(e.visits());
        proxyAllowed.setValue(e.proxyAllowed());
        contact.setValue(orEmpty(e.contact()));
    }

    private void clear() {
        isNew = true;
        version = 0;
        code.setReadOnly(false);
        List.of(code, name, type, department, level, fee, contact).forEach(TextField::clear);
        List.of(legalBasis, conditions, materials).forEach(TextArea::clear);
        days.clear();
        visits.clear();
        proxyAllowed.setValue(false);
    }

    private String save() {
        CatalogueEntry entry = new CatalogueEntry(code.getValue().strip(), name.getValue(), type.getValue(), department.getValue(),
                level.getValue(), legalBasis.getValue(), conditions.getValue(), materials.getValue(), fee.getValue(), days.getValue(),
                visits.getValue(), proxyAllowed.getValue(), contact.getValue(), version);
        CatalogueEntry saved = signIn.withToken(token -> gateway.saveCatalogueEntry(entry, isNew, token));
        reload();
        edit(saved);
        return "已保存并发布：" + saved.name() + "（第 " + saved.version() + " 版）";
    }

    private void showFiltered() {
        String text = filter.getValue().strip();
        grid.setItems(text.isEmpty() ? all : all.stream().filter(e -> contains(e.code(), text) || contains(e.name(), text)
                || contains(e.department(), text)).toList());
    }

    private static boolean contains(String value, String text) {
        return value != null && value.contains(text);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
