package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
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
        // Rows a grid marks for attention (an urgent screening, an overdue application) stand out, not only by a word.
        settings.addInlineWithContents(Inline.Position.APPEND, """
                vaadin-grid::part(urgent), vaadin-grid::part(overdue) {
                  background-color: #fdecea;
                  color: #a4000f;
                  font-weight: 600;
                }""", Inline.Wrapping.STYLESHEET);
    }
}
