package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.AppointmentsData;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
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
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The village clerk's (代办员) day in a real browser, through the portal's screens only: registers a request for a
 * resident without a mobile of their own (a relative's number), accepts it with the checklist, prints the receipt and
 * reads it, opens the receipt's QR code as a stranger would, forwards, delivers, archives, records the 回访, refers
 * another resident's matter to legal aid, and books a counter legal consultation and prints its slip. Only the setting
 * up an administrator does (the point, the lawyer's hours) and the checks read the API.
 */
class ClerkJourneyBrowserTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SHOTS = Path.of("target", "clerk-journey");
    private static final String GIVEN_NAMES = "秀英桂兰建华玉梅志强海燕丽娟春生金凤明亮";

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void theClerkRegistersAcceptsPrintsFollowsUpRefersAndBooksThroughTheScreensOnly() throws Exception {
        String pointId = ProxyData.point();
        String clerk = ProxyData.token("clerk");
        String pointName = GATEWAY.get("/api/v1/proxy/points/" + pointId, clerk).json().path("name").asText();
        String itemName = GATEWAY.get("/api/v1/catalogue/items/" + ProxyData.itemCode(), clerk).json().path("name").asText();
        AppointmentsData.Provider lawyer = AppointmentsData.provider("lawyer");
        String resident = "韦" + given();
        String relativePhone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

        try (PortalBrowser browser = PortalBrowser.open(PORTAL)) {
            try {
                journey(browser, pointName, itemName, lawyer, resident, relativePhone, clerk);
            } catch (Exception | AssertionError e) {
                browser.screenshot(SHOTS.resolve("failed.png"));
                Files.writeString(SHOTS.resolve("failed.txt"), browser.visibleText());
                throw e;
            }
        }
    }

    private static void journey(PortalBrowser browser, String pointName, String itemName, AppointmentsData.Provider lawyer,
                                String resident, String relativePhone, String clerk) throws Exception {
        {
            browser.signIn("clerk", Platform.DEMO_STAFF_PASSWORD);
            browser.visit("/proxy");

            // 委托: registered at the counter, the resident has no mobile, their son's number is left.
            browser.pick("register-point", pointName).pick("register-item", itemName)
                    .fill("register-name", resident)
                    .choose("register-contact-kind", "亲属电话")
                    .fill("register-phone", relativePhone).fill("register-relation", "儿子")
                    .choose("register-channel", "当面委托")
                    .tick("register-consent")
                    .click("register-save");
            assertThat(browser.outcome("register-outcome")).startsWith("已为 " + resident + " 登记“" + itemName + "”");
            browser.screenshot(SHOTS.resolve("01-registered.png"));

            // 受理 with the checklist: a receipt number, said beside the next step.
            if (!browser.driver().findElements(By.cssSelector("vaadin-checkbox-group#proxy-checklist vaadin-checkbox")).isEmpty()) {
                browser.tickAll("proxy-checklist");
            }
            browser.click("proxy-accept");
            String accepted = browser.outcome("proxy-detail-outcome");
            Matcher number = Pattern.compile("回执编号 (DB\\d{8}-\\d{6})").matcher(accepted);
            assertThat(number.find()).as(accepted).isTrue();
            String receiptNo = number.group(1);
            assertThat(browser.text("proxy-receipt-pdf")).isEqualTo("打印受理回执（PDF）");
            browser.screenshot(SHOTS.resolve("02-accepted.png"));

            // The receipt: its number, the resident masked, and a QR code to the public progress page.
            PortalBrowser.Download receipt = browser.download("proxy-receipt-pdf");
            assertThat(receipt.contentType()).startsWith("application/pdf");
            String progressUrl;
            try (PDDocument pdf = Loader.loadPDF(receipt.bytes())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("代办受理回执", receiptNo, itemName, pointName, resident.charAt(0) + "*")
                        .doesNotContain(resident, relativePhone);
                BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
                Files.createDirectories(SHOTS);
                ImageIO.write(page, "png", SHOTS.resolve("03-receipt.png").toFile());
                progressUrl = qr(page);
            }
            assertThat(progressUrl).as("the number with its check code (numbers run in sequence)")
                    .matches(java.util.regex.Pattern.quote(PORTAL + "/proxy/receipts/" + receiptNo + "?code=") + "[0-9a-f]{12}");
            String code = progressUrl.substring(progressUrl.indexOf("?code=") + 6);

            // The QR code, opened by anyone: no sign-in, the status and the point, nothing about the resident.
            try (PortalBrowser stranger = PortalBrowser.open(PORTAL)) {
                stranger.driver().get(progressUrl);
                assertThat(stranger.text("receipt-verdict")).isEqualTo(itemName + "：已受理");
                String shown = stranger.idle().visibleText();
                assertThat(shown).contains(receiptNo, pointName, "已受理", "待办理").doesNotContain(resident, relativePhone);
                stranger.screenshot(SHOTS.resolve("04-public-progress.png"));
            }

            // 办理, 送达, 归档 (confirmed), 回访 — each said beside the button.
            browser.fill("proxy-office", "青秀区民政局").click("proxy-forward");
            assertThat(browser.outcome("proxy-detail-outcome")).isEqualTo("已送交青秀区民政局办理。");
            browser.fill("proxy-deliver-note", "高龄津贴已核准，存折已交本人").click("proxy-deliver");
            assertThat(browser.outcome("proxy-detail-outcome")).isEqualTo("已记录结果送达居民。");
            browser.clickAndConfirm("proxy-archive");
            assertThat(browser.outcome("proxy-detail-outcome")).isEqualTo("已归档，可进行回访。");
            browser.choose("proxy-satisfaction", "非常满意").fill("proxy-follow-up-comment", "儿子说办得快，不用跑县城")
                    .click("proxy-follow-up");
            assertThat(browser.outcome("proxy-detail-outcome")).isEqualTo("已记录回访：非常满意。");
            assertThat(browser.text("proxy-follow-up-score")).isEqualTo("满意度：非常满意（5 分）");
            assertThat(browser.text("proxy-follow-up-comment-recorded")).isEqualTo("居民意见：儿子说办得快，不用跑县城");
            browser.screenshot(SHOTS.resolve("05-followed-up.png"));
            JsonNode done = GATEWAY.get("/api/v1/proxy/public/receipts/" + receiptNo + "?code=" + code, null).json();
            assertThat(done.path("status").asText()).isEqualTo("FOLLOWED_UP");

            // 转介: another resident's matter goes to legal aid, with the reason confirmed; the timeline shows it.
            String other = "黄" + given();
            browser.pick("register-point", pointName).pick("register-item", itemName).fill("register-name", other)
                    .choose("register-contact-kind", "无手机（不留电话）").choose("register-channel", "当面委托")
                    .tick("register-consent").click("register-save");
            assertThat(browser.outcome("register-outcome")).startsWith("已为 " + other + " 登记");
            browser.choose("proxy-refer-target", "法律援助")
                    .clickWithReason("proxy-refer", "工伤赔偿与用人单位协商不成，需法律援助");
            assertThat(browser.outcome("proxy-refer-outcome")).isEqualTo("已转介至法律援助，对方接收后的进展会记入办理过程。");
            assertThat(browser.visibleText()).contains("转介至法律援助：工伤赔偿与用人单位协商不成，需法律援助");
            browser.screenshot(SHOTS.resolve("06-referred.png"));

            // 代约法律咨询 at the counter, and its slip to take home.
            OffsetDateTime starts = AppointmentsData.firstSlotLater(lawyer, clerk);
            ZonedDateTime local = starts.atZoneSameInstant(AppointmentsData.NANNING);
            String booked = "莫" + given();
            browser.visit("/legal-aid/assisted");
            browser.pick("assisted-lawyer", lawyer.displayName() + "（律师）")
                    .date("assisted-day", local.toLocalDate())
                    .pick("assisted-slot", local.format(DateTimeFormatter.ofPattern("HH:mm")) + "–"
                            + local.plusMinutes(30).format(DateTimeFormatter.ofPattern("HH:mm")))
                    .fill("assisted-topic", "承包地被占用，想咨询怎么维权")
                    .fill("assisted-name", booked)
                    .choose("assisted-contact-kind", "本人手机").fill("assisted-phone", relativePhone)
                    .tick("assisted-consent")
                    .click("assisted-book");
            assertThat(browser.outcome("assisted-book-outcome")).startsWith("已为 " + booked + " 预约 " + lawyer.displayName());
            browser.screenshot(SHOTS.resolve("07-booked.png"));
            PortalBrowser.Download slip = browser.download("assisted-slip");
            try (PDDocument pdf = Loader.loadPDF(slip.bytes())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("法律咨询预约单", "预约编号", lawyer.displayName(), "请携带",
                        local.format(DateTimeFormatter.ofPattern("HH:mm"))).doesNotContain(booked, relativePhone);
                ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 100), "png", SHOTS.resolve("08-slip.png").toFile());
            }
        }
    }

    /** Two Chinese given-name characters, so every run's residents differ and no Latin reaches a screen. */
    private static String given() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + GIVEN_NAMES.charAt(random.nextInt(GIVEN_NAMES.length())) + GIVEN_NAMES.charAt(random.nextInt(GIVEN_NAMES.length()));
    }

    private static String qr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
