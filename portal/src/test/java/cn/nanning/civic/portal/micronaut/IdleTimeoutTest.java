package cn.nanning.civic.portal.micronaut;

import cn.nanning.civic.portal.PortalApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's idle timeout ({@code civic.portal.idle-timeout}, 30 min in production) with a two-second value: a
 * session whose open tab keeps sending Vaadin heartbeats, but whose user does nothing, ends after the timeout.
 */
class IdleTimeoutTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static PortalApplication portal;

    @BeforeAll
    static void boot() throws Exception {
        portal = PortalApplication.start(Map.of(
                "civic.portal.port", 0,
                "civic.portal.host", "127.0.0.1",
                "civic.portal.gateway-url", "http://127.0.0.1:9",
                "civic.portal.idle-timeout", IDLE.toSeconds() + "s"));
    }

    @AfterAll
    static void shutDown() {
        portal.close();
    }

    /** A browser tab: its own cookies, the login page loaded and its UI created on the server. */
    private static final class Tab {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        final String base = "http://127.0.0.1:" + portal.port();

        Tab open() throws Exception {
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()).statusCode()).isEqualTo(200);
            assertThat(newUi()).isZero();
            return this;
        }

        /**
         * Creates a UI and returns its id. Ids count up within one Vaadin session (where the signed-in staff member is
         * kept), so 0 after earlier UIs means a new session.
         */
        int newUi() throws Exception {
            HttpResponse<String> init = send(HttpRequest.newBuilder(
                    URI.create(base + "/?v-r=init&location=login&query=")).GET());
            assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
            Matcher id = UI_ID.matcher(init.body());
            assertThat(id.find()).as(init.body()).isTrue();
            return Integer.parseInt(id.group(1));
        }

        int heartbeat() throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=0"))
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void withinTheIdleTimeoutTheTabKeepsItsSession() throws Exception {
        Tab tab = new Tab().open();
        assertThat(tab.heartbeat()).isEqualTo(200);
        Thread.sleep(IDLE.toMillis() / 4);
        assertThat(tab.heartbeat()).isEqualTo(200);
        assertThat(tab.newUi()).as("a second UI in the same session").isEqualTo(1);
    }

    @Test
    void anIdleSessionEndsAfterTheConfiguredTimeoutEvenThoughTheTabKeepsSendingHeartbeats() throws Exception {
        Tab tab = new Tab().open();

        int status = 200;
        long deadline = System.nanoTime() + IDLE.multipliedBy(4).toNanos();
        long started = System.nanoTime();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = tab.heartbeat();
        }
        long endedAfterMs = (System.nanoTime() - started) / 1_000_000;

        // Vaadin answers 403 for a session that has expired.
        assertThat(status).as("the session is gone once it idled out").isEqualTo(403);
        assertThat(endedAfterMs).isGreaterThanOrEqualTo(IDLE.toMillis() - 300);
        // Loading the portal again starts a new Vaadin session: whoever was signed in must sign in again.
        assertThat(tab.newUi()).as("the first UI of a new session").isZero();
    }
}
