package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.RequiresRole;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.ui.Actions;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Refusal;
import cn.nanning.civic.portal.ui.RegionPicker;
import cn.nanning.civic.portal.ui.Times;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

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


    private final VolunteersClient client;
    private final SignIn signIn;
    private final Outcome message = new Outcome("volunteer-search-message");
    private final Outcome revealOutcome = new Outcome("reveal-outcome");
    private final TextField name = new TextField("姓名（全名）");
    private final TextField idNumber = new TextField("身份证号");
    private final RegionPicker region;
    private final Grid<VolunteersClient.Match> results = Grids.saying("没有找到符合条件的志愿者。", new Grid<>(VolunteersClient.Match.class, false));
    private final TextField reason = new TextField("查看用途");
    private final Button reveal = Actions.button("查看完整身份证号", "reveal-id-number", revealOutcome, this::reveal);
    private final Span revealed = new Span();

    VolunteerSearchView(VolunteersClient client, SignIn signIn, RegionDirectory regions) {
        this.client = client;
        this.signIn = signIn;
        this.region = new RegionPicker(regions, "所在区域", RegionPicker.Depth.ANY);
        setId("volunteer-search");

        name.setId("search-name");
        name.setMaxLength(30);
        idNumber.setId("search-id-number");
        idNumber.setMaxLength(18);
        idNumber.setHelperText("完整 18 位，或按页面显示格式，如 4501**********1234");
        region.setId("search-region");
        Button search = Actions.primary("查询", "search-volunteers", message, this::search);
        HorizontalLayout filters = Actions.row(name, idNumber);

        results.setId("volunteer-results");
        results.addColumn(m -> m.maskedName() != null ? m.maskedName() : "（已撤回同意）").setHeader("姓名").setAutoWidth(true);
        results.addColumn(m -> m.maskedIdNumber() != null ? m.maskedIdNumber() : "—").setHeader("身份证号").setAutoWidth(true);
        results.addColumn(m -> m.maskedPhone() != null ? m.maskedPhone() : "—").setHeader("手机号").setAutoWidth(true);
        results.addColumn(m -> m.homeRegionName() != null ? m.homeRegionName() : "").setHeader("所在村（社区）").setFlexGrow(1);
        results.addColumn(VolunteersClient.Match::statusLabel).setHeader("状态").setAutoWidth(true);
        results.addColumn(m -> Times.day(m.registeredAt())).setHeader("注册日期").setAutoWidth(true);
        results.setAllRowsVisible(true);
        results.asSingleSelect().addValueChangeListener(e -> revealed.setText(""));

        reason.setId("reveal-reason");
        reason.setMaxLength(100);
        reason.setHelperText("例如：办理志愿者保险。每次查看都会记入审计日志");
        revealed.setId("revealed-id-number");
        HorizontalLayout revealRow = Actions.row(reason, reveal, revealed, revealOutcome);

        add(new H2("志愿者查询"), filters, region, Actions.row(search, message), results, new H3("查看完整身份证号"),
                new Paragraph("仅在确有必要时查看（如办理保险、核实身份），须说明用途；查看记录供审计人员检查。"), revealRow);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        region.startAtOwnArea();
    }

    private String search() {
        revealed.setText("");
        revealOutcome.clear();
        List<VolunteersClient.Match> found = signIn.withToken(token ->
                client.search(name.getValue(), idNumber.getValue(), region.chosen(), token));
        results.setItems(found);
        return found.isEmpty() ? "没有找到符合条件的志愿者。" : "找到 " + found.size() + " 名志愿者"
                + (found.size() == 50 ? "（仅显示前 50 名，请缩小范围）" : "") + "。";
    }

    private String reveal() {
        VolunteersClient.Match selected = results.asSingleSelect().getValue();
        revealed.setText("");
        if (selected == null) {
            throw new Refusal("请先在查询结果中选择一名志愿者。");
        }
        if (reason.getValue().isBlank()) {
            throw new Refusal("查看完整身份证号须说明用途。");
        }
        String full = signIn.withToken(token -> client.revealIdNumber(selected.id(), reason.getValue().strip(), token));
        revealed.setText(full);
        return "已显示 " + (selected.maskedName() != null ? selected.maskedName() : "该志愿者") + " 的完整身份证号，本次查看已记录。";
    }
}
