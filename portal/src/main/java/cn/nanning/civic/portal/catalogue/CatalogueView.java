package cn.nanning.civic.portal.catalogue;

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

/** The service item catalogue (服务事项目录), maintained by administrators. Placeholder until its screens are built. */
@Prototype
@Route(value = "catalogue", layout = MainLayout.class)
@PageTitle("服务事项目录 | " + PortalShell.PRODUCT)
@Menu(title = "服务事项目录", order = 60, icon = "vaadin:book")
@RequiresRole({Role.ADMIN})
public final class CatalogueView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("服务事项目录", "届时可在此维护政务服务事项目录，发布或停用服务事项。");
    }
}
