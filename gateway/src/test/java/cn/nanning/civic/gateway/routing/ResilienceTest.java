package cn.nanning.civic.gateway.routing;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulkheads and retries, against the real echo downstream through the real gateway. */
@MicronautTest(transactional = false)
class ResilienceTest extends GatewayTest {

    private static void awaitInFlight(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (TestEnvironment.echo().requestsTo(path) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the downstream never received " + count + " requests for " + path);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aSaturatedDownstreamAnswers503InChineseAtOnceWhileOtherRoutesKeepWorking() throws Exception {
        String hanging = "/api/v1/busy/" + UUID.randomUUID() + "/sleep";
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // The route takes two requests at once; both hang in the downstream for three seconds.
            List<CompletableFuture<Api.Response>> held = IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api().get(hanging, null), pool))
                    .toList();
            awaitInFlight(hanging, 2);

            long started = System.nanoTime();
            Api.Response refused = api().get("/api/v1/busy/" + UUID.randomUUID() + "/quick", null);
            long refusedAfterMs = (System.nanoTime() - started) / 1_000_000;
            Api.Response elsewhere = api().get("/api/v1/open/" + UUID.randomUUID(), null);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.get("type")).endsWith("downstream-busy");
            assertThat(refused.get("detail")).isEqualTo("服务繁忙，请稍后再试。");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refusedAfterMs).as("answered at once, not after the hanging requests").isLessThan(1000);
            assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);

            // Once the hanging requests are answered, the route takes requests again.
            for (CompletableFuture<Api.Response> request : held) {
                assertThat(request.get().status()).isEqualTo(200);
            }
            assertThat(api().get("/api/v1/busy/" + UUID.randomUUID() + "/again", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aGetToAFailingDownstreamIsTriedAgainOnce() {
        String path = "/api/v1/failing/" + UUID.randomUUID() + "/unavailable";

        Api.Response response = api().get(path, null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(TestEnvironment.echo().requestsTo(path)).isEqualTo(2);
    }

    @Test
    void aGetThatFailsOnceSucceedsOnTheRetryWithoutTheCallerNoticing() {
        String path = "/api/v1/failing/" + UUID.randomUUID() + "/unavailable-once";

        Api.Response response = api().get(path, null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.get("path")).isEqualTo(path);
        assertThat(TestEnvironment.echo().requestsTo(path)).isEqualTo(2);
    }

    /**
     * Found by the chaos suite: during a PostgreSQL restart services answered 503 (database unavailable, Retry-After)
     * for a few seconds; the gateway counted those as failures, opened the route's circuit and refused every request
     * for 10 s more after the database was back. A downstream that answers 503 itself is reachable: no circuit opens.
     */
    @Test
    void aDownstreamThatAnswers503ItselfDoesNotOpenTheCircuit() {
        for (int i = 0; i < 15; i++) {
            String unavailable = "/api/v1/failing/" + UUID.randomUUID() + "/unavailable";
            assertThat(api().post(unavailable, Map.of("topic", "修路"), null).status()).isEqualTo(503);
        }

        String fine = "/api/v1/failing/" + UUID.randomUUID() + "/fine";
        Api.Response response = api().post(fine, Map.of("topic", "修路"), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(TestEnvironment.echo().requestsTo(fine)).isEqualTo(1);
    }

    @Test
    void aPostToAFailingDownstreamIsTriedExactlyOnce() {
        String always = "/api/v1/failing/" + UUID.randomUUID() + "/unavailable";
        String once = "/api/v1/failing/" + UUID.randomUUID() + "/unavailable-once";

        Api.Response failed = api().post(always, Map.of("topic", "修路"), null);
        Api.Response failedOnce = api().post(once, Map.of("topic", "修路"), null);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(TestEnvironment.echo().requestsTo(always)).isEqualTo(1);
        assertThat(failedOnce.status()).as("the caller decides whether to send it again").isEqualTo(503);
        assertThat(TestEnvironment.echo().requestsTo(once)).isEqualTo(1);
    }
}
