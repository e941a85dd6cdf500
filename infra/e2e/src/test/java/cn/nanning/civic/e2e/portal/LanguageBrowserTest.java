package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.portal.browser.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal speaks Chinese: each demo staff member opens every view of their menu in Chromium (every tab, every date
 * picker's calendar, the upload of a selected request), and no Latin-alphabet word appears on screen except codes
 * and ids (which contain digits) and a few names people know as they are (PDF, JPG, TOTP …).
 */
class LanguageBrowserTest {

    /** Words people read as they are. */
    private static final Set<String> ALLOWED = Set.of("PDF", "JPG", "JPEG", "PNG", "KB", "MB", "GB", "TB", "PB", "EB", "ZB",
            "YB", "TOTP", "QR", "ID", "PHQ", "GAD", "CSV", "Excel", "App");
    /** A run of letters and digits (with the joiners of codes and addresses). */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-@]*");
    /**
     * Lower-case hexadecimal: the unique suffixes other end-to-end tests give their records ("路灯3f9a"), which share
     * this database; no word of the portal's own is written like that.
     */
    private static final Pattern TEST_SUFFIX = Pattern.compile("[0-9a-f]+");

    @BeforeAll
    static void data() {
        Platform.get();
        // A request in the clerk's queue, so the workbench shows its detail with the materials upload.
        ProxyData.requestFor("韦秀英");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clerk", "lawyer", "counsellor", "convener", "organizer", "admin", "auditor"})
    void everyViewOfTheRoleIsInChinese(String username) {
        try (PortalBrowser browser = PortalBrowser.open("http://127.0.0.1:" + Platform.PORTAL)) {
            browser.signIn(username, Platform.DEMO_STAFF_PASSWORD);
            List<String> paths = browser.driver().findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                    .map(item -> item.getAttribute("path")).toList();
            assertThat(paths).isNotEmpty();
            List<String> english = new ArrayList<>();
            for (String path : paths) {
                browser.visit("/" + path);
                collect(english, path, browser.visibleText());
                collect(english, path + " (calendars)", browser.calendarsText());
                if (selectFirstRow(browser, "proxy-grid")) {
                    collect(english, path + " (request detail)", browser.visibleText());
                }
                for (WebElement tab : browser.driver().findElements(By.cssSelector("vaadin-tab"))) {
                    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", tab);
                    browser.idle();
                    collect(english, path + " (tab " + tab.getText() + ")", browser.visibleText());
                    collect(english, path + " (tab " + tab.getText() + ", calendars)", browser.calendarsText());
                }
            }
            assertThat(english).as("Latin-alphabet words on %s's screens", username).isEmpty();
        }
    }

    /**
     * Words that are neither allowed names nor codes/ids (a code has a digit, e.g. DB20261207-000001, NN-FL-002) nor
     * other tests' record suffixes.
     */
    static List<String> latinWords(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            if (!ALLOWED.contains(word) && !word.matches(".*\\d.*") && !TEST_SUFFIX.matcher(word).matches()) {
                found.add(word);
            }
        }
        return List.copyOf(found);
    }

    private static void collect(List<String> english, String where, String text) {
        List<String> words = latinWords(text);
        if (!words.isEmpty()) {
            english.add(where + ": " + words);
        }
    }

    private static boolean selectFirstRow(PortalBrowser browser, String gridId) {
        Object clicked = ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) return false;
                const cell = grid.shadowRoot && grid.shadowRoot.querySelector('#items tr td');
                const slot = cell && cell.querySelector('slot');
                const content = slot && slot.assignedNodes()[0];
                if (!content) return false;
                content.click();
                return true;""", gridId);
        if (Boolean.TRUE.equals(clicked)) {
            browser.idle();
            return true;
        }
        return false;
    }
}
