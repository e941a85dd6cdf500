package cn.nanning.civic.e2e.council;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import static cn.nanning.civic.e2e.council.CouncilData.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The council convener's (议事会召集人) day in a real browser, through the portal's screens only: sets up the 老友议事会
 * of a village that has none (picked township, then village), reads its public address and QR code, finds it in the
 * public index in a signed-out browser; accepts one resident's topic and declines another with a public reason;
 * schedules a meeting on the accepted topic; registers 四议 (proposal, two committees, Party members' review,
 * representatives' resolution); publishes the resolution and a first implementation report; and sees all of it on
 * the public page, signed out. Residents' topics are proposed through the API as the residents; the checks read the API.
 */
class ConvenerJourneyBrowserTest {

    private static final String PORTAL = "http://127.0.0.1:" + Platform.PORTAL;
    private static final Path SHOTS = Path.of("target", "convener-journey");
    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void theConvenerSetsUpACouncilTriagesSchedulesRegistersTheStepsAndPublishesTheResolution() throws Exception {
        JsonNode village = CouncilData.villageWithoutCouncil();
        String code = village.path("code").asText();
        String villageName = village.path("name").asText();
        String townshipName = null;
        for (JsonNode t : GATEWAY.get("/api/v1/regions/" + code.substring(0, 6) + "/children", CouncilData.convener()).json()) {
            if (t.path("code").asText().equals(code.substring(0, 9))) {
                townshipName = t.path("name").asText();
            }
        }
        assertThat(townshipName).isNotNull();

        try (PortalBrowser browser = PortalBrowser.open(PORTAL)) {
            try {
                journey(browser, townshipName, villageName, code);
            } catch (Exception | AssertionError e) {
                browser.screenshot(SHOTS.resolve("failed.png"));
                Files.writeString(SHOTS.resolve("failed.txt"), browser.visibleText());
                throw e;
            }
        }
    }

    private static void journey(PortalBrowser browser, String townshipName, String villageName, String code) throws Exception {
        int run = ThreadLocalRandom.current().nextInt(1000, 10000);
        String councilName = villageName + "老友议事会";
        browser.signIn("convener", Platform.DEMO_STAFF_PASSWORD);
        assertThat(browser.menu()).contains("老友议事会");
        browser.visit("/council");

        // 设立议事会: the village picked level by level; the name and the charter template follow.
        browser.expand("council-new");
        browser.pick("council-new-village-township", townshipName).pick("council-new-village-village", villageName);
        assertThat(browser.value("council-new-name")).isEqualTo(councilName);
        assertThat(browser.value("council-new-charter")).contains("四议两公开");
        browser.screenshot(SHOTS.resolve("01-new-council.png"));
        browser.click("council-new-save");
        assertThat(browser.outcome("council-new-outcome")).isEqualTo("已设立“" + councilName + "”。公开栏网址和二维码在“议事会”页签。");

        // The public address and its QR code, the same address.
        String address = browser.value("council-public-url");
        assertThat(address).startsWith(PORTAL + "/council/public/");
        String councilId = address.substring(address.lastIndexOf('/') + 1);
        assertThat(qr(browser.elementPng("#council-public-qr img"))).isEqualTo(address);
        browser.screenshot(SHOTS.resolve("02-public-address.png"));
        JsonNode listed = GATEWAY.get("/api/v1/council/councils?region=" + code, CouncilData.convener()).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(councilId);

        // Anyone finds it in the public index, signed out, by the village's name, and opens its page.
        try (PortalBrowser resident = PortalBrowser.open(PORTAL)) {
            resident.visit("/council/public");
            resident.fill("council-index-search", villageName);
            resident.idle();
            assertThat(resident.text("council-index-list")).contains(councilName, townshipName);
            resident.driver().findElements(By.cssSelector("#council-index-list a")).stream()
                    .filter(a -> a.getText().trim().equals(councilName)).findFirst().orElseThrow().click();
            resident.idle();
            assertThat(resident.text("council-public-name")).startsWith(councilName);
            assertThat(resident.currentPath()).isEqualTo("/council/public/" + councilId);
            resident.screenshot(SHOTS.resolve("03-public-index.png"));
        }

        // Residents propose topics (their part, from the mini-program).
        String lamps = "村口路灯维修 " + run;
        String highway = "修建高速公路出口 " + run;
        CouncilData.publishedTopic(councilId, lamps, "村口路灯坏了三个月，晚上老人出行不便。");
        String highwayId = CouncilData.publishedTopic(councilId, highway, "希望在村边开一个高速公路出口。");

        // 议题分拣: accept one; decline the other with a public reason, confirmed.
        browser.tab("council-tabs", "议题分拣");
        assertThat(browser.rows("council-topics")).anySatisfy(row -> assertThat(row).contains(lamps, "征集中"))
                .anySatisfy(row -> assertThat(row).contains(highway));
        browser.selectRow("council-topics", lamps).click("council-accept");
        assertThat(browser.outcome("council-triage-outcome")).isEqualTo("议题“" + lamps + "”已采纳。");
        String reason = "超出村级事务范围，已转交区交通运输部门";
        browser.selectRow("council-topics", highway).fill("council-triage-reason", reason).clickAndConfirm("council-decline");
        assertThat(browser.outcome("council-triage-outcome")).isEqualTo("议题“" + highway + "”已标记为不采纳，理由已公开。");
        assertThat(browser.rows("council-topics")).noneSatisfy(row -> assertThat(row).contains(highway));
        browser.screenshot(SHOTS.resolve("04-triaged.png"));
        JsonNode declined = GATEWAY.get("/api/v1/council/topics/" + highwayId, CouncilData.convener()).json();
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("publicReason").asText()).isEqualTo(reason);

        // 议事会议: tomorrow evening, on the accepted topic.
        String meeting = "路灯维修议事会议 " + run;
        LocalDateTime tomorrow = LocalDateTime.now(NANNING).plusDays(1).withHour(19).withMinute(30).withSecond(0).withNano(0);
        browser.tab("council-tabs", "议事会议");
        browser.fill("council-meeting-title", meeting).fill("council-meeting-place", "村委会会议室")
                .dateTime("council-meeting-start", tomorrow).dateTime("council-meeting-end", tomorrow.plusMinutes(90))
                .pickMany("council-meeting-agenda", lamps)
                .click("council-schedule");
        assertThat(browser.outcome("council-schedule-outcome")).isEqualTo("会议“" + meeting + "”已安排，已在公开栏发布。");
        assertThat(browser.rows("council-meetings")).anySatisfy(row -> assertThat(row).contains(meeting, "村委会会议室", lamps));
        browser.screenshot(SHOTS.resolve("05-meeting.png"));

        // 四议: the matter opened on the accepted topic, then each step registered in order.
        String matter = "维修村口路灯 " + run;
        browser.tab("council-tabs", "四议两公开登记");
        browser.fill("council-decision-title", matter).pick("council-decision-topic", lamps)
                .fill("council-decision-matter", "使用村集体收入 6000 元更换村口 8 盏路灯。")
                .click("council-open-decision");
        assertThat(browser.outcome("council-open-outcome")).startsWith("事项“" + matter + "”已发起");
        browser.selectRow("council-decisions", matter);
        assertThat(browser.text("council-next-step")).isEqualTo("下一步：党组织提议");
        LocalDateTime evening = LocalDateTime.now(NANNING).minusDays(5).withHour(19).withMinute(30).withSecond(0).withNano(0);
        hold(browser, "党组织提议", "党组织提议", evening, 7, 7, 7);
        hold(browser, "两委会商议", "两委会商议", evening.plusDays(1), 11, 10, 9);
        hold(browser, "党员大会审议", "党员大会审议", evening.plusDays(2), 30, 25, 20);
        hold(browser, "村民会议（代表会议）决议", "村民会议或村民代表会议决议", evening.plusDays(3), 45, 31, 25);
        assertThat(browser.rows("council-register")).hasSize(4)
                .allSatisfy(row -> assertThat(row).doesNotContain("✗"));
        browser.screenshot(SHOTS.resolve("06-steps.png"));

        // 决议公开 (confirmed) and a first implementation report.
        String resolution = "经村民代表会议表决通过：使用村集体收入 6000 元更换村口 8 盏路灯，一个月内完工。" + run;
        browser.tab("council-tabs", "决议与实施公开");
        browser.pickStartingWith("council-publication-decision", matter + "（")
                .fill("council-resolution-content", resolution)
                .clickAndConfirm("council-publish-resolution");
        assertThat(browser.outcome("council-resolution-outcome")).isEqualTo("决议已公开，订阅居民将收到通知。");
        browser.fill("council-progress-percent", "20").fill("council-progress-note", "已采购路灯，下周安装").click("council-report-progress");
        assertThat(browser.outcome("council-progress-outcome")).startsWith("实施进度 20% 已公开。");
        browser.screenshot(SHOTS.resolve("07-published.png"));

        // The public page, signed out: the accepted topic, the declined one with its reason, the meeting, the resolution.
        try (PortalBrowser resident = PortalBrowser.open(PORTAL)) {
            resident.visit("/council/public/" + councilId);
            String page = resident.visibleText();
            assertThat(page).contains(councilName, lamps, highway, "理由：" + reason, resolution, "进度 20%：已采购路灯，下周安装",
                    meeting + "（村委会会议室）");
            resident.screenshot(SHOTS.resolve("08-public-page.png"));
        }
        JsonNode publicPage = GATEWAY.get("/api/v1/council/public/councils/" + councilId, null).json();
        assertThat(publicPage.path("resolutions").toString()).contains(matter);
        assertThat(ProxyData.token("convener")).isNotBlank();
    }

    /** Registers one step: chosen in the list by its option, said in the register by the services' label. */
    private static void hold(PortalBrowser browser, String option, String step, LocalDateTime heldAt, int expected, int present,
                             int votesFor) {
        browser.select("council-step", option).dateTime("council-step-held-at", heldAt)
                .fill("council-step-motion", "村党支部委员会")
                .fill("council-step-expected", String.valueOf(expected)).fill("council-step-actual", String.valueOf(present))
                .fill("council-step-for", String.valueOf(votesFor)).fill("council-step-against", String.valueOf(present - votesFor))
                .fill("council-step-abstain", "0")
                .click("council-register-step");
        assertThat(browser.outcome("council-step-outcome")).startsWith("已登记：" + step + "，");
        assertThat(browser.rows("council-register")).anySatisfy(row -> assertThat(row).startsWith(step));
    }

    private static String qr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
