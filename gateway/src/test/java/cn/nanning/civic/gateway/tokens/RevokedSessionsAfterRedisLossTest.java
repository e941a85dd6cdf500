package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.redis.Redis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Found by the chaos suite ({@code ./civic chaos}): Redis keeps nothing on disk, so a restart empties the shared set
 * of revoked sign-ins, and the gateway then forgot them too: a logged-out session's access token was accepted again
 * until it expired. The gateway now publishes again what it knew and Redis lost.
 */
@MicronautTest(transactional = false)
class RevokedSessionsAfterRedisLossTest extends GatewayTest {

    @Inject
    Redis redis;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // A Redis database of its own: emptying the set here must not touch other tests' revocations.
        properties.put("civic.redis.url", "redis://127.0.0.1:6379/11");
        return properties;
    }

    private int echo(String token) {
        return api().get("/api/v1/echo/whoami", token).status();
    }

    @Test
    void aSignInRevokedBeforeRedisLostItsDataStaysRefusedAndIsPublishedAgain() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".lost");
        String access = signedIn.get("accessToken");
        String sid = claims(access).get(Claims.SESSION).toString();
        assertThat(api().post("/api/v1/auth/logout", Map.of("refreshToken", signedIn.get("refreshToken")), access).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.call(j -> j.zscore(SharedRevokedSessions.KEY, sid)) != null);
        // Let the gateway read the shared set back, so its own copy of the revocation is the shared one.
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> echo(access) == 401);

        // What a Redis restart leaves behind: no set at all.
        redis.call(j -> j.del(SharedRevokedSessions.KEY));

        await().atMost(Duration.ofSeconds(5)).until(() -> redis.call(j -> j.zscore(SharedRevokedSessions.KEY, sid)) != null);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> echo(access) == 401);
        assertThat(api().get("/.well-known/revoked-sessions", null).body()).contains(sid);
    }
}
