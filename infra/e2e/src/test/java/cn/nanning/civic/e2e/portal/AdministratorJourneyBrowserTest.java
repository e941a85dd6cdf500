package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's job with staff accounts, in Chromium, each step as the people do it: the administrator creates a
 * clerk's account in a village and adds a role; the clerk signs in on another computer, changes the first password,
 * binds the authenticator app (the test computes the app's codes from the secret on screen), turns on 大字模式 and finds
 * it on again at the next sign-in; the administrator clears the clerk's second factor and disables the account, after
 * which sign-in is refused in Chinese; then the administrator reads the council and appointment statistics.
 */
class AdministratorJourneyBrowserTest {

    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SCREENS = Path.of("target/journey-screens");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String DISTRICT = "450103";

    private static String districtName;
    private static String townshipName;
    private static String villageName;

    @BeforeAll
    static void platformAndPlaceNames() {
        Platform.get();
        // Reading the API for the names the administrator will pick (not a step of theirs).
        Api gateway = new Api(Platform.GATEWAY);
        String token = ProxyData.token("admin");
        districtName = gateway.get("/api/v1/regions/" + DISTRICT, token).json().path("name").asText();
        JsonNode township = gateway.get("/api/v1/regions/" + DISTRICT + "/children", token).json().get(0);
        townshipName = township.path("name").asText();
        villageName = gateway.get("/api/v1/regions/" + township.path("code").asText() + "/children", token).json()
                .get(0).path("name").asText();
    }

    @Test
    void theAdministratorManagesAClerksAccountFromCreationToDisabling() throws Exception {
        int stamp = 1000 + new Random().nextInt(9000);
        String username = "jw" + stamp + "x" + Long.toString(System.nanoTime() % 100000);
        String person = "韦晓梅" + stamp;
        String newPassword = "南宁市民服务新密码" + stamp;

        try (PortalBrowser admin = PortalBrowser.open(PORTAL); PortalBrowser clerk = PortalBrowser.open(PORTAL)) {
            // The administrator: body text of 16 px, labels as large and in the body colour.
            admin.signIn("admin", Platform.DEMO_STAFF_PASSWORD);
            assertThat(admin.fontSize("body")).isGreaterThanOrEqualTo(16);
            admin.openMenu("员工账号");
            assertThat(admin.fontSize("#new-username > label")).isGreaterThanOrEqualTo(16);
            String labelColour = String.valueOf(((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript(
                    "return [getComputedStyle(document.querySelector('#new-username > label')).color,"
                            + " getComputedStyle(document.querySelector('#staff-accounts p')).color].join('|');"));
            assertThat(labelColour.split("\\|")[0]).as("label colour is the body text colour").isEqualTo(labelColour.split("\\|")[1]);
            admin.screenshot(SCREENS.resolve("staff-accounts.png"));

            // Creates the clerk's account in a village.
            admin.fill("new-username", username).fill("new-display-name", person)
                    .check("new-roles", "村(社区)代办员", true)
                    .pick("new-region-district", districtName).pick("new-region-township", townshipName)
                    .pick("new-region-village", villageName)
                    .click("create-staff");
            assertThat(admin.outcome("create-outcome")).contains("已为" + person + "新建账号", villageName, "村(社区)代办员");
            String firstPassword = admin.text("first-password-value").strip();
            assertThat(admin.text("first-password-username").strip()).isEqualTo(username);
            assertThat(firstPassword).hasSize(16);
            admin.screenshot(SCREENS.resolve("staff-created.png"));

            // Finds the person and adds a role.
            admin.fill("staff-search", person);
            assertThat(admin.outcome("staff-list-outcome")).isEqualTo("找到 1 位工作人员。");
            admin.selectRow("staff-grid", person);
            assertThat(admin.text("chosen-staff")).contains(person, villageName, "正常");
            admin.check("edit-roles", "活动组织者", true).click("save-roles");
            assertThat(admin.outcome("roles-outcome")).contains("村(社区)代办员、活动组织者");
            String row = admin.text("staff-grid");
            assertThat(row).contains(person, "村(社区)代办员、活动组织者", districtName + townshipName + villageName, "未绑定", "正常")
                    .doesNotContain(username).doesNotContainPattern(UUID_PATTERN);

            // The clerk, on another computer: the home page points to 我的账号.
            clerk.signIn(username, firstPassword);
            assertThat(clerk.signedInUser()).contains(person, "活动组织者");
            assertThat(clerk.text("sign-in-notice")).contains("动态口令", "我的账号");
            clerk.screenshot(SCREENS.resolve("home-notice.png"));
            clerk.click("sign-in-notice-link");
            assertThat(clerk.currentPath()).endsWith("/account");
            assertThat(clerk.text("otp-state")).isEqualTo("未启用");

            // Changes the first password; a mistyped repetition is caught beside the field first.
            clerk.fill("current-password", firstPassword).fill("new-password", newPassword)
                    .fill("repeat-password", newPassword + "1").click("change-password");
            assertThat(clerk.outcome("password-outcome")).isEqualTo("请按提示改正后再提交。");
            assertThat(clerk.text("repeat-password")).contains("两次输入的新密码不一致");
            clerk.fill("current-password", "不是当前的密码一二三四").fill("new-password", newPassword)
                    .fill("repeat-password", newPassword).click("change-password");
            assertThat(clerk.outcome("password-outcome")).contains("当前密码不正确");
            clerk.fill("current-password", firstPassword).fill("new-password", newPassword)
                    .fill("repeat-password", newPassword).click("change-password");
            assertThat(clerk.outcome("password-outcome")).contains("密码已修改");

            // Binds the authenticator app: QR code and the secret in groups of four; the first code confirms.
            clerk.click("start-otp");
            assertThat(clerk.driver().findElement(org.openqa.selenium.By.cssSelector("#otp-enrolment img.qr-code")).isDisplayed()).isTrue();
            String secret = clerk.text("otp-secret");
            assertThat(secret).matches("([A-Z2-7]{4} )*[A-Z2-7]{1,4}");
            clerk.screenshot(SCREENS.resolve("otp-enrolment.png"));
            clerk.fill("otp-code", "000000").click("confirm-otp");
            long confirmedStep = Rfc6238.step(Instant.now());
            if (!clerk.outcome("otp-outcome").contains("不正确")) {
                throw new AssertionError("a wrong code was accepted: " + clerk.outcome("otp-outcome"));
            }
            confirmedStep = Rfc6238.step(Instant.now());
            clerk.fill("otp-code", Rfc6238.code(secret, confirmedStep)).click("confirm-otp");
            assertThat(clerk.outcome("otp-outcome")).contains("动态口令已启用");
            assertThat(clerk.text("otp-state")).isEqualTo("已启用");

            // 大字模式: the body text grows to 20 px at once.
            clerk.click("large-text");
            assertThat(clerk.outcome("large-text-outcome")).isEqualTo("已开启大字模式。");
            assertThat(clerk.fontSize("body")).isGreaterThanOrEqualTo(20);
            assertThat(clerk.fontSize("#current-password > label")).isGreaterThanOrEqualTo(20);
            clerk.screenshot(SCREENS.resolve("my-account-large-text.png"));

            // Signs out and in again, now with the new password and the app's next code: the large text is still on.
            clerk.signOut();
            assertThat(clerk.fontSize("body")).isLessThan(20);
            long next = Rfc6238.stepAfter(confirmedStep);
            clerk.signIn(username, newPassword, () -> Rfc6238.code(secret, Math.max(next, Rfc6238.step(Instant.now()))));
            assertThat(clerk.fontSize("body")).isGreaterThanOrEqualTo(20);
            clerk.openMenu("我的账号");
            assertThat(clerk.text("otp-state")).isEqualTo("已启用");
            assertThat(clerk.driver().findElement(org.openqa.selenium.By.id("large-text")).getAttribute("checked")).isNotNull();

            // The administrator clears the lost phone's second factor, then disables the account, each after confirming.
            admin.openMenu("员工账号").fill("staff-search", person).selectRow("staff-grid", person);
            assertThat(admin.text("staff-grid")).contains("已绑定");
            admin.click("reset-otp");
            assertThat(admin.visibleText()).contains("确定重置吗");
            admin.confirm("reset-otp");
            assertThat(admin.outcome("member-outcome")).contains("已重置" + person + "的动态口令");
            assertThat(admin.text("staff-grid")).contains("未绑定");
            admin.click("disable-staff").confirm("disable-staff");
            assertThat(admin.outcome("member-outcome")).contains("已停用" + person + "的账号");
            assertThat(admin.text("staff-grid")).contains("已停用");
            admin.screenshot(SCREENS.resolve("staff-disabled.png"));

            // The clerk leaves and can no longer sign in, and is told so in Chinese.
            clerk.signOut();
            clerk.loginForm().submit(username, newPassword);
            assertThat(clerk.loginForm().error()).isEqualTo("用户名或密码不正确。");

            // The administrator's statistics: councils and appointments of the city, by district name.
            admin.openMenu("议事与预约统计");
            assertThat(admin.text("statistics-title")).contains("南宁市").doesNotContainPattern("\\d{6}");
            assertThat(admin.text("council-figures")).contains("活跃覆盖率", "已建议事会");
            assertThat(admin.text("booking-figures")).contains("法律咨询", "心理咨询", "已到场");
            assertThat(admin.text("legal-aid-figures")).contains("审查中", "公共法律服务站");
            assertThat(admin.text("statistics-children")).contains(districtName).doesNotContainPattern("4501\\d{2}");
            admin.screenshot(SCREENS.resolve("statistics.png"));
        }
    }
}
