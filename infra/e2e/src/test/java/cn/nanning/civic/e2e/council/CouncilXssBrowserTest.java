package cn.nanning.civic.e2e.council;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.portal.browser.PortalBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script in residents' topics and opinions reaches the screen as text, never as markup: on the public council page
 * (no sign-in) and on the convener's triage grid, in a real Chromium against the real platform.
 */
class CouncilXssBrowserTest {

    private static final String PROBE = "window.__councilXss";

    private static String council;
    private static String topic;
    private static String suffix;
    private static String title;
    private static String description;
    private static String opinion;

    @BeforeAll
    static void topicsWithScript() {
        Platform.get();
        council = CouncilData.council();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        title = "<img src=x onerror=\"" + PROBE + "=1\">路灯" + suffix;
        description = "<script>" + PROBE + "=2</script>请修路灯 " + suffix;
        topic = CouncilData.publishedTopic(council, title, description);
        opinion = "<svg onload=\"" + PROBE + "=3\"></svg><b>赞成</b>" + suffix;
        JsonNode posted = CouncilData.post("/api/v1/council/topics/" + topic + "/opinions", Map.of("content", opinion), CouncilData.citizen());
        if (!"VISIBLE".equals(posted.path("status").asText())) {
            CouncilData.post("/api/v1/council/opinions/" + posted.path("id").asText() + "/approve", Map.of(), CouncilData.convener());
        }
    }

    /**
     * The probe leaves the convener's open topics (declined): the council is shared by the end-to-end tests, and the
     * language test reads that desk for the portal's own words.
     */
    @AfterAll
    static void declineTheProbe() {
        CouncilData.post("/api/v1/council/topics/" + topic + "/decline", Map.of("reason", "测试内容，不予采纳。"), CouncilData.convener());
    }

    @Test
    void thePublicCouncilPageShowsScriptAsText() {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            browser.go("/council/public/" + council);
            WebDriver driver = browser.driver();
            WebElement heading = waitFor(driver, By.xpath("//h4[contains(@class,'public-topic-title') and contains(., '" + suffix + "')]"));
            assertThat(heading.getText()).isEqualTo(title);
            WebElement box = heading.findElement(By.xpath(".."));
            assertThat(box.findElement(By.className("public-topic-description")).getText()).isEqualTo(description);
            assertThat(box.findElements(By.className("public-opinion"))).extracting(WebElement::getText).contains(opinion);
            // Progress photos are the page's own images (class public-photo); anything else would come from residents' text.
            assertThat(driver.findElements(By.cssSelector(
                    "#council-public img:not(.public-photo), #council-public script, #council-public svg, #council-public b")))
                    .as("no element was made from residents' text").isEmpty();
            assertThat(probe(driver)).as("no injected script ran").isNull();
        }
    }

    @Test
    void theConvenersTriageGridShowsScriptAsText() {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            browser.signIn("convener", Platform.DEMO_STAFF_PASSWORD);
            browser.go("/council");
            WebDriver driver = browser.driver();
            waitFor(driver, By.id("council-tabs"));
            // The desk opens on the first council of the convener's area, which is the one the tests work in.
            waitFor(driver, By.xpath("//vaadin-tab[contains(., '议题分拣')]")).click();
            WebElement cell = waitFor(driver, By.xpath("//vaadin-grid[@id='council-topics']/vaadin-grid-cell-content[contains(., '"
                    + suffix + "') and contains(., '路灯')]"));
            assertThat(cell.getText()).isEqualTo(title);
            List<WebElement> made = driver.findElements(By.cssSelector("vaadin-grid#council-topics img, vaadin-grid#council-topics script"));
            assertThat(made).as("no element was made from residents' text").isEmpty();
            assertThat(probe(driver)).as("no injected script ran").isNull();
        }
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static Object probe(WebDriver driver) {
        return ((JavascriptExecutor) driver).executeScript("return " + PROBE + " === undefined ? null : " + PROBE + ";");
    }
}
