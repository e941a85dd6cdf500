package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Landing page after sign-in. */
@Prototype
@Route(value = "", layout = MainLayout.class)
@PageTitle("首页 | " + PortalShell.PRODUCT)
@Menu(title = "首页", order = 0, icon = "vaadin:home")
public final class HomeView extends VerticalLayout implements BeforeEnterObserver {

    private final H2 greeting = new H2();
    private final Paragraph scope = new Paragraph();
    private final RegionDirectory regions;

    HomeView(RegionDirectory regions) {
        this.regions = regions;
        setId("home");
        greeting.setId("welcome");
        add(greeting, scope,
                new Paragraph("欢迎使用南宁市民服务与志愿者平台工作台。请从左侧菜单进入您有权限使用的业务功能。"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StaffSession.current().ifPresent(staff -> {
            greeting.setText("欢迎您，" + staff.displayName());
            String region = staff.regionCode() == null ? "未设置" : regions.fullName(staff.regionCode());
            scope.setText("角色：" + staff.roleLabels() + "；所属区划：" + region);
        });
    }
}
