package cn.nanning.civic.portal.council;

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

/** The elders' council (老友议事会). Placeholder until its screens are built. */
@Prototype
@Route(value = "council", layout = MainLayout.class)
@PageTitle("老友议事会 | " + PortalShell.PRODUCT)
@Menu(title = "老友议事会", order = 50, icon = "vaadin:group")
@RequiresRole({Role.CONVENER, Role.ADMIN})
public final class CouncilView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("老友议事会", "届时可在此按“四议两公开”组织议题、会议、决议与公开。");
    }
}
