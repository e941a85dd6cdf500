package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.e2e.platform.StaffData;
import cn.nanning.civic.portal.base.ErrorView;
import cn.nanning.civic.portal.base.HomeView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day one in a district nobody has used yet (马山县): no service points, requests, providers, councils, activities or
 * volunteers. Staff of every role sign in and open every view of their menu; each must open without an error page, an
 * unexpected-error notice, or a Java or English text, however empty the answers are.
 */
class EmptyAreaViewsTest extends PortalViewTest {

    private static final String DISTRICT = "450124";
    private static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

    @BeforeAll
    static void staffOfTheNewDistrict() {
        String village = StaffData.firstVillageOf(DISTRICT);
        ACCOUNTS.put("CLERK", StaffData.account("CLERK", "马山县新村代办员", village));
        for (String role : List.of("LAWYER", "COUNSELLOR", "CONVENER", "ORGANIZER", "VOLUNTEER", "ADMIN", "AUDITOR")) {
            ACCOUNTS.put(role, StaffData.account(role, "马山县" + Role.valueOf(role).label(), DISTRICT));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CLERK", "LAWYER", "COUNSELLOR", "CONVENER", "ORGANIZER", "VOLUNTEER", "ADMIN", "AUDITOR"})
    void everyViewOfTheMenuOpensWithoutAnError(String role) {
        open(ACCOUNTS.get(role), HomeView.class);
        List<String> paths = _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
        assertThat(paths).as("menu of %s", role).hasSizeGreaterThan(1);
        for (String path : paths) {
            UI.getCurrent().navigate(path);
            _assertNone(ErrorView.class);
            assertThat(getNotifications()).as("notifications on /%s for %s", path, role)
                    .extracting(notice -> notice.getElement().getProperty("text", "") + notice.getElement().getTextRecursively())
                    .isEmpty();
            String shown = UI.getCurrent().getChildren().map(Component::getElement)
                    .map(element -> element.getTextRecursively()).reduce("", String::concat);
            assertThat(shown).as("text of /%s for %s", path, role)
                    .doesNotContain("Exception", "null", "Internal error", "There was an")
                    .doesNotContainPattern("[A-Za-z]{4,}");
        }
    }
}
