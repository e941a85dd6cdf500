package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.inject.Singleton;

/** Page-wide settings of the portal's single HTML page. The html lang is set by {@link NavigationGuard}. */
@Singleton
@Meta(name = "description", content = PortalShell.PRODUCT)
@Theme(themeClass = Lumo.class)
public final class PortalShell implements AppShellConfigurator {

    public static final String PRODUCT = "南宁市民服务与志愿者平台";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle(PRODUCT);
        // Body text, full-contrast labels and 大字模式 (see the file); plain CSS, no change to the Vaadin bundle.
        settings.addLink("stylesheet", "styles/portal.css");
    }
}
