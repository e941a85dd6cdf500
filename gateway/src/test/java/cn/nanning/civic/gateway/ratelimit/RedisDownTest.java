package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import cn.nanning.civic.gateway.tokens.Principal;
import cn.nanning.civic.gateway.tokens.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A gateway whose Redis is down: sign-in, bookings and writes stop; public reads go on under a local limit. */
@MicronautTest(transactional = false)
class RedisDownTest extends GatewayTest {

    @Inject
    Tokens tokens;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestEnvironment.properties());
        p.put("civic.redis.url", "redis://127.0.0.1:" + closedPort());
        p.put("gateway.rate-limits.reads.capacity", "1000");
        p.put("gateway.rate-limits.reads.local-capacity", "2");
        String echo = TestEnvironment.echo().baseUrl();
        p.put("gateway.routes.reads.path-prefix", "/api/v1/reads");
        p.put("gateway.routes.reads.target", echo);
        p.put("gateway.routes.reads.strip-prefix", "true");
        p.put("gateway.routes.reads.rate-limit", "reads");
        p.put("gateway.routes.bookings.target", echo);
        p.put("gateway.routes.bookings-read.target", echo);
        return p;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void staffSignInFailsClosedWithAClearChineseMessage() {
        Api.Response response = api().post("/api/v1/auth/staff/login",
                Map.of("username", "admin", "password", "Civic-Admin-2025!"), null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("title")).isEqualTo("服务暂时不可用");
        assertThat(response.get("detail")).contains("登录、预约和提交类操作暂停受理");
        assertThat(response.get("type")).endsWith("rate-limit-unavailable");
        assertThat(response.header("Retry-After")).as("found missing by the chaos suite").isEqualTo("5");
        assertThat(response.body()).doesNotContain("accessToken");
    }

    @Test
    void weChatSignInFailsClosedToo() {
        assertThat(signInWithWeChat(newWeChatUser() + ".down").status()).isEqualTo(503);
    }

    @Test
    void bookingFailsClosedWhileReadingMyBookingsGoesOnAsAnyRead() {
        // Sign-in is closed too, so the token is issued directly, as for someone who signed in before Redis went down.
        String token = tokens.issue(new Principal(UUID.randomUUID(), "citizen", List.of("CITIZEN"), null, null)).accessToken();
        int before = TestEnvironment.echo().requests();

        Api.Response booking = api().get("/api/v1/appointments/bookings/some-booking", token);

        assertThat(booking.status()).isEqualTo(503);
        assertThat(booking.get("detail")).contains("预约");
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before);

        // My bookings are read on the citizen read budget (route bookings-read), which falls back to this instance.
        Api.Response mine = api().get("/api/v1/appointments/bookings/mine", token);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before + 1);
    }

    @Test
    void aWriteOnAPublicRouteFailsClosed() {
        int before = TestEnvironment.echo().requests();

        Api.Response response = api().send(HttpRequest.POST("/api/v1/reads/form", "{\"a\":1}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(TestEnvironment.echo().requests()).as("nothing reached the downstream").isEqualTo(before);
    }

    @Test
    void publicReadsFailOpenUnderALocalPerInstanceLimit() {
        Api.Response first = api().get("/api/v1/reads/one", null);
        Api.Response second = api().get("/api/v1/reads/two", null);
        Api.Response third = api().get("/api/v1/reads/three", null);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.get("path")).isEqualTo("/one");
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isNotBlank();
        assertThat(third.contentType()).startsWith("application/problem+json");
    }
}
