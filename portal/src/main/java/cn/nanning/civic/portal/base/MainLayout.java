package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import io.micronaut.context.annotation.Prototype;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The signed-in shell: product name, who is signed in with which roles, sign-out, and a side menu listing the
 * views (marked with Vaadin's {@link Menu}) the staff member's roles allow.
 */
@Prototype
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SignIn signIn;
    private final Span user = new Span();
    private final SideNav nav = new SideNav();

    MainLayout(SignIn signIn) {
        this.signIn = signIn;
        setPrimarySection(Section.DRAWER);

        Span product = new Span(PortalShell.PRODUCT);
        product.setId("product-name");
        product.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        user.setId("signed-in-user");
        Button signOut = new Button("退出登录", click -> this.signIn.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), product, user, signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(product);
        addToNavbar(header);

        nav.setId("side-nav");
        addToDrawer(nav);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        StaffSession staff = StaffSession.current().orElse(null);
        Display.apply(getUI().orElse(null));
        user.setText(staff == null ? "" : staff.displayName() + "（" + staff.roleLabels() + "）");
        nav.removeAll();
        for (RouteData route : menuRoutes()) {
            if (Access.permits(staff, route.getNavigationTarget())) {
                nav.addItem(item(route.getNavigationTarget()));
            }
        }
    }

    /** Views marked with {@link Menu}, in menu order. */
    private static List<RouteData> menuRoutes() {
        return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> route.getNavigationTarget().isAnnotationPresent(Menu.class))
                .sorted(Comparator.comparingDouble(route -> route.getNavigationTarget().getAnnotation(Menu.class).order()))
                .toList();
    }

    private static SideNavItem item(Class<? extends Component> view) {
        Menu menu = view.getAnnotation(Menu.class);
        SideNavItem item = new SideNavItem(menu.title(), view);
        if (menu.icon().startsWith("vaadin:")) {
            String name = menu.icon().substring("vaadin:".length()).toUpperCase(Locale.ROOT).replace('-', '_');
            item.setPrefixComponent(VaadinIcon.valueOf(name).create());
        }
        return item;
    }
}
