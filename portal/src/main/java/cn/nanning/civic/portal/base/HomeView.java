package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
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
    private final Div notice = new Div();

    HomeView(RegionDirectory regions) {
        this.regions = regions;
        setId("home");
        greeting.setId("welcome");
        notice.setId("sign-in-notice");
        notice.setVisible(false);
        notice.getStyle().set("border-left", "4px solid var(--lumo-warning-color, #ffc107)").set("padding", "0.5em 1em")
                .set("background", "var(--lumo-contrast-5pct)");
        add(greeting, scope, notice,
                new Paragraph("欢迎使用南宁市民服务与志愿者平台工作台。请从左侧菜单进入您有权限使用的业务功能。"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StaffSession.current().ifPresent(staff -> {
            greeting.setText("欢迎您，" + staff.displayName());
            String region = staff.regionCode() == null ? "未设置" : regions.fullName(staff.regionCode());
            scope.setText("角色：" + staff.roleLabels() + "；所属区划：" + region);
        });
        // The gateway's notice at sign-in (e.g. the second factor is still unbound), with the way to act on it.
        notice.removeAll();
        SignInFacts.current().map(SignInFacts::notice).filter(text -> !text.isBlank()).ifPresentOrElse(text -> {
            // By address, not by class: the accounts package already depends on base.
            Anchor go = new Anchor("account", "前往“我的账号”修改密码、绑定动态口令");
            go.getElement().setAttribute("router-link", true);
            go.setId("sign-in-notice-link");
            notice.add(new Paragraph(text), go);
            notice.setVisible(true);
        }, () -> notice.setVisible(false));
    }
}
