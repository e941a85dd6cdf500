package cn.nanning.civic.portal.browser;

import cn.nanning.civic.portal.PortalApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real headless Chromium against the booted portal; Vaadin's client side runs from the production bundle. */
class LoginPageBrowserTest {

    private static PortalApplication portal;
    private PortalBrowser browser;

    @BeforeAll
    static void boot() throws Exception {
        portal = PortalApplication.start(Map.of(
                "civic.portal.port", 0,
                "civic.portal.host", "127.0.0.1",
                "civic.portal.gateway-url", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void shutDown() {
        portal.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = PortalBrowser.open("http://127.0.0.1:" + portal.port());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void the_login_page_renders_the_chinese_form() {
        PortalBrowser.LoginForm form = browser.go("/login").loginForm();

        assertThat(browser.htmlLang()).isEqualTo("zh-CN");
        assertThat(form.usernameLabel()).isEqualTo("用户名");
        assertThat(form.passwordLabel()).isEqualTo("密码");
        assertThat(form.submitText()).isEqualTo("登录");
        assertThat(browser.driver().getTitle()).isEqualTo("登录 | 南宁市民服务与志愿者平台");
    }

    @Test
    void opening_a_protected_view_without_signing_in_lands_on_the_login_page() {
        browser.go("/regions").loginForm();
        assertThat(browser.currentPath()).isEqualTo("/login");
    }

    @Test
    void signing_in_while_the_gateway_is_down_shows_a_chinese_explanation() {
        browser.go("/login").loginForm().submit("clerk01", "secret-password");
        assertThat(browser.loginForm().error()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(browser.currentPath()).isEqualTo("/login");
    }

    @Test
    void an_unknown_address_gives_a_chinese_page_not_vaadins_english_one() {
        browser.go("/no-such-page");
        assertThat(browser.text("not-found")).contains("没有找到该页面").doesNotContain("Could not navigate");
    }
}
