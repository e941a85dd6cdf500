package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.AppointmentsData;
import cn.nanning.civic.e2e.platform.Platform;
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
 * The counsellor's (心理咨询师) day in a real browser, through the portal's screens only: the day's sessions with an
 * urgent screening (PHQ-9 item 9 answered with risk) first and highlighted, the urgent client's identity and number
 * shown at once (the read recorded), 到场, an encrypted session note written and listed; a second client who did not
 * come, whose contact is read on request, marked 未到场. The citizens' bookings (and moving them to this morning) are
 * set up through the API and the database as the citizens' part; the checks read the API.
 */
class CounsellorJourneyBrowserTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SHOTS = Path.of("target", "counsellor-journey");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void theCounsellorCallsTheUrgentClientFirstRecordsTheSessionAndMarksANoShow() throws Exception {
        AppointmentsData.Provider counsellor = AppointmentsData.provider("counsellor");
        // Two citizens booked this morning's sessions from the mini-program: one screening answered with risk.
        String urgentCitizen = AppointmentsData.citizen();
        String urgentId = AppointmentsData.bookPsychology(counsellor, urgentCitizen, 1).path("booking").path("id").asText();
        OffsetDateTime urgentAt = AppointmentsData.movedToEarlierToday(urgentId);
        String calmCitizen = AppointmentsData.citizen();
        String calmId = AppointmentsData.bookPsychology(counsellor, calmCitizen, 0).path("booking").path("id").asText();
        OffsetDateTime calmAt = AppointmentsData.movedToEarlierToday(calmId);

        try (PortalBrowser browser = PortalBrowser.open(PORTAL)) {
            try {
                journey(browser, urgentCitizen, urgentId, slot(urgentAt), calmCitizen, calmId, slot(calmAt),
                        urgentAt.atZoneSameInstant(AppointmentsData.NANNING));
            } catch (Exception | AssertionError e) {
                browser.screenshot(SHOTS.resolve("failed.png"));
                Files.writeString(SHOTS.resolve("failed.txt"), browser.visibleText());
                throw e;
            }
        }
    }

    private static void journey(PortalBrowser browser, String urgentCitizen, String urgentId, String urgentSlot,
                                String calmCitizen, String calmId, String calmSlot, ZonedDateTime day) {
        browser.signIn("counsellor", Platform.DEMO_STAFF_PASSWORD);
        assertThat(browser.menu()).contains("心理咨询");
        browser.visit("/counselling");
        browser.date("counselling-date", day.toLocalDate());
        assertThat(browser.visibleText()).contains("心理咨询 · 今日工作", "排在最前，请优先联系");

        // The day: urgent sessions first, marked in words and painted so they stand out.
        List<String> rows = browser.rows("counselling-today");
        int urgentRow = indexOf(rows, urgentSlot);
        int calmRow = indexOf(rows, calmSlot);
        assertThat(rows.get(urgentRow)).startsWith("⚠ 紧急").contains("已预约");
        assertThat(rows.get(calmRow)).doesNotContain("紧急");
        assertThat(urgentRow).as("the urgent session comes before the calm one").isLessThan(calmRow);
        assertThat(rows.subList(0, urgentRow)).allSatisfy(row -> assertThat(row).startsWith("⚠ 紧急"));
        PortalBrowser.RowLook urgentLook = browser.rowLook("counselling-today", urgentSlot);
        PortalBrowser.RowLook calmLook = browser.rowLook("counselling-today", calmSlot);
        assertThat(urgentLook.part()).contains("urgent");
        assertThat(urgentLook.background()).as("highlighted").isNotEqualTo(calmLook.background());
        browser.screenshot(SHOTS.resolve("01-day.png"));

        // The urgent client: identity, number and screening shown at once, the read recorded.
        browser.selectRow("counselling-today", urgentSlot);
        assertThat(browser.outcome("counselling-client-outcome")).isEqualTo("紧急来访者的身份和联系方式已显示，本次查看已记录。");
        String facts = browser.text("counselling-client-facts");
        assertThat(facts).contains("姓名：陆小燕", "联系电话：13977118899", "PHQ-9", "第 9 题有风险作答");
        assertThat(browser.visibleText()).contains("来访者（筛查提示紧急，请尽快联系）");
        browser.screenshot(SHOTS.resolve("02-urgent-client.png"));

        // The client came: 到场.
        browser.click("counselling-attended");
        assertThat(browser.outcome("counselling-agenda-outcome")).isEqualTo("已登记到场。");
        assertThat(browser.rows("counselling-today")).anySatisfy(row -> assertThat(row).contains(urgentSlot, "已到场"));

        // The session note, saved and listed (encrypted; never the citizen's to read).
        browser.selectRow("counselling-today", urgentSlot);
        String note = "来访者诉说近期失眠、情绪低落，已做风险评估并约定一周后复诊 " + ThreadLocalRandom.current().nextInt(1000, 10000);
        browser.fill("counselling-note-text", note).click("counselling-note-save");
        assertThat(browser.outcome("counselling-note-outcome")).isEqualTo("咨询记录已保存。");
        assertThat(browser.rows("counselling-note-list")).anySatisfy(row -> assertThat(row).contains(note));
        browser.screenshot(SHOTS.resolve("03-note.png"));
        Api.Response citizenReads = GATEWAY.get("/api/v1/appointments/psychology/bookings/" + urgentId + "/notes", urgentCitizen);
        assertThat(citizenReads.status()).isIn(403, 404);
        assertThat(citizenReads.body()).doesNotContain(note);

        // The other client did not come: their number on request (recorded), then 未到场.
        browser.selectRow("counselling-today", calmSlot);
        assertThat(browser.visibleText()).contains("查看来访者身份、联系方式和筛查结果");
        browser.click("counselling-reveal-client");
        assertThat(browser.outcome("counselling-client-outcome")).isEqualTo("本次查看已记录。");
        assertThat(browser.text("counselling-client-facts")).contains("联系电话：13977118899").doesNotContain("第 9 题有风险作答");
        browser.click("counselling-no-show");
        assertThat(browser.outcome("counselling-agenda-outcome")).isEqualTo("已登记未到场（爽约）。");
        assertThat(browser.rows("counselling-today")).anySatisfy(row -> assertThat(row).contains(calmSlot, "爽约"));
        browser.screenshot(SHOTS.resolve("04-no-show.png"));

        assertThat(GATEWAY.get("/api/v1/appointments/bookings/" + urgentId, urgentCitizen).json().path("status").asText()).isEqualTo("ATTENDED");
        assertThat(GATEWAY.get("/api/v1/appointments/bookings/" + calmId, calmCitizen).json().path("status").asText()).isEqualTo("NO_SHOW");
    }

    private static String slot(OffsetDateTime starts) {
        ZonedDateTime local = starts.atZoneSameInstant(AppointmentsData.NANNING);
        return local.format(HH_MM) + "–";
    }

    private static int indexOf(List<String> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no row with " + text + " in " + rows);
    }
}
