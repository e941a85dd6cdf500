package cn.nanning.civic.gateway.edge;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class EdgeTest extends GatewayTest {

    private final ListAppender<ILoggingEvent> accessLines = new ListAppender<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestEnvironment.properties());
        p.put("gateway.routes.small.path-prefix", "/api/v1/small");
        p.put("gateway.routes.small.target", TestEnvironment.echo().baseUrl());
        p.put("gateway.routes.small.strip-prefix", "true");
        p.put("gateway.routes.small.max-body-size", "1KB");
        p.put("gateway.test.broken-response", "true");
        return p;
    }

    @BeforeAll
    void captureAccessLog() {
        accessLines.start();
        ((Logger) LoggerFactory.getLogger("civic.access")).addAppender(accessLines);
    }

    @AfterAll
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger("civic.access")).detachAppender(accessLines);
    }

    private List<String> accessLinesWith(String requestId) {
        synchronized (accessLines) {
            return accessLines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.contains(requestId)).toList();
        }
    }

    @Test
    void everyRequestLeavesOneAccessLineWithRouteStatusLatencyAndSubjectButNeverTheToken() {
        String token = citizenToken();
        String subject = (String) claims(token).get("sub");
        String requestId = "access-" + UUID.randomUUID();

        api().send(HttpRequest.GET("/api/v1/echo/items?q=450103199001011234").header("X-Request-Id", requestId), token);

        List<String> lines = accessLinesWith(requestId);
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("requestId=" + requestId).contains("method=GET").contains("path=/api/v1/echo/items")
                .contains("route=echo").contains("status=200").containsPattern("latencyMs=\\d+\\.\\d{3}")
                .contains("subject=" + subject).contains("client=127.0.0.1")
                .doesNotContain(token).doesNotContain(token.split("\\.")[2]).doesNotContain("450103199001011234"));
    }

    @Test
    void whenTheAnswerCannotBeEncodedTheAccessLogShowsTheStatusTheClientGot() {
        String requestId = "access-" + UUID.randomUUID();

        Api.Response response = api().send(HttpRequest.GET("/test/broken-response").header("X-Request-Id", requestId), null);

        assertThat(response.status()).isEqualTo(500);
        assertThat(accessLinesWith(requestId)).singleElement().satisfies(line -> assertThat(line)
                .contains("path=/test/broken-response").contains("status=500").doesNotContain("status=200"));
    }

    @Test
    void refusedRequestsAreLoggedTooAsAnonymous() {
        String requestId = "access-" + UUID.randomUUID();
        api().send(HttpRequest.GET("/api/v1/echo/items").header("X-Request-Id", requestId), null);
        assertThat(accessLinesWith(requestId)).singleElement().satisfies(line -> assertThat(line)
                .contains("status=401").contains("subject=anonymous"));
    }

    @Test
    void anIdNumberInAPathIsMaskedInTheAccessLog() {
        String requestId = "access-" + UUID.randomUUID();
        api().send(HttpRequest.GET("/api/v1/open/people/45010319900101123X").header("X-Request-Id", requestId), null);
        assertThat(accessLinesWith(requestId)).singleElement().satisfies(line -> assertThat(line)
                .contains("path=/api/v1/open/people/4501**********123X").doesNotContain("45010319900101123X"));
    }

    @Test
    void aBodyOverTheRoutesLimitIsRefusedWith413BeforeReachingTheDownstream() {
        int before = TestEnvironment.echo().requests();

        Api.Response response = api().send(HttpRequest.POST("/api/v1/small/form", "x".repeat(2048))
                .contentType(MediaType.TEXT_PLAIN_TYPE), null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("detail")).contains("提交的内容过大").contains("1 KB");
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before);
    }

    @Test
    void aBodyWithinTheRoutesLimitPasses() {
        Api.Response response = api().send(HttpRequest.POST("/api/v1/small/form", "x".repeat(1000))
                .contentType(MediaType.TEXT_PLAIN_TYPE), null);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theGatewaysOwnEndpointsTakeOnlySmallBodies() {
        Api.Response response = api().post("/api/v1/auth/wechat", Map.of("code", "c".repeat(70_000)), null);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void thePortalsOriginMayCallTheApiFromABrowser() {
        Api.Response preflight = api().send(HttpRequest.create(HttpMethod.OPTIONS, "/api/v1/echo/items")
                .header("Origin", "http://127.0.0.1:8083")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type"), null);
        Api.Response actual = api().send(HttpRequest.GET("/api/v1/open/items").header("Origin", "http://127.0.0.1:8083"), null);

        assertThat(preflight.status()).as(preflight.body()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:8083");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:8083");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void anOriginNotInTheConfigurationGetsNoCorsPermission() {
        Api.Response preflight = api().send(HttpRequest.create(HttpMethod.OPTIONS, "/api/v1/echo/items")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"), null);
        Api.Response actual = api().send(HttpRequest.GET("/api/v1/open/items").header("Origin", "https://evil.example"), null);

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(actual.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void latenciesAreWrittenAsMillisecondsWithThreeDecimals() {
        assertThat(AccessLogFilter.millis(0)).isEqualTo("0.000");
        assertThat(AccessLogFilter.millis(5)).isEqualTo("0.005");
        assertThat(AccessLogFilter.millis(42)).isEqualTo("0.042");
        assertThat(AccessLogFilter.millis(1_042)).isEqualTo("1.042");
        assertThat(AccessLogFilter.millis(12_340)).isEqualTo("12.340");
        assertThat(AccessLogFilter.millis(3_600_000_001L)).isEqualTo("3600000.001");
    }
}
