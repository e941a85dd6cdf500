package cn.nanning.civic.e2e;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What residents read without signing in goes through the gateway's public routes; everything else stays closed. */
class PublicPagesTest {

    static Api gateway;

    @BeforeAll
    static void platform() {
        Platform.get();
        gateway = new Api(Platform.GATEWAY);
    }

    @Test
    void anyoneReadsTheCouncilsOfADistrictWithoutSigningIn() {
        Api.Response councils = gateway.get("/api/v1/council/public/councils?region=450103", null);
        assertThat(councils.status()).as(councils.body()).isEqualTo(200);
        assertThat(councils.json().isArray()).isTrue();
    }

    @Test
    void councilManagementStaysClosedToAnonymousCallers() {
        Api.Response refused = gateway.get("/api/v1/council/councils", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anyoneFindsTheStandardCatalogueThroughSearchWithoutSigningIn() throws InterruptedException {
        // The standard catalogue is published when services first start; search indexes it from Kafka.
        String query = "/api/v1/search/services?q=" + java.net.URLEncoder.encode("养老保险", java.nio.charset.StandardCharsets.UTF_8);
        Api.Response found = gateway.get(query, null);
        for (int i = 0; i < 60 && !found.body().contains("NN-SB-001"); i++) {
            Thread.sleep(500);
            found = gateway.get(query, null);
        }
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("hits").toString()).contains("NN-SB-001");
    }

    @Test
    void anyoneLooksUpAProxyReceiptsProgressButNotTheRequestBehindIt() {
        Api.Response unknown = gateway.get("/api/v1/proxy/public/receipts/DB19990101-000001", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("没有找到该回执");
        assertThat(unknown.body()).doesNotContain("认证", "登录");
        Api.Response closed = gateway.get("/api/v1/proxy/requests/workbench", null);
        assertThat(closed.status()).isEqualTo(401);
    }
}
