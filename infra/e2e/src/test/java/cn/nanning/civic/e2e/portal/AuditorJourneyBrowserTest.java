package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.StaffData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's whole job in Chromium: the audit log filtered by operation, person and time, read as names and
 * Chinese operation labels (never account ids), exported as a file, and the plan indicator dashboard.
 */
class AuditorJourneyBrowserTest {

    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SCREENS = Path.of("target/journey-screens");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String ADMINISTRATOR = "系统管理员（管理员）";

    @BeforeAll
    static void somethingToAudit() {
        Platform.get();
        // The demo administrator creates an account today (through the API: this is the audited deed, not the auditor's step).
        StaffData.account("CLERK", "审计抽查代办员" + (1000 + new Random().nextInt(9000)), StaffData.firstVillageOf("450103"));
    }

    @Test
    void theAuditorFindsReadsAndExportsWhoDidWhatThenOpensTheIndicators() {
        try (PortalBrowser auditor = PortalBrowser.open(PORTAL)) {
            auditor.signIn("auditor", Platform.DEMO_STAFF_PASSWORD);
            auditor.openMenu("审计日志");
            assertThat(auditor.outcome("audit-message")).contains("条记录");

            // By operation first: the administrators who created accounts appear among the people to choose.
            auditor.pick("audit-action", "新建工作人员账号").click("audit-search");
            assertThat(auditor.outcome("audit-message")).contains("条记录");
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            auditor.pick("audit-actor", ADMINISTRATOR).fill("audit-since", today).fill("audit-until", today)
                    .click("audit-search");
            assertThat(auditor.outcome("audit-message")).startsWith("共 ");
            assertThat(auditor.text("audit-actor")).as("the person searched for stays chosen").contains("人员");
            assertThat(String.valueOf(((org.openqa.selenium.JavascriptExecutor) auditor.driver())
                    .executeScript("return document.querySelector('#audit-actor > input').value;"))).isEqualTo(ADMINISTRATOR);
            String rows = auditor.text("audit-grid");
            assertThat(rows).contains("时间", "人员", "操作", ADMINISTRATOR, "新建工作人员账号", "工作人员账号", "成功", "村(社区)代办员")
                    .contains("区划：青秀区").doesNotContainPattern("区划：\\d")
                    .doesNotContainPattern(UUID_PATTERN)
                    .doesNotContain("STAFF_CREATE", "staff_account", "CLERK");
            auditor.screenshot(SCREENS.resolve("audit-log.png"));

            // The export: the same rows as a CSV file for a report (fetched by the link, as the click downloads it).
            String csv = auditor.downloadText("audit-export");
            // (fetch's text() drops the byte-order mark the file starts with for spreadsheet programs)
            assertThat(csv).startsWith("时间,人员").contains(ADMINISTRATOR, "新建工作人员账号", "区划：青秀区");

            // A filter that matches nothing says so instead of showing an empty table.
            auditor.pick("audit-action", "重置动态口令").fill("audit-since", "2020-01-01").fill("audit-until", "2020-01-02")
                    .click("audit-search");
            assertThat(auditor.outcome("audit-message")).isEqualTo("没有符合条件的审计记录。");

            // The plan indicators of the city.
            auditor.openMenu("规划指标看板");
            assertThat(auditor.text("indicators-cards")).contains("目标：").doesNotContainPattern(UUID_PATTERN);
            assertThat(auditor.visibleText()).contains("规划指标看板");
            assertThat(auditor.text("indicators-path")).contains("南宁市");
            auditor.screenshot(SCREENS.resolve("indicators.png"));
        }
    }
}
