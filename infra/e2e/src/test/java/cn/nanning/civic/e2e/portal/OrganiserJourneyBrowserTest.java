package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.platform.VolunteerData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer organiser's (志愿活动组织者) day in a real browser, through the portal's screens only: publishes next
 * week's activity through the form (region picked level by level) and changes it; publishes this morning's river
 * clean-up and shows its rotating check-in QR code, which the volunteers scan; reads the roster with the volunteers'
 * names and numbers (the read recorded); confirms the hours in the confirmation dialog; issues a certificate and
 * downloads its PDF; cancels next week's activity with a reason. The volunteers' part (registering, signing up,
 * scanning in and out, the check-in moved back to the start of the morning) is set up through the API and the
 * database; the checks read the API.
 */
class OrganiserJourneyBrowserTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SHOTS = Path.of("target", "organiser-journey");
    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void theOrganiserPublishesChangesChecksInConfirmsHoursCertifiesAndCancels() throws Exception {
        VolunteerData.Volunteer first = VolunteerData.register();
        VolunteerData.Volunteer second = VolunteerData.register();
        String village = VolunteerData.village();
        String admin = ProxyData.token("admin");
        String townshipName = name(GATEWAY.get("/api/v1/regions/" + village.substring(0, 6) + "/children", admin).json(), village.substring(0, 9));
        String villageName = name(GATEWAY.get("/api/v1/regions/" + village.substring(0, 9) + "/children", admin).json(), village);

        try (PortalBrowser browser = PortalBrowser.open(PORTAL)) {
            try {
                journey(browser, first, second, townshipName, villageName, village);
            } catch (Exception | AssertionError e) {
                browser.screenshot(SHOTS.resolve("failed.png"));
                Files.writeString(SHOTS.resolve("failed.txt"), browser.visibleText());
                throw e;
            }
        }
    }

    private static void journey(PortalBrowser browser, VolunteerData.Volunteer first, VolunteerData.Volunteer second,
                                String townshipName, String villageName, String village) throws Exception {
        int run = ThreadLocalRandom.current().nextInt(1000, 10000);
        String organiser = ProxyData.token("organizer");
        browser.signIn("organizer", Platform.DEMO_STAFF_PASSWORD);
        assertThat(browser.menu()).contains("志愿服务");
        browser.visit("/volunteers");
        assertThat(browser.visibleText()).contains("我组织的活动", "报名名单", "签到与服务时长");

        // Next week's visit, through the form.
        String visit = "社区敬老探访 " + run;
        LocalDateTime nextWeek = LocalDateTime.now(NANNING).plusDays(7).withHour(9).withMinute(0).withSecond(0).withNano(0);
        fillActivity(browser, visit, "思贤社区活动室", townshipName, villageName, nextWeek, nextWeek.plusHours(2), 90, 8);
        browser.click("activity-save");
        assertThat(browser.outcome("activity-form-outcome")).isEqualTo("已发布“" + visit + "”，志愿者可在小程序中报名。");
        assertThat(browser.rows("volunteer-activities")).anySatisfy(row -> assertThat(row).contains(visit, "思贤社区活动室", "0 / 8", "已发布"));
        browser.screenshot(SHOTS.resolve("01-published.png"));

        // Changed: more places.
        browser.selectRow("volunteer-activities", visit).click("activity-edit");
        assertThat(browser.outcome("activity-outcome")).isEqualTo("已在下方表单中打开“" + visit + "”，修改后点击“保存修改”。");
        browser.fill("activity-capacity", "12").click("activity-save");
        assertThat(browser.outcome("activity-form-outcome")).startsWith("已保存“" + visit + "”的修改");
        assertThat(browser.rows("volunteer-activities")).anySatisfy(row -> assertThat(row).contains(visit, "0 / 12"));
        String visitId = activityId(organiser, visit);
        assertThat(GATEWAY.get("/api/v1/volunteers/activities/" + visitId, organiser).json().path("capacity").asInt()).isEqualTo(12);

        // This morning's river clean-up, published through the form (it runs now), and the volunteers' sign-ups.
        String cleanUp = "邕江河岸清洁 " + run;
        LocalDateTime morning = LocalDateTime.now(NANNING).truncatedTo(ChronoUnit.HOURS).minusHours(2);
        browser.click("activity-new");
        fillActivity(browser, cleanUp, "邕江大桥北岸", townshipName, villageName, morning, morning.plusHours(4), 90, 10);
        browser.click("activity-save");
        assertThat(browser.outcome("activity-form-outcome")).isEqualTo("已发布“" + cleanUp + "”，志愿者可在小程序中报名。");
        String cleanUpId = activityId(organiser, cleanUp);
        assertThat(GATEWAY.get("/api/v1/volunteers/activities/" + cleanUpId, organiser).json().path("regionCode").asText()).isEqualTo(village);
        VolunteerData.signUp(first, cleanUpId);
        VolunteerData.signUp(second, cleanUpId);

        // The rotating check-in code, shown as a QR code and digits; the volunteers scan it.
        browser.visit("/volunteers");
        browser.selectRow("volunteer-activities", cleanUp);
        String checkInPage = browser.href("activity-check-in");
        assertThat(checkInPage).endsWith("/volunteers/check-in/" + cleanUpId);
        browser.visit(checkInPage.substring(PORTAL.length()));
        String digits = browser.text("check-in-digits").replace(" ", "");
        assertThat(digits).matches("\\d{6}");
        assertThat(browser.text("check-in-until")).startsWith("签到码每 2 分钟自动更换");
        String scanned = qr(browser.elementPng("#check-in-qr img"));
        assertThat(scanned).isEqualTo("civic-checkin:" + cleanUpId + ":" + digits);
        browser.screenshot(SHOTS.resolve("02-check-in-code.png"));
        for (VolunteerData.Volunteer v : List.of(first, second)) {
            VolunteerData.check(v, cleanUpId, "check-in", digits);
            VolunteerData.checkedInAt(v, cleanUpId, morning.plusMinutes(5).atZone(NANNING).toInstant());
        }
        browser.driver().navigate().refresh();
        String now = browser.idle().text("check-in-digits").replace(" ", "");
        for (VolunteerData.Volunteer v : List.of(first, second)) {
            assertThat(VolunteerData.check(v, cleanUpId, "check-out", now).path("qualifies").asBoolean()).isTrue();
        }

        // The roster, masked; the names and numbers on request, the read recorded.
        browser.visit("/volunteers");
        browser.selectRow("volunteer-activities", cleanUp);
        assertThat(browser.rows("volunteer-signups")).hasSize(2).allSatisfy(row -> assertThat(row).startsWith("黄**").contains("已报名"));
        browser.click("volunteer-show-contacts");
        assertThat(browser.outcome("volunteers-contacts-outcome")).isEqualTo("已显示 2 名志愿者的联系方式，本次查看已记录。");
        assertThat(browser.rows("volunteer-roster-contacts")).hasSize(2).allSatisfy(row -> assertThat(row).contains("黄丽萍", "13977112345"));
        browser.screenshot(SHOTS.resolve("03-roster.png"));

        // The hours: both stayed long enough; confirmed in the dialog.
        assertThat(browser.rows("volunteer-attendance")).hasSize(2).allSatisfy(row -> assertThat(row).contains("达标", "待确认"));
        browser.click("volunteer-confirm");
        assertThat(browser.visibleText()).contains("将为所选活动中所有已签退且达到最低时长的志愿者确认服务时长");
        browser.click("volunteer-confirm-confirm");
        assertThat(browser.outcome("volunteers-hours-outcome")).isEqualTo("已确认 2 名志愿者的服务时长。");
        assertThat(browser.rows("volunteer-attendance")).allSatisfy(row -> assertThat(row).contains("已确认"));
        browser.screenshot(SHOTS.resolve("04-hours-confirmed.png"));

        // A certificate for one of them, in the organisation's name, and its PDF.
        browser.fill("certificate-issuer", "青秀区志愿者协会").fill("certificate-contact", "0771-5551234");
        browser.clickInRow("volunteer-attendance", "黄**", "出具证明");
        String issued = browser.outcome("certificate-outcome");
        assertThat(issued).startsWith("已为 黄** 出具志愿服务证明，编号 ").contains("；志愿者可在小程序和门户下载。");
        String number = issued.replaceAll(".*编号 (\\S+)，.*", "$1");
        assertThat(browser.text("certificate-pdf")).isEqualTo("下载证明 " + number + "（PDF）");
        PortalBrowser.Download pdf = browser.download("certificate-pdf");
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("志愿服务证明", "证明编号：" + number, "黄**", "青秀区志愿者协会", "0771-5551234")
                    .doesNotContain("黄丽萍", first.idNumber(), second.idNumber());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png", SHOTS.resolve("05-certificate.png").toFile());
        }
        browser.screenshot(SHOTS.resolve("06-certificate-issued.png"));

        // The other volunteer asks for a certificate in the mini-program; the request waits in the portal and is issued there.
        Api.Response asked = GATEWAY.post("/api/v1/volunteers/me/certificate-requests",
                java.util.Map.of("kind", "SERVICE_HOURS", "purpose", "求职材料 " + run), second.token());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        browser.visit("/volunteers");
        assertThat(browser.rows("certificate-requests")).anySatisfy(row -> assertThat(row).contains("黄**", "志愿服务时长证明", "求职材料 " + run));
        browser.fill("certificate-issuer", "青秀区志愿者协会").fill("certificate-contact", "0771-5551234");
        browser.clickInRow("certificate-requests", "求职材料 " + run, "出具证明");
        assertThat(browser.outcome("certificate-requests-outcome")).startsWith("已按申请为 黄** 出具志愿服务时长证明，编号 ").endsWith("；已通知志愿者。");
        assertThat(browser.rows("certificate-requests")).noneSatisfy(row -> assertThat(row).contains("求职材料 " + run));
        assertThat(GATEWAY.get("/api/v1/volunteers/me/certificate-requests", second.token()).json().path("items").get(0).path("statusLabel").asText())
                .isEqualTo("已出具");
        browser.screenshot(SHOTS.resolve("06b-certificate-request-issued.png"));

        // Next week's visit is called off, with the reason the volunteers will read.
        browser.selectRow("volunteer-activities", visit).clickWithReason("activity-cancel", "天气预报有台风，活动改期另行通知");
        assertThat(browser.outcome("activity-outcome")).isEqualTo("已取消“" + visit + "”，已通知报名的志愿者。");
        assertThat(browser.rows("volunteer-activities")).anySatisfy(row -> assertThat(row).contains(visit, "已取消"));
        browser.screenshot(SHOTS.resolve("07-cancelled.png"));
        assertThat(GATEWAY.get("/api/v1/volunteers/activities/" + visitId, organiser).json().path("status").asText()).isEqualTo("CANCELLED");
        JsonNode attendance = GATEWAY.get("/api/v1/volunteers/activities/" + cleanUpId + "/attendance", organiser).json();
        assertThat(attendance).hasSize(2).allSatisfy(row -> assertThat(row.path("confirmed").asBoolean()).isTrue());
    }

    private static void fillActivity(PortalBrowser browser, String title, String place, String township, String village,
                                     LocalDateTime starts, LocalDateTime ends, int planned, int capacity) {
        browser.fill("activity-title", title).fill("activity-place", place)
                .pick("activity-region-township", township).pick("activity-region-village", village)
                .dateTime("activity-starts", starts).dateTime("activity-ends", ends)
                .fill("activity-planned", String.valueOf(planned)).fill("activity-capacity", String.valueOf(capacity));
    }

    private static String activityId(String organiser, String title) {
        for (JsonNode a : GATEWAY.get("/api/v1/volunteers/activities/organised", organiser).json()) {
            if (a.path("title").asText().equals(title)) {
                return a.path("id").asText();
            }
        }
        throw new AssertionError("not published: " + title);
    }

    private static String name(JsonNode regions, String code) {
        for (JsonNode r : regions) {
            if (r.path("code").asText().equals(code)) {
                return r.path("name").asText();
            }
        }
        throw new IllegalStateException("no region " + code + " in " + regions);
    }

    private static String qr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
