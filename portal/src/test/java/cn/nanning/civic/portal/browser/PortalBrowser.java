package cn.nanning.civic.portal.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.List;

/**
 * Drives the portal in a headless Debian Chromium (no Selenium Manager, no downloads). Reusable by the e2e module:
 * {@code try (var browser = PortalBrowser.open("http://127.0.0.1:18083")) { browser.signIn("admin", "pw"); }}.
 * Binaries default to /usr/bin/chromium and /usr/bin/chromedriver; override with CHROME_BIN and CHROMEDRIVER.
 */
public final class PortalBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Debian's Chromium is newer than the DevTools versions Selenium ships; we use WebDriver only. Held strongly
     * because java.util.logging forgets the level of loggers nobody references.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium"));

    private final String baseUrl;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private PortalBrowser(String baseUrl, WebDriver driver) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    public static PortalBrowser open(String baseUrl) {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.OFF));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=zh-CN", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new PortalBrowser(baseUrl, new ChromeDriver(service, options));
    }

    /** Opens a path (e.g. "/login") and waits until Vaadin has rendered a view into the page. */
    public PortalBrowser go(String path) {
        driver.get(baseUrl + path);
        wait.until(d -> !d.findElements(By.cssSelector("#outlet > *, body > vaadin-app-layout, #login, #home")).isEmpty());
        return this;
    }

    /** Waits for the login form to render and returns it. */
    public LoginForm loginForm() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-text-field#username input")));
        return new LoginForm();
    }

    /** Signs in through the login page and waits for the home view. */
    public PortalBrowser signIn(String username, String password) {
        go("/login").loginForm().submit(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        return this;
    }

    /** Labels of the side menu entries, in order. */
    public List<String> menu() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-side-nav-item")));
        return driver.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .map(item -> item.getText().trim()).toList();
    }

    public String signedInUser() {
        return driver.findElement(By.id("signed-in-user")).getText();
    }

    public void signOut() {
        driver.findElement(By.id("sign-out")).click();
        loginForm();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String htmlLang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits until Vaadin has no request in flight (the page reflects the server's last answer). */
    public PortalBrowser idle() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + "return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive());")));
        return this;
    }

    /** Opens a path, waits for the view and for Vaadin to settle. */
    public PortalBrowser visit(String path) {
        return go(path).idle();
    }

    /**
     * Every piece of text a person can see on the page right now, including inside web components' shadow trees and
     * open overlays (date picker calendars, dialogs), plus placeholders of empty fields. Text that is not rendered
     * (hidden, unslotted fallback content, closed overlays) is left out.
     */
    public String visibleText() {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const out = [];
                const walk = node => {
                  if (node.nodeType === Node.TEXT_NODE) {
                    if (node.textContent.trim()) {
                      const range = document.createRange();
                      range.selectNodeContents(node);
                      if (range.getClientRects().length > 0) out.push(node.textContent.trim());
                    }
                    return;
                  }
                  if (node.nodeType === Node.ELEMENT_NODE) {
                    if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(node.tagName)) return;
                    if ((node.tagName === 'INPUT' || node.tagName === 'TEXTAREA') && !node.value && node.placeholder
                        && node.getClientRects().length > 0) out.push(node.placeholder);
                    if (node.shadowRoot) walk(node.shadowRoot);
                  }
                  node.childNodes.forEach(walk);
                };
                walk(document.body);
                return out.join(String.fromCharCode(10));""");
        return text == null ? "" : text.toString();
    }

    /** Opens each date picker's calendar in turn and returns what the calendars show (month names, weekdays, buttons). */
    public String calendarsText() {
        StringBuilder all = new StringBuilder();
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        Number count = (Number) js.executeScript("return document.querySelectorAll('vaadin-date-picker').length;");
        for (int n = 0; n < count.intValue(); n++) {
            final int i = n;
            Boolean opened = (Boolean) js.executeScript("""
                    const picker = document.querySelectorAll('vaadin-date-picker')[arguments[0]];
                    if (!picker || picker.getClientRects().length === 0 || picker.disabled || picker.readonly) return false;
                    picker.open();
                    return true;""", i);
            if (!Boolean.TRUE.equals(opened)) {
                continue;
            }
            wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
                    const overlay = document.querySelector('vaadin-date-picker-overlay[opened]');
                    return !!overlay && overlay.textContent !== null
                        && !!document.querySelector('vaadin-date-picker-overlay-content')
                        && document.querySelector('vaadin-date-picker-overlay-content').shadowRoot !== null;""")));
            // The month calendars render asynchronously after the overlay opens.
            wait.until(d -> visibleText().contains(((String) js.executeScript(
                    "return document.querySelectorAll('vaadin-date-picker')[arguments[0]].i18n.cancel;", i))));
            all.append(visibleText()).append('\n');
            js.executeScript("document.querySelectorAll('vaadin-date-picker')[arguments[0]].close();", i);
            wait.until(d -> Boolean.TRUE.equals(js.executeScript("return !document.querySelector('vaadin-date-picker-overlay[opened]');")));
        }
        return all.toString();
    }

    /** Signs in with a one-time code: password first, then the code once the login page asks for it. */
    public PortalBrowser signIn(String username, String password, java.util.function.Supplier<String> otp) {
        go("/login").loginForm().submit(username, password);
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-text-field#otp input")));
        code.sendKeys(otp.get());
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome")));
        return this;
    }

    /** Opens a view through its side-menu entry, as a person does, and waits for Vaadin to settle. */
    public PortalBrowser openMenu(String label) {
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .filter(e -> e.getText().trim().equals(label)).findFirst().orElse(null));
        js().executeScript("arguments[0].scrollIntoView(); arguments[0].shadowRoot.querySelector('a').click();", item);
        return idle();
    }

    /** Clicks the component with this id (a button, a link) once it can be clicked, then waits for Vaadin to settle. */
    public PortalBrowser click(String id) {
        // Brought into view first: an element scrolled away inside the layout's scroller does not count as visible.
        scrollTo(wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))));
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        scrollTo(element);
        element.click();
        return idle();
    }

    /** Types into a text field or text area (by the component's id) and leaves it, so the server gets the value. */
    public PortalBrowser fill(String id, String value) {
        WebElement input = inView(By.cssSelector("#" + id + " > input, #" + id + " > textarea, #" + id + " input, #" + id + " textarea"));
        wait.until(ExpectedConditions.elementToBeClickable(input));
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        input.sendKeys(value);
        if ("vaadin-date-picker".equals(driver.findElement(By.id(id)).getTagName())) {
            // Typing opens the calendar; Enter takes the typed date and closes it.
            input.sendKeys(org.openqa.selenium.Keys.ENTER);
            wait.until(d -> Boolean.TRUE.equals(js().executeScript(
                    "return !document.querySelector('vaadin-date-picker-overlay[opened]');")));
        }
        input.sendKeys(org.openqa.selenium.Keys.TAB);
        return idle();
    }

    /** Types a day into a date picker (by id, in its yyyy-MM-dd format) and commits it with Enter, closing the calendar. */
    public PortalBrowser date(String id, java.time.LocalDate day) {
        WebElement input = inView(By.cssSelector("vaadin-date-picker#" + id + " input"));
        scrollTo(input);
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), day.toString());
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !document.querySelector('vaadin-date-picker-overlay[opened]');")));
        return idle();
    }

    /** Picks an option of a combo box by the text it shows (typed to filter, then clicked in the list). */
    public PortalBrowser pick(String id, String label) {
        return pickOption(id, label, text -> text.equals(label));
    }

    /** Picks the first option of a combo box whose text starts with what is typed (e.g. a label with a status after it). */
    public PortalBrowser pickStartingWith(String id, String typed) {
        return pickOption(id, typed, text -> text.startsWith(typed));
    }

    /** Types into a combo box (by id) as a person does and clicks the first shown option the text matches. */
    private PortalBrowser pickOption(String id, String typed, java.util.function.Predicate<String> matches) {
        WebElement input = inView(By.cssSelector("vaadin-combo-box#" + id + " input"));
        scrollTo(input);
        input.click();
        input.clear();
        input.sendKeys(typed);
        idle();
        WebElement option = wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && matches.test(item.getText().trim())).findFirst().orElse(null));
        option.click();
        return idle();
    }

    /** Adds an option to a multi-select combo box (by id) by the text it shows, then closes its list. */
    public PortalBrowser pickMany(String id, String label) {
        WebElement input = inView(By.cssSelector("vaadin-multi-select-combo-box#" + id + " input"));
        scrollTo(input);
        input.click();
        input.sendKeys(label);
        idle();
        WebElement option = wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null));
        option.click();
        input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        input.sendKeys(org.openqa.selenium.Keys.TAB);
        return idle();
    }

    /** Chooses an option of a select (by id) by the text it shows. */
    public PortalBrowser select(String id, String label) {
        WebElement select = inView(By.cssSelector("vaadin-select#" + id));
        scrollTo(select);
        select.click();
        // The select shows its value as a copy of the chosen item; the options are the ones in the opened list.
        WebElement option = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item[role='option']")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElse(null));
        option.click();
        return idle();
    }

    /** Opens a collapsed details section (by id) by clicking its summary, as a person would; leaves an open one open. */
    public PortalBrowser expand(String detailsId) {
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-details#" + detailsId)));
        // The property, not getAttribute: WebDriver reports a false property as the string "false".
        if (!Boolean.TRUE.equals(js().executeScript("return arguments[0].opened;", details))) {
            WebElement summary = details.findElement(By.cssSelector("[slot='summary']"));
            scrollTo(summary);
            summary.click();
            idle();
        }
        return this;
    }

    /** Opens the tab showing this label in a tab sheet (by id). */
    public PortalBrowser tab(String tabSheetId, String label) {
        WebElement tab = wait.until(d -> d.findElements(By.cssSelector("vaadin-tabsheet#" + tabSheetId + " vaadin-tab")).stream()
                .filter(t -> t.getText().trim().equals(label)).findFirst().orElse(null));
        scrollTo(tab);
        tab.click();
        return idle();
    }

    /** The value of an input field (text field, text area) by the component's id, as shown. */
    public String value(String id) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + id + " > input, #" + id + " > textarea, #" + id + " input, #" + id + " textarea")));
        return input.getDomProperty("value");
    }

    /** Chooses the radio button of a group (by the group's id) that shows this label. */
    public PortalBrowser choose(String groupId, String label) {
        WebElement radio = wait.until(d -> d.findElements(By.cssSelector("vaadin-radio-group#" + groupId + " vaadin-radio-button"))
                .stream().filter(button -> String.valueOf(button.getDomProperty("textContent")).trim().equals(label)).findFirst().orElse(null));
        // textContent, not getText: a radio scrolled away inside the layout's scroller reads as empty to WebDriver.
        scrollTo(radio);
        radio.findElement(By.cssSelector("input")).click();
        return idle();
    }

    /** Ticks a checkbox (by id) when it is not ticked yet. */
    public PortalBrowser tick(String id) {
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-checkbox#" + id)));
        scrollTo(box);
        if (box.getAttribute("checked") == null) {
            box.findElement(By.cssSelector("input")).click();
        }
        return idle();
    }

    /** Ticks every option of a checkbox group (e.g. a materials checklist). */
    public PortalBrowser tickAll(String groupId) {
        List<WebElement> boxes = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("vaadin-checkbox-group#" + groupId + " vaadin-checkbox"));
            return found.isEmpty() ? null : found;
        });
        for (WebElement box : boxes) {
            scrollTo(box);
            if (box.getAttribute("checked") == null) {
                box.findElement(By.cssSelector("input")).click();
            }
        }
        return idle();
    }

    /** Selects the grid row (by the grid's id) one of whose cells shows this text. */
    public PortalBrowser selectRow(String gridId, String cellText) {
        WebElement cell = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> String.valueOf(c.getDomProperty("textContent")).contains(cellText)).findFirst().orElse(null));
        return clickUnlessSelected(cell);
    }

    /**
     * The rows a grid (by id) shows, in order, each as its cells' texts joined with " | " (header and hidden rows left
     * out). Waits until the grid has rendered.
     */
    @SuppressWarnings("unchecked")
    public List<String> rows(String gridId) {
        idle();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid#" + gridId)));
        Object rows = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                return [...grid.shadowRoot.querySelectorAll('#items > tr')]
                  .filter(tr => !tr.hidden && tr.getClientRects().length > 0)
                  .map(tr => [...tr.querySelectorAll('td')].map(td => {
                      const slot = td.querySelector('slot');
                      const content = slot && slot.assignedElements()[0];
                      return content ? content.textContent.trim() : '';
                  }).join(' | '))
                  .filter(text => text.replaceAll('|', '').trim().length > 0);""", gridId);
        return rows == null ? List.of() : (List<String>) rows;
    }

    /**
     * How the row of a grid (by id) that shows this text is marked: the part names of its first cell and that cell's
     * background colour as the browser paints it (e.g. to see that an urgent row is highlighted).
     */
    public RowLook rowLook(String gridId, String cellText) {
        idle();
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> look = (java.util.Map<String, String>) wait.until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const row = [...grid.shadowRoot.querySelectorAll('#items > tr')].find(tr => [...tr.querySelectorAll('td')]
                    .some(td => { const s = td.querySelector('slot'); const c = s && s.assignedElements()[0];
                                  return c && c.textContent.includes(arguments[1]); }));
                if (!row) return null;
                const cell = row.querySelector('td');
                return {part: cell.getAttribute('part') || '', background: getComputedStyle(cell).backgroundColor};""",
                gridId, cellText));
        return new RowLook(look.get("part"), look.get("background"));
    }

    /** A grid row's part names and painted background colour. */
    public record RowLook(String part, String background) {
    }

    /** Selects the grid row (by the grid's id) at this index among the rows {@link #rows} lists. */
    public PortalBrowser selectRowAt(String gridId, int index) {
        WebElement cell = (WebElement) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const rows = [...grid.shadowRoot.querySelectorAll('#items > tr')]
                  .filter(tr => !tr.hidden && tr.getClientRects().length > 0)
                  .filter(tr => [...tr.querySelectorAll('td')].some(td => { const s = td.querySelector('slot');
                      const c = s && s.assignedElements()[0]; return c && c.textContent.replaceAll('|', '').trim().length > 0; }));
                const slot = rows[arguments[1]].querySelector('td slot');
                return slot.assignedElements()[0];""", gridId, index);
        return clickUnlessSelected(cell);
    }

    /** Clicks a grid cell's content unless its row is selected already (a second click would deselect it). */
    private PortalBrowser clickUnlessSelected(WebElement cell) {
        Boolean selected = (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const grid = arguments[0].closest('vaadin-grid');
                const slot = grid.shadowRoot.querySelector('slot[name="' + arguments[0].getAttribute('slot') + '"]');
                const row = slot && slot.closest('tr');
                return !!row && row.hasAttribute('selected');""", cell);
        if (!Boolean.TRUE.equals(selected)) {
            scrollTo(cell);
            cell.click();
        }
        return idle();
    }

    /** Clicks the button showing {@code buttonText} in the grid row (by the grid's id) one of whose cells shows {@code rowText}. */
    public PortalBrowser clickInRow(String gridId, String rowText, String buttonText) {
        WebElement button = wait.until(d -> (WebElement) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const row = [...grid.shadowRoot.querySelectorAll('#items > tr')].filter(tr => !tr.hidden).find(tr =>
                    [...tr.querySelectorAll('td slot')].some(s => { const c = s.assignedElements()[0];
                        return c && c.textContent.includes(arguments[1]); }));
                if (!row) return null;
                for (const slot of row.querySelectorAll('td slot')) {
                  const content = slot.assignedElements()[0];
                  const button = content && [...content.querySelectorAll('vaadin-button')]
                      .find(b => b.textContent.trim() === arguments[2] && !b.hasAttribute('disabled'));
                  if (button) return button;
                }
                return null;""", gridId, rowText, buttonText));
        scrollTo(button);
        button.click();
        return idle();
    }

    /** Types a day and a time into a date-time picker (by id): the day as yyyy-MM-dd, the time as HH:mm, each committed. */
    public PortalBrowser dateTime(String id, java.time.LocalDateTime at) {
        WebElement day = inView(By.cssSelector("vaadin-date-time-picker#" + id + " vaadin-date-picker input"));
        scrollTo(day);
        day.click();
        day.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), at.toLocalDate().toString());
        day.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !document.querySelector('vaadin-date-picker-overlay[opened]');")));
        WebElement time = driver.findElement(By.cssSelector("vaadin-date-time-picker#" + id + " vaadin-time-picker input"));
        time.click();
        time.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                at.toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
        time.sendKeys(org.openqa.selenium.Keys.ENTER);
        time.sendKeys(org.openqa.selenium.Keys.TAB);
        return idle();
    }

    /** The address a link (by id) points at, as the browser resolved it. */
    public String href(String linkId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(linkId))).getDomProperty("href");
    }

    /** A PNG of one element (by CSS selector) as it is painted now, e.g. a QR code to decode. */
    public byte[] elementPng(String cssSelector) {
        scrollTo(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector))));
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
        return element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    /** What an outcome line (by id) says once it says something. */
    public String outcome(String id) {
        idle();
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#" + id + " .outcome-text"));
            return found.isEmpty() || found.getFirst().getText().isBlank() ? null : found.getFirst().getText().trim();
        });
    }

    /** Clicks a button that asks first, then the dialog's confirm button ({@code <id>-confirm}). */
    public PortalBrowser clickAndConfirm(String buttonId) {
        click(buttonId);
        return click(buttonId + "-confirm");
    }

    /** Clicks a button that asks for a reason, types it into the dialog and confirms. */
    public PortalBrowser clickWithReason(String buttonId, String reason) {
        click(buttonId);
        fill(buttonId + "-reason", reason);
        return click(buttonId + "-confirm");
    }

    /**
     * The bytes a download link (by id) serves to this browser's session, fetched with its cookies (what the person
     * would save). Fails on any status but 200.
     */
    public Download download(String linkId) {
        WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(linkId)));
        String href = link.getDomProperty("href");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<byte[]> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                    .header("Cookie", cookies).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("download " + linkId + " answered " + answer.statusCode());
            }
            return new Download(answer.headers().firstValue("Content-Type").orElse(""),
                    answer.headers().firstValue("Content-Disposition").orElse(""), answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A downloaded file. */
    public record Download(String contentType, String disposition, byte[] bytes) {
    }

    /** Saves a screenshot of the page as it is now (PNG). */
    public void screenshot(java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The element once present, scrolled into view and visible: an element scrolled away inside the layout's scroller
     * does not count as visible for WebDriver.
     */
    private WebElement inView(By locator) {
        scrollTo(wait.until(ExpectedConditions.presenceOfElementLocated(locator)));
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    private void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Ticks (or unticks) the checkbox labelled {@code label} in the checkbox group with this id. */
    public PortalBrowser check(String groupId, String label, boolean ticked) {
        WebElement box = wait.until(d -> d.findElements(By.cssSelector("#" + groupId + " vaadin-checkbox")).stream()
                .filter(e -> e.getText().trim().equals(label)).findFirst().orElse(null));
        if (box.getAttribute("checked") != null != ticked) {
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
            box.findElement(By.cssSelector("label")).click();
            idle();
        }
        return this;
    }

    /** Confirms the open confirmation dialog of the button with this id (see ui.Actions.confirmed). */
    public PortalBrowser confirm(String buttonId) {
        return click(buttonId + "-confirm");
    }

    /**
     * The visible text of the element with this id, once it is shown (scrolled into view first); of a grid, its shown
     * cells (header and rows), one per line.
     */
    public String text(String id) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        if (!"vaadin-grid".equals(element.getTagName())) {
            js().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            return wait.until(ExpectedConditions.visibilityOf(element)).getText();
        }
        Object cells = js().executeScript("""
                return Array.from(arguments[0].querySelectorAll('vaadin-grid-cell-content'))
                    .filter(c => c.getClientRects().length > 0)
                    .map(c => c.textContent.trim()).filter(t => t).join(String.fromCharCode(10));""", element);
        return String.valueOf(cells);
    }

    /** The computed font size, in CSS pixels, of the first element matching the selector. */
    public double fontSize(String cssSelector) {
        Object size = js().executeScript("return getComputedStyle(document.querySelector(arguments[0])).fontSize;", cssSelector);
        return Double.parseDouble(String.valueOf(size).replace("px", ""));
    }

    /** Fetches a download link's file with the browser's own session, as the person's click would; returns its text. */
    public String downloadText(String anchorId) {
        Object text = js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const link = document.getElementById(arguments[0]);
                fetch(link.href, {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('failed: ' + e));""", anchorId);
        return String.valueOf(text);
    }

    private org.openqa.selenium.JavascriptExecutor js() {
        return (org.openqa.selenium.JavascriptExecutor) driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** The login page's form. */
    public final class LoginForm {

        public String usernameLabel() {
            return driver.findElement(By.cssSelector("vaadin-text-field#username > label")).getText();
        }

        public String passwordLabel() {
            return driver.findElement(By.cssSelector("vaadin-password-field#password > label")).getText();
        }

        public String submitText() {
            return driver.findElement(By.id("sign-in")).getText();
        }

        public void submit(String username, String password) {
            type(driver.findElement(By.cssSelector("vaadin-text-field#username input")), username);
            type(driver.findElement(By.cssSelector("vaadin-password-field#password input")), password);
            driver.findElement(By.id("sign-in")).click();
        }

        /** Waits for the error line under the form and returns it. */
        public String error() {
            return text("login-error");
        }

        private void type(WebElement input, String value) {
            input.clear();
            input.sendKeys(value);
        }
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
