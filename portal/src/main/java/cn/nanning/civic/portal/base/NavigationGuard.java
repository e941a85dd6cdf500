package cn.nanning.civic.portal.base;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Applies to every UI: Chinese locale and page language, and the access rule before any view is entered
 * (not signed in → login; signed in without the role → access denied).
 */
@Singleton
final class NavigationGuard implements VaadinServiceInitListener {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response ->
                response.getDocument().getElementsByTag("html").attr("lang", "zh-CN"));
        event.getSource().addUIInitListener(init -> {
            init.getUI().setLocale(CHINESE);
            init.getUI().addBeforeEnterListener(NavigationGuard::check);
        });
    }

    private static void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        StaffSession staff = StaffSession.current().orElse(null);
        if (target == LoginView.class && staff != null) {
            event.forwardTo(HomeView.class);
        } else if (Access.permits(staff, target)) {
            return;
        } else if (staff == null) {
            event.forwardTo(LoginView.class);
        } else {
            event.rerouteTo(AccessDeniedView.class);
        }
    }
}
