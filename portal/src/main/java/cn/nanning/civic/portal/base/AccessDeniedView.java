package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;

/** Shown instead of a view the signed-in staff member's roles do not allow. */
@Prototype
@Route(value = "access-denied", layout = MainLayout.class)
@PageTitle("无权访问 | " + PortalShell.PRODUCT)
public final class AccessDeniedView extends VerticalLayout {

    AccessDeniedView() {
        setId("access-denied");
        add(new H2("无权访问"),
                new Paragraph("您当前的角色无权使用此功能。如需开通，请联系本单位管理员。"),
                new RouterLink("返回首页", HomeView.class));
    }
}
