package cn.nanning.civic.portal.legalaid;

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

/** Legal aid (法律援助). Placeholder until its screens are built. */
@Prototype
@Route(value = "legal-aid", layout = MainLayout.class)
@PageTitle("法律援助 | " + PortalShell.PRODUCT)
@Menu(title = "法律援助", order = 30, icon = "vaadin:scale")
@RequiresRole({Role.LAWYER, Role.ADMIN})
public final class LegalAidView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("法律援助", "届时可在此处理法律援助申请、预约与咨询记录。");
    }
}
