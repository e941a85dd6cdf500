package cn.nanning.civic.e2e.security;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 1 of the security review, across processes: after a logout the session's access token is refused within
 * seconds not only at the gateway but also by services, which verify tokens themselves when called directly.
 */
class AccessTokenRevocationTest {

    @Test
    void aLoggedOutSessionsAccessTokenIsRefusedByServicesCalledDirectlyWithinSeconds() {
        Platform.get();
        Api gateway = new Api(Platform.GATEWAY);
        Api services = new Api(Platform.SERVICES);
        JsonNode signedIn = gateway.post("/api/v1/auth/wechat", Map.of("code", "revoke" + UUID.randomUUID().toString().substring(0, 8) + ".a"), null).json();
        String access = signedIn.path("accessToken").asText();
        // Not a volunteer, so 404, but authenticated: not 401.
        assertThat(services.get("/api/v1/volunteers/me", access).status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/volunteers/me", access).status()).isEqualTo(404);

        Api.Response logout = gateway.post("/api/v1/auth/logout", Map.of("refreshToken", signedIn.path("refreshToken").asText()), access);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(gateway.get("/api/v1/volunteers/me", access).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(services.get("/api/v1/volunteers/me", access).status()).isEqualTo(401));
    }
}
