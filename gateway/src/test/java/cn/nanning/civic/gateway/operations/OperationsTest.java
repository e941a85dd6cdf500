package cn.nanning.civic.gateway.operations;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OperationsTest extends GatewayTest {

    @Test
    void healthIsReachableWithoutAToken() {
        Api.Response response = api().get("/health", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.get("status")).isEqualTo("UP");
        assertThat(api().get("/health/readiness", null).status()).isEqualTo(200);
        assertThat(api().get("/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsAreReachableWithoutAToken() {
        api().get("/health", null);
        Api.Response response = api().get("/prometheus", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void forwardedRequestsAreTimedOnceByTheServerNotAgainByTheProxyClient() {
        assertThat(api().get("/api/v1/echo/items", citizenToken()).status()).isEqualTo(200);
        Api.Response metrics = api().get("/prometheus", null);
        assertThat(metrics.body()).contains("http_server_requests").doesNotContain("http_client_requests");
    }

    @Test
    void theGatewayServesItsOwnOpenApiDocumentAndSwaggerUi() {
        Api.Response spec = api().get("/swagger/civic-gateway.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/v1/auth/wechat").contains("/api/v1/auth/staff/login");
        // Published with every operation's error answers: problem+json with the Problem schema and the types it can carry.
        String published = api().get("/openapi/gateway.yml", null).body();
        assertThat(published).contains("/api/v1/auth/wechat", "/api/v1/auth/staff/login", "application/problem+json",
                "#/components/schemas/Problem", "Problem:", "ProblemFieldError:",
                "https://civic.nanning.example/problems/wechat-code-invalid");
        Api.Response ui = api().get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("civic-gateway.yml");
    }

    @Test
    void theDocumentOfADownstreamIsFetchedFromItsConfiguredPath() {
        Api.Response response = api().get("/openapi/echo.yml", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/yaml");
        assertThat(response.body()).contains("title: echo").contains("application/problem+json");
    }

    @Test
    void anUnknownServiceHasNoDocument() {
        Api.Response response = api().get("/openapi/nothing.yml", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theDocumentOfADownstreamThatIsDownIsUnavailable() {
        Api.Response response = api().get("/openapi/down.yml", null);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
