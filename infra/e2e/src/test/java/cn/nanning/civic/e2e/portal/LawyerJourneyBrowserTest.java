package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.AppointmentsData;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal-aid lawyer's (法律援助律师) day in a real browser, through the portal's screens only: the day's agenda with a
 * citizen's consultation that took place this morning (到场, then 咨询完成 with its length), a resident booked at a
 * village service point (their name and number, given with consent, shown in full), and an application assigned to
 * the lawyer (read in full, the applicant's contact revealed and the reveal said to be recorded). What citizens, the
 * clerk and the administrator did before (booking, applying, deciding, assigning) is set up through the API as them;
 * the checks read the API.
 */
class LawyerJourneyBrowserTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SHOTS = Path.of("target", "lawyer-journey");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void theLawyerSeesTheDayRecordsAConsultationMeetsACounterResidentAndReadsAnAssignedApplication() throws Exception {
        AppointmentsData.Provider lawyer = AppointmentsData.provider("lawyer");
        int run = ThreadLocalRandom.current().nextInt(1000, 10000);

        // A citizen booked this morning's consultation from the mini-program.
        String citizen = AppointmentsData.citizen();
        String topic = "工资被拖欠三个月怎么讨回 " + run;
        JsonNode booking = AppointmentsData.bookConsultation(lawyer, citizen, topic);
        String bookingId = booking.path("id").asText();
        OffsetDateTime morning = AppointmentsData.movedToEarlierToday(bookingId);

        // A clerk booked a later consultation at a village counter for a resident, who consented to give their number.
        String resident = "蒙秀英";
        String residentPhone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        JsonNode counter = AppointmentsData.bookAtCounter(lawyer, resident, residentPhone, "宅基地边界纠纷 " + run);
        OffsetDateTime later = OffsetDateTime.parse(counter.path("startsAt").asText());

        // A citizen applied for legal aid; the administrator approved it and assigned this lawyer.
        String applicant = "覃" + "建华志强海燕丽娟".substring(run % 4 * 2, run % 4 * 2 + 2);
        String applicationId = AppointmentsData.applyForLegalAid(AppointmentsData.citizen(), applicant).path("id").asText();
        AppointmentsData.approveAndAssign(applicationId, lawyer);

        try (PortalBrowser browser = PortalBrowser.open(PORTAL)) {
            try {
                journey(browser, lawyer, citizen, topic, bookingId, morning, resident, residentPhone, run, later, applicant, applicationId);
            } catch (Exception | AssertionError e) {
                browser.screenshot(SHOTS.resolve("failed.png"));
                Files.writeString(SHOTS.resolve("failed.txt"), browser.visibleText());
                throw e;
            }
        }
    }

    private static void journey(PortalBrowser browser, AppointmentsData.Provider lawyer, String citizen, String topic,
                                String bookingId, OffsetDateTime morning, String resident, String residentPhone,
                                int run, OffsetDateTime later, String applicant, String applicationId) {
        browser.signIn("lawyer", Platform.DEMO_STAFF_PASSWORD);
        assertThat(browser.menu()).contains("法律援助");
        browser.visit("/legal-aid");
        assertThat(browser.visibleText()).contains("法律援助 · 工作台", "预约", "法律援助申请");

        // The day's agenda: this morning's consultation, with its topic and status.
        ZonedDateTime local = morning.atZoneSameInstant(AppointmentsData.NANNING);
        browser.date("legal-aid-date", local.toLocalDate());
        String slot = local.format(HH_MM) + "–";
        assertThat(browser.rows("legal-aid-today")).anySatisfy(row -> assertThat(row).contains(slot, "法律咨询", topic, "已预约"));
        browser.screenshot(SHOTS.resolve("01-agenda.png"));

        // The citizen came: 到场, said beside the buttons, and the row says so.
        browser.selectRow("legal-aid-today", topic).click("legal-aid-attended");
        assertThat(browser.outcome("legal-aid-agenda-outcome")).isEqualTo("已登记到场。");
        assertThat(browser.rows("legal-aid-today")).anySatisfy(row -> assertThat(row).contains(topic, "已到场"));

        // The consultation is over: 咨询完成, with its length.
        browser.selectRow("legal-aid-today", topic).click("legal-aid-complete");
        assertThat(browser.outcome("legal-aid-agenda-outcome")).matches("已登记咨询完成，时长 \\d+ 分钟(，已计入志愿服务时长)?。");
        browser.screenshot(SHOTS.resolve("02-completed.png"));
        JsonNode stored = GATEWAY.get("/api/v1/appointments/bookings/" + bookingId, citizen).json();
        assertThat(stored.path("status").asText()).isEqualTo("ATTENDED");

        // Completing twice is refused in Chinese, beside the button.
        browser.selectRow("legal-aid-today", topic).click("legal-aid-complete");
        assertThat(browser.outcome("legal-aid-agenda-outcome")).isEqualTo("该咨询已登记为完成，不能重复登记。");

        // The resident booked at the counter: who to expect and their number in full (they consented), the read recorded.
        ZonedDateTime counterLocal = later.atZoneSameInstant(AppointmentsData.NANNING);
        browser.date("legal-aid-date", counterLocal.toLocalDate());
        String counterTopic = "宅基地边界纠纷 " + run;
        assertThat(browser.rows("legal-aid-today")).anySatisfy(row -> assertThat(row)
                .contains(counterLocal.format(HH_MM) + "–", counterTopic));
        browser.selectRow("legal-aid-today", counterTopic);
        assertThat(browser.text("legal-aid-resident"))
                .isEqualTo("服务点代约：" + resident + "，电话 " + residentPhone + "（居民不会收到微信提醒；本次查看已记录）");
        browser.screenshot(SHOTS.resolve("03-counter-resident.png"));

        // The application assigned to this lawyer: listed masked, read in full once opened.
        List<String> applications = browser.rows("legal-aid-applications");
        assertThat(applications).anySatisfy(row -> assertThat(row)
                .contains(applicant.charAt(0) + "*", "劳动", "已指派", lawyer.displayName()).doesNotContain(applicant));
        // Several assigned applications may be listed from earlier runs: open the one whose masked name fits, then check.
        openApplication(browser, applicationId, applicant);
        String details = browser.text("legal-aid-application-details");
        assertThat(details).contains("南宁某装饰工程有限公司", "拖欠工资两万元", "最低生活保障", "请求支付劳动报酬，经济困难属实。",
                "承办律师：" + lawyer.displayName());
        assertThat(browser.visibleText()).contains("申请：", "（已指派法律援助人员）");
        browser.click("legal-aid-reveal-contact");
        assertThat(browser.outcome("legal-aid-contact-outcome")).isEqualTo("本次查看已记录。");
        assertThat(browser.text("legal-aid-contact")).startsWith(applicant + "　电话 13907719876　身份证号 450103");
        browser.screenshot(SHOTS.resolve("04-application.png"));
        assertThat(browser.visibleText()).as("deciding is the administrator's, not the lawyer's")
                .doesNotContain("给予法律援助", "不予法律援助", "通知补充材料");

        JsonNode application = GATEWAY.get("/api/v1/appointments/legal-aid/applications/" + applicationId, ProxyData.token("admin")).json();
        assertThat(application.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(application.path("assignedLawyerName").asText()).isEqualTo(lawyer.displayName());
    }

    /**
     * Opens the application among the lawyer's assigned ones: rows from earlier runs look alike (masked names), so the
     * candidate rows are opened in turn until the panel shows this application's (masked) ID number.
     */
    private static void openApplication(PortalBrowser browser, String applicationId, String applicant) {
        String maskedId = GATEWAY.get("/api/v1/appointments/legal-aid/applications/" + applicationId, ProxyData.token("lawyer"))
                .json().path("idNumber").asText();
        assertThat(maskedId).as("the lawyer's list shows ID numbers masked").contains("*");
        List<String> rows = browser.rows("legal-aid-applications");
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).startsWith(applicant.charAt(0) + "*")) {
                browser.selectRowAt("legal-aid-applications", i);
                if (browser.text("legal-aid-application-details").contains("身份证号 " + maskedId)) {
                    return;
                }
            }
        }
        throw new AssertionError("application " + applicationId + " not among the lawyer's: " + rows);
    }
}
