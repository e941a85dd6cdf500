package cn.nanning.civic.e2e.indicators;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 规划指标看板 in a real Chromium against the real platform: a city administrator opens the dashboard, drills from the
 * city to a district, a township and a village (through the ranking table's links), and downloads the Excel workbook
 * and the monthly PDF report of the village, which are opened with POI and PDFBox and compared with the API.
 * The public summary opens without signing in. Screenshots land in infra/e2e/target/screenshots.
 */
class IndicatorsDashboardBrowserTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);
    private static final Path SHOTS = Path.of("target/screenshots");

    private static String admin;
    private static String district = "450103";
    private static String township;
    private static String village;

    @BeforeAll
    static void aVillageWithAServicePointAndFreshFigures() {
        Platform.get();
        ProxyData.point(); // a service point offering an item in the first village of 青秀区's first township
        admin = ProxyData.token("admin");
        township = GATEWAY.get("/api/v1/regions/" + district + "/children", admin).json().get(0).path("code").asText();
        village = GATEWAY.get("/api/v1/regions/" + township + "/children", admin).json().get(0).path("code").asText();
        Api.Response refreshed = GATEWAY.post("/api/v1/indicators/refresh", Map.of(), admin);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    void anAdministratorDrillsFromTheCityToAVillageAndDownloadsBothExports() throws Exception {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            WebDriver driver = browser.driver();
            driver.manage().window().setSize(new Dimension(1400, 1800));
            browser.signIn("admin", Platform.DEMO_STAFF_PASSWORD);
            assertThat(browser.menu()).contains("规划指标看板");
            browser.go("/indicators?indicator=proxy-coverage");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            assertThat(region(driver, wait)).isEqualTo("南宁市");
            assertThat(text(driver, wait, "status-proxy-coverage")).matches("[✔▲✘●—] .+");
            WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart[data-rendered='true'] svg")));
            scrollTo(driver, chart);
            assertThat(chart.getText()).as("the bars are labelled with the districts").contains("青秀区");
            assertThat(driver.findElement(By.id("ranking-chart")).getAttribute("aria-label")).startsWith("村（社区）政务服务办理或代办覆盖率下级区划排名条形图");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-chart[data-rendered='true'] svg")));
            shot(driver, "dashboard-city.png");

            drill(driver, wait, district, "青秀区");
            drill(driver, wait, township, name(township));
            shot(driver, "dashboard-township.png");
            drill(driver, wait, village, name(village));
            assertThat(text(driver, wait, "indicators-path")).contains("南宁市", "青秀区", name(township), name(village));
            assertThat(text(driver, wait, "ranking-note")).contains("没有下级区划");
            assertThat(text(driver, wait, "value-proxy-coverage")).isEqualTo("100.0%");
            assertThat(text(driver, wait, "status-proxy-coverage")).isEqualTo("✔ 达标");
            shot(driver, "dashboard-village.png");

            JsonNode board = GATEWAY.get("/api/v1/indicators?region=" + village, admin).json();
            byte[] xlsx = download(driver, "indicators-excel");
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet overview = book.getSheet("指标概览");
                assertThat(overview.getRow(0).getCell(0).getStringCellValue()).endsWith(name(village));
                Map<String, String> shown = new HashMap<>();
                for (int r = 5; r <= overview.getLastRowNum(); r++) {
                    Row row = overview.getRow(r);
                    shown.put(row.getCell(2).getStringCellValue(), row.getCell(4).getStringCellValue());
                }
                assertThat(shown).hasSize(board.path("indicators").size());
                for (JsonNode indicator : board.path("indicators")) {
                    assertThat(shown.get(indicator.path("name").asText())).as(indicator.path("id").asText())
                            .isEqualTo(indicator.path("valueText").asText());
                }
                assertThat(book.getSheet("下级区划").getRow(0).getCell(0).getStringCellValue()).isEqualTo(name(village) + "没有下级区划。");
                assertThat(book.getSheet("月度趋势").getRow(1).getCell(0).getStringCellValue()).matches("\\d{4}-\\d{2}");
            }
            byte[] pdf = download(driver, "indicators-pdf");
            try (PDDocument report = Loader.loadPDF(pdf)) {
                assertThat(report.getNumberOfPages()).isGreaterThan(board.path("indicators").size());
                String text = new PDFTextStripper().getText(report);
                assertThat(text).contains("南宁市规划指标月度报告", name(village), "村（社区）政务服务办理或代办覆盖率", "达标", "月度趋势");
                for (JsonNode indicator : board.path("indicators")) {
                    assertThat(text).contains(indicator.path("name").asText());
                }
            }

            driver.navigate().back();
            wait.until(d -> name(township).equals(regionText(d)));
        }
    }

    @Test
    void thePublicSummaryOpensWithoutSigningInAndComparesTheDistricts() throws IOException {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            WebDriver driver = browser.driver();
            driver.manage().window().setSize(new Dimension(1400, 1800));
            browser.go("/indicators/public?indicator=proxy-coverage");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-proxy-coverage")));
            WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranking-chart[data-rendered='true'] svg")));
            scrollTo(driver, chart);
            assertThat(chart.getText()).contains("青秀区", "横州市");
            assertThat(driver.findElements(By.cssSelector("[id^='open-']"))).as("no drill-down below the districts").isEmpty();
            shot(driver, "public-summary.png");
        }
        assertThat(GATEWAY.get("/api/v1/indicators/public", null).status()).isEqualTo(200);
        Api.Response closed = GATEWAY.get("/api/v1/indicators?region=450100", null);
        assertThat(closed.status()).isEqualTo(401);
        assertThat(closed.contentType()).startsWith("application/problem+json");
    }

    private static String name(String code) {
        return GATEWAY.get("/api/v1/regions/" + code, admin).json().path("name").asText();
    }

    private static String region(WebDriver driver, WebDriverWait wait) {
        return text(driver, wait, "indicators-region");
    }

    /** The region the dashboard shows, read from the page whether or not it is scrolled into view. */
    private static String regionText(WebDriver driver) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const e = document.getElementById('indicators-region'); return e ? e.textContent.trim() : null;");
        return text == null ? null : text.toString();
    }

    /** An element's text once it is on the page, scrolled into view first (the app layout scrolls its content itself). */
    private static String text(WebDriver driver, WebDriverWait wait, String id) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        scrollTo(driver, element);
        return wait.until(ExpectedConditions.visibilityOf(element)).getText().strip();
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Opens the ranking's table view and follows the child region's link, then waits for the dashboard of that region. */
    private static void drill(WebDriver driver, WebDriverWait wait, String code, String name) {
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-details")));
        if (!"true".equals(details.getDomProperty("opened"))) {
            WebElement summary = details.findElement(By.cssSelector("vaadin-details-summary"));
            scrollTo(driver, summary);
            summary.click();
        }
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-" + code)));
        scrollTo(driver, link);
        wait.until(ExpectedConditions.elementToBeClickable(link)).click();
        wait.until(d -> name.equals(regionText(d)));
        assertThat(driver.getCurrentUrl()).contains("region=" + code);
    }

    /** Fetches the link's file in the page, with the browser's own session, as a click on it would. */
    private static byte[] download(WebDriver driver, String id) {
        String href = driver.findElement(By.id(id)).getAttribute("href");
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
                  .then(buffer => {
                    const bytes = new Uint8Array(buffer);
                    let text = '';
                    for (let i = 0; i < bytes.length; i += 8192) { text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192)); }
                    done(btoa(text));
                  })
                  .catch(e => done('ERROR ' + e));""", href);
        assertThat(answer).asString().doesNotStartWith("ERROR");
        return Base64.getDecoder().decode(answer.toString());
    }

    private static void shot(WebDriver driver, String file) throws IOException {
        ((JavascriptExecutor) driver).executeScript("const h = document.querySelector('h1, h2'); if (h) { h.scrollIntoView(); }");
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(file), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
