package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.portal.browser.PortalBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./civic portal screenshots}: every view of every demo staff member's menu, as that person sees it in Chromium,
 * from a running platform ({@code ./civic up --seed}), into {@code docs/portal/<role>-<view>.png} with an index in
 * {@code docs/portal/views.md}. Not part of {@code ./civic test} (it needs the seeded dev platform, not the test one).
 */
@EnabledIfSystemProperty(named = "civic.screenshots.portal", matches = "http.+")
class PortalScreenshots {

    private static final Map<String, String> STAFF = new LinkedHashMap<>();

    static {
        STAFF.put("clerk", "村（社区）代办员");
        STAFF.put("lawyer", "律师");
        STAFF.put("counsellor", "心理咨询师");
        STAFF.put("convener", "议事会召集人");
        STAFF.put("organizer", "活动组织者");
        STAFF.put("admin", "管理员");
        STAFF.put("auditor", "审计员");
    }

    @Test
    void everyViewOfEveryRole() throws IOException {
        String portal = System.getProperty("civic.screenshots.portal");
        String password = System.getProperty("civic.screenshots.password", System.getenv().getOrDefault("CIVIC_DEMO_STAFF_PASSWORD", "Civic-Admin-2025!"));
        Path out = Path.of(System.getProperty("civic.screenshots.dir", "../../docs/portal"));
        Files.createDirectories(out);
        List<String> index = new ArrayList<>(List.of("# Portal views per role", "",
                "Taken by `./civic portal screenshots` in headless Chromium (1280 × 1000) against `./civic up --seed`.", "",
                "| role | view | file |", "|---|---|---|"));
        for (Map.Entry<String, String> staff : STAFF.entrySet()) {
            try (PortalBrowser browser = PortalBrowser.open(portal)) {
                browser.driver().manage().window().setSize(new Dimension(1280, 1000));
                browser.signIn(staff.getKey(), password);
                List<WebElement> items = browser.driver().findElements(By.cssSelector("vaadin-side-nav-item"));
                List<String[]> views = new ArrayList<>();
                for (WebElement item : items) {
                    views.add(new String[]{item.getAttribute("path"), item.getText().strip()});
                }
                assertThat(views).as("menu of %s", staff.getKey()).isNotEmpty();
                for (String[] view : views) {
                    browser.visit("/" + view[0]);
                    String file = staff.getKey() + "-" + (view[0].isEmpty() ? "home" : view[0].replace('/', '-')) + ".png";
                    Files.write(out.resolve(file), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                    index.add("| " + staff.getValue() + " | " + view[1] + " | [" + file + "](" + file + ") |");
                }
            }
        }
        Files.writeString(out.resolve("views.md"), String.join("\n", index) + "\n", StandardCharsets.UTF_8);
    }
}
