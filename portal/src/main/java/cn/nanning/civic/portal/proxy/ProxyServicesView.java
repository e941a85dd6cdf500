package cn.nanning.civic.portal.proxy;

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

/** Proxy services (代办服务) for village and community clerks. Placeholder until its screens are built. */
@Prototype
@Route(value = "proxy", layout = MainLayout.class)
@PageTitle("代办服务 | " + PortalShell.PRODUCT)
@Menu(title = "代办服务", order = 20, icon = "vaadin:clipboard-check")
@RequiresRole({Role.CLERK, Role.ADMIN})
public final class ProxyServicesView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("代办服务", "届时可在此受理群众委托，跟踪受理、办理、送达、归档与回访的全过程。");
    }
}
