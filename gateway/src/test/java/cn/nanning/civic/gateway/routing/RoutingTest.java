package cn.nanning.civic.gateway.routing;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.EchoServer;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class RoutingTest extends GatewayTest {

    @Inject
    EmbeddedServer server;

    @Test
    void forwardsMethodBodyQueryAuthorizationAndRequestIdAndStripsThePrefix() {
        String token = citizenToken();
        String requestId = "test-" + UUID.randomUUID();

        Api.Response response = api().send(HttpRequest.PUT("/api/v1/echo/items/7?size=2&q=%E5%8D%97%E5%AE%81",
                        "{\"name\":\"南宁\"}").contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Request-Id", requestId),
                token);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.get("method")).isEqualTo("PUT");
        assertThat(response.get("path")).isEqualTo("/items/7");
        assertThat(response.get("query")).isEqualTo("size=2&q=%E5%8D%97%E5%AE%81");
        assertThat(response.get("body")).isEqualTo("{\"name\":\"南宁\"}");
        assertThat(response.get("contentType")).startsWith("application/json");
        assertThat(response.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(response.get("requestId")).isEqualTo(requestId);
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(response.header("X-Echo")).isEqualTo("yes");
    }

    @Test
    void aRequestWithoutAnIdGetsOneThatTheDownstreamSeesToo() {
        Api.Response response = api().get("/api/v1/echo/x", citizenToken());
        assertThat(response.get("requestId")).isNotBlank().isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void keepsThePrefixWhenTheRouteSaysSo() {
        Api.Response response = api().send(HttpRequest.DELETE("/api/v1/keep/a/b"), citizenToken());
        assertThat(response.get("method")).isEqualTo("DELETE");
        assertThat(response.get("path")).isEqualTo("/api/v1/keep/a/b");
    }

    @Test
    void aPrefixMatchesWholePathSegmentsOnly() {
        Api.Response response = api().get("/api/v1/echoes", citizenToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Echo")).isNull();
    }

    @Test
    void aPublicRouteNeedsNoToken() {
        Api.Response response = api().post("/api/v1/open/search", "{\"q\":\"法律援助\"}", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("path")).isEqualTo("/search");
        assertThat(response.get("method")).isEqualTo("POST");
        assertThat(response.get("body")).isEqualTo("{\"q\":\"法律援助\"}");
    }

    @Test
    void aMissingTokenOnAnAuthenticatedRouteIsRefusedBeforeReachingTheDownstream() {
        int before = TestEnvironment.echo().requests();

        Api.Response response = api().get("/api/v1/echo/items", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("title")).isEqualTo("未登录或登录已失效");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = citizenToken();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThat(api().get("/api/v1/echo/items", forged).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/echo/items", "not.a.jwt").status()).isEqualTo(401);
    }

    @Test
    void aRouteForAdminsRefusesACitizenWith403AndLetsTheAdminThrough() {
        Api.Response citizen = api().get("/api/v1/admin-only/report", citizenToken());
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(citizen.contentType()).startsWith("application/problem+json");

        String adminToken = api().post("/api/v1/auth/staff/login",
                java.util.Map.of("username", "admin", "password", "Civic-Admin-2025!"), null).get("accessToken");
        Api.Response admin = api().get("/api/v1/admin-only/report", adminToken);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.get("path")).isEqualTo("/report");
    }

    @Test
    void downstreamErrorStatusesPassThroughUnchanged() {
        Api.Response response = api().get("/api/v1/open/teapot", null);
        assertThat(response.status()).isEqualTo(418);
        assertThat(response.get("path")).isEqualTo("/teapot");
    }

    @Test
    void aDownstreamThatIsDownGivesA503ProblemInChinese() {
        Api.Response response = api().get("/api/v1/down/anything", null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("title")).isEqualTo("服务暂时不可用");
        assertThat(response.get("detail")).isEqualTo("服务暂时不可用，请稍后再试。");
        assertThat(response.get("requestId")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void afterRepeatedFailuresTheRoutesCircuitOpensAndAnswersAtOnce() {
        for (int i = 0; i < 10; i++) {
            assertThat(api().get("/api/v1/flaky/x", null).get("type")).endsWith("downstream-unavailable");
        }

        Api.Response response = api().get("/api/v1/flaky/x", null);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.get("type")).endsWith("downstream-circuit-open");
        assertThat(response.get("detail")).isEqualTo("服务暂时不可用，请稍后再试。");
        assertThat(response.header("Retry-After")).isEqualTo("10");
        assertThat(api().get("/api/v1/open/still-fine", null).status()).isEqualTo(200);
    }

    @Test
    void aDownstreamThatAnswersTooSlowlyGivesA504ProblemInChinese() {
        long started = System.nanoTime();

        Api.Response response = api().get("/api/v1/slow/sleep", null);

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("detail")).isEqualTo("后台服务响应超时，请稍后再试。");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2500);
    }

    @Test
    void theCallersAddressIsAppendedToTheForwardedForChainInOneHeaderOnFirstTriesAndRetries() {
        String token = citizenToken();

        Api.Response put = api().send(HttpRequest.PUT("/api/v1/echo/x", "{}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Forwarded-For", "203.0.113.7"), token);
        Api.Response get = api().send(HttpRequest.GET("/api/v1/echo/y").header("X-Forwarded-For", "203.0.113.8"), token);
        Api.Response retried = api().send(HttpRequest.GET("/api/v1/echo/z/unavailable-once")
                .header("X-Forwarded-For", "203.0.113.9"), token);

        assertThat(put.get("forwardedFor")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(get.get("forwardedFor")).isEqualTo("203.0.113.8, 127.0.0.1");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.get("forwardedFor")).isEqualTo("203.0.113.9, 127.0.0.1");
    }

    @Test
    void anAnswerWithoutABodyGetsNoContentTypeMadeUp() {
        Api.Response response = api().send(HttpRequest.DELETE("/api/v1/echo/items/7/no-content"), citizenToken());

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Content-Type")).isNull();
    }

    @Test
    void aCallersConnectionCloseIsHonouredAndNotPassedToTheDownstream() throws Exception {
        String token = citizenToken();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /api/v1/echo/x HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            // Read to the end: only a connection the gateway closes ends; one kept open would time out here.
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
            assertThat(answer).doesNotContain("\"connection\":\"close\"");
        }
    }

    @Test
    void theDownstreamIsAddressedByItsOwnHostNotTheGateways() {
        Api.Response response = api().get("/api/v1/echo/x", citizenToken());
        assertThat(response.get("host")).isEqualTo(TestEnvironment.echo().baseUrl().replace("http://", ""));
    }

    @Test
    void aLargeUploadAndALargeChunkedDownloadPassThroughByteForByte() throws Exception {
        String token = citizenToken();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String gateway = "http://127.0.0.1:" + server.getPort();
        // Under the echo route's 1 MB body limit, over Netty's default 64 KB aggregation pieces.
        byte[] upload = EchoServer.downloadBytes(900_000);

        java.net.http.HttpResponse<String> uploaded = http.send(java.net.http.HttpRequest.newBuilder(URI.create(gateway + "/api/v1/echo/files"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(upload)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<byte[]> downloaded = http.send(java.net.http.HttpRequest.newBuilder(URI.create(gateway + "/api/v1/echo/download?bytes=3000000"))
                .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        java.net.http.HttpResponse<byte[]> sized = http.send(java.net.http.HttpRequest.newBuilder(URI.create(gateway + "/api/v1/echo/download-with-length?bytes=2500000"))
                .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        Map<String, Object> echo = json.readValue(uploaded.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        assertThat(echo.get("bodyBytes")).isEqualTo("900000");
        assertThat(echo.get("bodySha256")).isEqualTo(EchoServer.sha256(upload));
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(downloaded.body()).hasSize(3_000_000);
        assertThat(EchoServer.sha256(downloaded.body())).isEqualTo(EchoServer.sha256(EchoServer.downloadBytes(3_000_000)));
        assertThat(sized.statusCode()).isEqualTo(200);
        assertThat(sized.headers().firstValue("Content-Length")).hasValue("2500000");
        assertThat(EchoServer.sha256(sized.body())).isEqualTo(EchoServer.sha256(EchoServer.downloadBytes(2_500_000)));
    }

    @Test
    void theGatewaysOwnEndpointsAreNotForwarded() {
        Api.Response response = api().get("/api/v1/auth/wechat", null);
        assertThat(response.header("X-Echo")).isNull();
    }
}
