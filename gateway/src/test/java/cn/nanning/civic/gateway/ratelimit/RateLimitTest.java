package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class RateLimitTest extends GatewayTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestEnvironment.properties());
        // Each test poses as a client address of its own (one proxy in front), so buckets in Redis never carry over.
        p.put("gateway.trusted-proxies", "1");
        p.put("gateway.rate-limits.login.capacity", "3");
        p.put("gateway.rate-limits.login.period", "1m");
        p.put("gateway.rate-limits.generous.capacity", "100");
        p.put("gateway.rate-limits.generous.period", "1h");
        p.put("gateway.rate-limits.roomy.capacity", "1000");
        p.put("gateway.rate-limits.roomy.period", "1h");
        p.put("gateway.rate-limits.tight.capacity", "3");
        p.put("gateway.rate-limits.tight.period", "1h");
        echoRoute(p, "generous", "generous");
        echoRoute(p, "roomy", "roomy");
        echoRoute(p, "limited", "tight");
        p.put("gateway.routes.limited.authenticated", "true");
        echoRoute(p, "limited-public", "tight");
        return p;
    }

    /** A route {@code /api/v1/<name>} to the echo downstream under the given rate-limit policy. */
    private static void echoRoute(Map<String, String> p, String name, String policy) {
        p.put("gateway.routes." + name + ".path-prefix", "/api/v1/" + name);
        p.put("gateway.routes." + name + ".target", TestEnvironment.echo().baseUrl());
        p.put("gateway.routes." + name + ".strip-prefix", "true");
        p.put("gateway.routes." + name + ".rate-limit", policy);
    }

    private static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private Api.Response staffLogin(String from) {
        return api().send(HttpRequest.POST("/api/v1/auth/staff/login",
                        Map.of("username", "nobody-" + UUID.randomUUID(), "password", "Wrong-password-123"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Forwarded-For", from), null);
    }

    /**
     * A citizen signed in from an address of its own: this class's sign-in limit is 3 a minute per address, so signing
     * in from the test's own address would be refused when the class runs again within the minute.
     */
    @Override
    protected String citizenToken() {
        Api.Response response = api().send(HttpRequest.POST("/api/v1/auth/wechat", Map.of("code", newWeChatUser() + ".first"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Forwarded-For", newAddress()), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.get("accessToken");
    }

    private Api.Response getFrom(String path, String from, String token) {
        return api().send(HttpRequest.GET(path).header("X-Forwarded-For", from), token);
    }

    @Test
    void theFourthLoginAttemptWithinAMinuteFromOneAddressIsRefusedWith429AndRetryAfter() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            Api.Response attempt = staffLogin(address);
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(401);
            assertThat(attempt.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(attempt.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
        }

        Api.Response refused = staffLogin(address);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.get("title")).isEqualTo("请求过于频繁");
        assertThat(refused.get("detail")).contains("操作过于频繁").contains("秒后再试");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("3");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.get("requestId")).isEqualTo(refused.header("X-Request-Id"));
    }

    @Test
    void anotherAddressStillSignsInWhileOneIsLimited() {
        String noisy = newAddress();
        for (int i = 0; i < 4; i++) {
            staffLogin(noisy);
        }
        assertThat(staffLogin(noisy).status()).isEqualTo(429);

        assertThat(staffLogin(newAddress()).status()).isEqualTo(401);
    }

    @Test
    void signedInCallersAreLimitedPerAccountNotPerAddress() {
        String first = citizenToken();
        String second = citizenToken();
        String sharedAddress = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(getFrom("/api/v1/limited/items", sharedAddress, first).status()).isEqualTo(200);
        }
        int reachedBefore = TestEnvironment.echo().requests();

        Api.Response refused = getFrom("/api/v1/limited/items", sharedAddress, first);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(TestEnvironment.echo().requests()).as("a refused request never reaches the downstream").isEqualTo(reachedBefore);
        Api.Response other = getFrom("/api/v1/limited/items", sharedAddress, second);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void aRouteWithoutItsOwnPolicyUsesTheDefaultPolicy() {
        Api.Response response = api().get("/api/v1/echo/items", citizenToken());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100000");
    }

    @Test
    void allGatewayInstancesDrawFromTheSameBucketInRedis() {
        String address = newAddress();
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", "-1");
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient secondClient = HttpClient.create(second.getURL())) {
            Api secondApi = new Api(secondClient, json);
            assertThat(getFrom("/api/v1/limited-public/a", address, null).status()).isEqualTo(200);
            assertThat(secondApi.send(HttpRequest.GET("/api/v1/limited-public/a").header("X-Forwarded-For", address), null)
                    .status()).isEqualTo(200);
            assertThat(getFrom("/api/v1/limited-public/a", address, null).status()).isEqualTo(200);

            Api.Response refusedBySecond = secondApi.send(
                    HttpRequest.GET("/api/v1/limited-public/a").header("X-Forwarded-For", address), null);

            assertThat(refusedBySecond.status()).isEqualTo(429);
        }
    }

    @Test
    void aForgedAddressLeftOfTheTrustedProxyDoesNotEscapeTheLimit() {
        String real = newAddress();
        for (int i = 0; i < 3; i++) {
            getFrom("/api/v1/limited-public/b", newAddress() + ", " + real, null);
        }
        assertThat(getFrom("/api/v1/limited-public/b", newAddress() + ", " + real, null).status()).isEqualTo(429);
    }

    @Test
    void readsOnAGenerousPolicyTakeLeasesFromTheSharedBucketYetStopExactlyAtTheLimit() {
        String from = newAddress();
        int allowed = 0;
        Api.Response refused = null;
        for (int i = 0; i < 110 && refused == null; i++) {
            Api.Response response = getFrom("/api/v1/generous/item", from, null);
            if (response.status() == 200) {
                allowed++;
            } else {
                refused = response;
            }
        }
        // Leased tokens come out of the shared bucket: exactly the capacity gets through.
        assertThat(allowed).isEqualTo(100);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void readsOnAGenerousPolicyAreMostlyServedFromALeaseWithoutAskingRedis() {
        String from = newAddress();
        getFrom("/api/v1/roomy/item", from, null);
        long commandsBefore = redisCommandsProcessed();

        for (int i = 0; i < 15; i++) {
            Api.Response response = getFrom("/api/v1/roomy/item", from, null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("1000");
        }

        // A lease is 2% of the capacity (20 tokens), taken by the first read; one bucket round trip is at least
        // two Redis commands, so asking Redis for every read would have been 30 or more.
        assertThat(redisCommandsProcessed() - commandsBefore).isLessThan(10);
        String key = "civic:gateway:rate-limit:roomy:";
        try (Jedis jedis = new Jedis(URI.create("redis://127.0.0.1:6379"))) {
            assertThat(jedis.keys(key + "*ip:" + from)).as("the lease came out of the shared bucket").hasSize(1);
        }
    }

    private static long redisCommandsProcessed() {
        try (Jedis jedis = new Jedis(URI.create("redis://127.0.0.1:6379"))) {
            return jedis.info("stats").lines().filter(line -> line.startsWith("total_commands_processed:"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElseThrow();
        }
    }
}
