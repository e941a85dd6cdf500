package cn.nanning.civic.portal.regions;

import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.Region;
import cn.nanning.civic.portal.ui.Outcome;
import cn.nanning.civic.portal.ui.Grids;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Lists the administrative divisions under the staff member's own region, with drill-down into a row's children.
 */
@Prototype
@Route(value = "regions", layout = MainLayout.class)
@PageTitle("区划查询 | " + PortalShell.PRODUCT)
@Menu(title = "区划查询", order = 70, icon = "vaadin:map-marker")
public final class RegionsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, String> LEVELS = Map.of(
            "city", "市", "district", "县(区)", "township", "乡镇(街道)", "village", "村(社区)");

    private final GatewayClient gateway;
    private final SignIn signIn;
    private final Paragraph where = new Paragraph();
    private final Outcome message = new Outcome("region-message");
    private final Grid<Region> grid = Grids.saying("没有下级区划。", new Grid<>(Region.class, false));
    private final Button up = new Button("返回上级");
    private final Deque<String> path = new ArrayDeque<>();

    private final RegionDirectory regions;

    RegionsView(GatewayClient gateway, SignIn signIn, RegionDirectory regions) {
        this.regions = regions;
        this.gateway = gateway;
        this.signIn = signIn;
        setId("regions");
        where.setId("region-scope");
        grid.setId("region-grid");
        grid.addColumn(Region::name).setHeader("名称").setFlexGrow(1);
        grid.addColumn(region -> LEVELS.getOrDefault(region.level(), "")).setHeader("级别").setAutoWidth(true);
        grid.addColumn(Region::code).setHeader("区划代码").setAutoWidth(true);
        grid.addItemClickListener(click -> {
            if (!"village".equals(click.getItem().level())) {
                path.push(click.getItem().code());
                show();
            }
        });
        up.setId("region-up");
        up.addClickListener(click -> {
            path.pop();
            show();
        });
        add(new H2("区划查询"), where, message, up, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        path.clear();
        StaffSession.current().map(StaffSession::regionCode).ifPresent(path::push);
        show();
    }

    private void show() {
        up.setVisible(path.size() > 1);
        if (path.isEmpty()) {
            where.setText("您的账号未设置所属区划，无法查询下级区划。");
            grid.setItems(List.of());
            return;
        }
        String code = path.peek();
        where.setText("当前区划：" + regions.fullName(code) + "（点击一行可查看其下级区划）");
        try {
            List<Region> children = signIn.withToken(token -> gateway.regionChildren(code, token));
            grid.setItems(children);
            if (children.isEmpty()) {
                message.note("该区划下没有下级区划。");
            } else {
                message.clear();
            }
        } catch (GatewayException e) {
            grid.setItems(List.of());
            message.failed(e.getMessage());
        }
    }
}
