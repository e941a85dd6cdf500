package cn.nanning.civic.portal.audit;

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

/** The audit log (审计日志) for auditors. Placeholder until its screens are built. */
@Prototype
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("审计日志 | " + PortalShell.PRODUCT)
@Menu(title = "审计日志", order = 80, icon = "vaadin:file-search")
@RequiresRole({Role.AUDITOR})
public final class AuditLogView extends Composite<ComingSoon> {

    @Override
    protected ComingSoon initContent() {
        return new ComingSoon("审计日志", "届时可在此查询工作人员的操作审计记录。");
    }
}
