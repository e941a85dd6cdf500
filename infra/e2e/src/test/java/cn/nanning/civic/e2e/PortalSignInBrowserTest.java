package cn.nanning.civic.e2e;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.portal.browser.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Walking skeleton step 3 in a real browser: a staff member signs in to the portal through the gateway. */
class PortalSignInBrowserTest {

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void anAdministratorSignsInSeesTheChineseShellAndSignsOut() {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            browser.signIn("admin", Platform.DEMO_STAFF_PASSWORD);
            assertThat(browser.signedInUser()).contains("管理员");
            assertThat(browser.menu()).contains("首页", "服务事项目录", "区划查询");
            browser.signOut();
            assertThat(browser.currentPath()).contains("login");
        }
    }

    @Test
    void aClerkDoesNotSeeTheAdministratorsMenu() {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            browser.signIn("clerk", Platform.DEMO_STAFF_PASSWORD);
            assertThat(browser.menu()).contains("代办服务").doesNotContain("服务事项目录", "审计日志");
        }
    }
}
