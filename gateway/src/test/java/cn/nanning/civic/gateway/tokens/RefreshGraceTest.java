package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two refreshes racing with one refresh token at app start keep the sign-in; reuse later than the grace window, or a
 * second time within it, still ends the whole sign-in (theft detection).
 */
@MicronautTest(transactional = false)
class RefreshGraceTest extends GatewayTest {

    private static final Duration GRACE = Duration.ofSeconds(2);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("civic.tokens.refresh-grace", GRACE.toSeconds() + "s");
        return properties;
    }

    private Api.Response refresh(String token) {
        return api().post("/api/v1/auth/refresh", Map.of("refreshToken", token), null);
    }

    private int echo(String token) {
        return api().get("/api/v1/echo/whoami", token).status();
    }

    @Test
    void aSecondRefreshWithTheSameTokenRightAfterTheFirstKeepsTheSignIn() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".race");
        String token = signedIn.get("refreshToken");
        Api.Response first = refresh(token);
        Api.Response second = refresh(token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
        assertThat(echo(first.get("accessToken"))).isEqualTo(200);
        assertThat(echo(second.get("accessToken"))).isEqualTo(200);
        // Whichever answer the app kept, its refresh token goes on working.
        assertThat(refresh(first.get("refreshToken")).status()).isEqualTo(200);
        assertThat(refresh(second.get("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void aThirdUseOfTheSameTokenWithinTheWindowEndsTheSignIn() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".third");
        String token = signedIn.get("refreshToken");
        Api.Response first = refresh(token);
        assertThat(refresh(token).status()).isEqualTo(200);
        assertThat(refresh(token).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> echo(first.get("accessToken")) == 401);
        assertThat(refresh(first.get("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void reuseAfterTheWindowEndsTheSignInAsBefore() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".late");
        String token = signedIn.get("refreshToken");
        Api.Response first = refresh(token);
        Instant rotated = Instant.now();
        await().pollDelay(GRACE.plusMillis(300)).atMost(GRACE.plusSeconds(5)).until(() -> Instant.now().isAfter(rotated.plus(GRACE)));
        Api.Response late = refresh(token);
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.contentType()).startsWith("application/problem+json");
        await().atMost(Duration.ofSeconds(10)).until(() -> echo(first.get("accessToken")) == 401);
        assertThat(refresh(first.get("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void aSignInEndedByLogoutGetsNoGrace() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".out");
        String token = signedIn.get("refreshToken");
        Api.Response first = refresh(token);
        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", first.get("refreshToken")), first.get("accessToken")).status())
                .isEqualTo(204);
        assertThat(refresh(token).status()).isEqualTo(401);
    }
}
