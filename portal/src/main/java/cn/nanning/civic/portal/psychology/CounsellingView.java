package cn.nanning.civic.portal.psychology;

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

/** Psychological counselling (心理咨询). Placeholder until its screens are built. */
@Prototype
@Route(value = "counselling", layout = MainLayout.class)
@PageTitle("心理咨询 | " + PortalShell.PRODUCT)
@Menu(title = "心理咨询", order = 40, icon = "vaadin:user-heart")
@RequiresRole({Role.COUNSELLOR, Role.ADMIN})
public final class CounsellingView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("心理咨询", "届时可在此管理心理咨询预约与咨询记录。");
    }
}
