package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.ComingSoon;
import cn.nanning.civic.portal.base.MainLayout;
import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.RequiresRole;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Volunteer services (志愿服务). Placeholder until its screens are built. */
@Prototype
@Route(value = "volunteers", layout = MainLayout.class)
@PageTitle("志愿服务 | " + PortalShell.PRODUCT)
@Menu(title = "志愿服务", order = 10, icon = "vaadin:heart")
@RequiresRole({Role.VOLUNTEER, Role.ORGANIZER, Role.ADMIN})
public final class VolunteerServicesView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("志愿服务", "届时可在此管理志愿者注册、服务队、活动报名、服务时长记录与志愿服务证明。");
    }
}
