package cn.nanning.civic.portal.catalogue;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.gateway.CatalogueEntry;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
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
    private final Paragraph message = new Paragraph();
    private final Grid<CatalogueEntry> grid = new Grid<>(CatalogueEntry.class, false);
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
        message.setId("catalogue-message");
        message.setVisible(false);
        grid.setId("catalogue-grid");
        grid.addColumn(CatalogueEntry::code).setHeader("编码").setAutoWidth(true);
        grid.addColumn(CatalogueEntry::name).setHeader("事项名称").setFlexGrow(1);
        grid.addColumn(CatalogueEntry::department).setHeader("实施部门").setAutoWidth(true);
        grid.addColumn(e -> e.proxyAllowed() ? "可代办" : "须本人办理").setHeader("代办").setAutoWidth(true);
        grid.addColumn(e -> e.timeLimitDays() != null ? e.timeLimitDays() + " 个工作日" : "").setHeader("承诺时限").setAutoWidth(true);
        grid.setHeight("320px");
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                edit(change.getValue());
            }
        });
        code.setId("catalogue-code");
        name.setId("catalogue-name");
        Button blank = new Button("新建事项", click -> clear());
        Button save = new Button("保存并发布", click -> save());
        save.setId("catalogue-save");
        FormLayout form = new FormLayout(code, name, type, department, level, fee, days, visits, contact, proxyAllowed,
                legalBasis, conditions, materials);
        add(new H2("服务事项目录"), message, grid, form, new HorizontalLayout(blank, save));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
        clear();
    }

    private void reload() {
        try {
            grid.setItems(signIn.withToken(gateway::catalogue));
        } catch (GatewayException e) {
            grid.setItems(List.of());
            show(e.getMessage());
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

    private void save() {
        CatalogueEntry entry = new CatalogueEntry(code.getValue().strip(), name.getValue(), type.getValue(), department.getValue(),
                level.getValue(), legalBasis.getValue(), conditions.getValue(), materials.getValue(), fee.getValue(), days.getValue(),
                visits.getValue(), proxyAllowed.getValue(), contact.getValue(), version);
        try {
            CatalogueEntry saved = signIn.withToken(token -> gateway.saveCatalogueEntry(entry, isNew, token));
            show("已保存并发布：" + saved.name() + "（第 " + saved.version() + " 版）");
            reload();
            edit(saved);
        } catch (GatewayException e) {
            show(e.getMessage());
        }
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
