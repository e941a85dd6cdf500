package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Administrators find volunteers of their area (志愿者查询) by full name, ID number (full, or masked as shown on
 * screens) and region. Everything is shown masked; the full ID number appears only after an explicit "reveal" with a
 * stated purpose, which the services audit.
 */
@Prototype
@Route(value = "volunteers/search", layout = MainLayout.class)
@PageTitle("志愿者查询 | " + PortalShell.PRODUCT)
@Menu(title = "志愿者查询", order = 12, icon = "vaadin:search")
@RequiresRole(Role.ADMIN)
public final class VolunteerSearchView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private final VolunteersClient client;
    private final SignIn signIn;
    private final Paragraph message = new Paragraph();
    private final TextField name = new TextField("姓名（全名）");
    private final TextField idNumber = new TextField("身份证号");
    private final TextField region = new TextField("区划代码");
    private final Grid<VolunteersClient.Match> results = new Grid<>(VolunteersClient.Match.class, false);
    private final TextField reason = new TextField("查看用途");
    private final Button reveal = new Button("查看完整身份证号");
    private final Span revealed = new Span();

    VolunteerSearchView(VolunteersClient client, SignIn signIn) {
        this.client = client;
        this.signIn = signIn;
        setId("volunteer-search");
        message.setId("volunteer-search-message");
        message.setVisible(false);

        name.setId("search-name");
        name.setMaxLength(30);
        idNumber.setId("search-id-number");
        idNumber.setMaxLength(18);
        idNumber.setHelperText("完整 18 位，或按页面显示格式，如 4501**********1234");
        region.setId("search-region");
        region.setHelperText("6 位为县区，9 位为乡镇（街道），12 位为村（社区）");
        Button search = new Button("查询", click -> search());
        search.setId("search-volunteers");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(name, idNumber, region, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        results.setId("volunteer-results");
        results.addColumn(m -> m.maskedName() != null ? m.maskedName() : "（已撤回同意）").setHeader("姓名").setAutoWidth(true);
        results.addColumn(m -> m.maskedIdNumber() != null ? m.maskedIdNumber() : "—").setHeader("身份证号").setAutoWidth(true);
        results.addColumn(m -> m.maskedPhone() != null ? m.maskedPhone() : "—").setHeader("手机号").setAutoWidth(true);
        results.addColumn(VolunteersClient.Match::homeRegionName).setHeader("所在村（社区）").setFlexGrow(1);
        results.addColumn(VolunteersClient.Match::statusLabel).setHeader("状态").setAutoWidth(true);
        results.addColumn(m -> DAY.format(m.registeredAt())).setHeader("注册日期").setAutoWidth(true);
        results.setAllRowsVisible(true);
        results.asSingleSelect().addValueChangeListener(e -> revealed.setText(""));

        reason.setId("reveal-reason");
        reason.setMaxLength(100);
        reason.setHelperText("例如：办理志愿者保险。每次查看都会记入审计日志");
        reveal.setId("reveal-id-number");
        reveal.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reveal.addClickListener(click -> reveal());
        revealed.setId("revealed-id-number");
        HorizontalLayout revealRow = new HorizontalLayout(reason, reveal, revealed);
        revealRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        add(new H2("志愿者查询"), message, filters, results, new H3("查看完整身份证号"),
                new Paragraph("仅在确有必要时查看（如办理保险、核实身份），须说明用途；查看记录供审计人员检查。"), revealRow);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        region.setValue(StaffSession.current().map(StaffSession::regionCode).orElse(""));
    }

    private void search() {
        revealed.setText("");
        if (region.getValue().isBlank()) {
            say("请输入区划代码。");
            return;
        }
        try {
            List<VolunteersClient.Match> found = signIn.withToken(token ->
                    client.search(name.getValue(), idNumber.getValue(), region.getValue().strip(), token));
            results.setItems(found);
            say(found.isEmpty() ? "没有找到符合条件的志愿者。" : "找到 " + found.size() + " 名志愿者" + (found.size() == 50 ? "（仅显示前 50 名，请缩小范围）" : "") + "。");
        } catch (GatewayException e) {
            results.setItems(List.of());
            say(e.getMessage());
        }
    }

    private void reveal() {
        VolunteersClient.Match selected = results.asSingleSelect().getValue();
        if (selected == null) {
            say("请先在查询结果中选择一名志愿者。");
            return;
        }
        if (reason.getValue().isBlank()) {
            say("查看完整身份证号须说明用途。");
            return;
        }
        try {
            String full = signIn.withToken(token -> client.revealIdNumber(selected.id(), reason.getValue().strip(), token));
            revealed.setText(full);
            say("已显示 " + (selected.maskedName() != null ? selected.maskedName() : "该志愿者") + " 的完整身份证号，本次查看已记录。");
        } catch (GatewayException e) {
            revealed.setText("");
            say(e.getMessage());
        }
    }

    private void say(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
