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
    void anyoneOpensAPublishedCatalogueItemWithoutSigningInAndARetiredOneIsNotFound() {
        Api.Response item = gateway.get("/api/v1/catalogue/items/NN-SB-001", null);
        assertThat(item.status()).as(item.body()).isEqualTo(200);
        assertThat(item.json().path("code").asText()).isEqualTo("NN-SB-001");
        assertThat(item.json().path("materialsList").isArray()).isTrue();
        assertThat(item.json().path("materialsList").size()).isPositive();
        assertThat(gateway.get("/api/v1/catalogue/items/NN-SB-001/bundle", null).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/catalogue/categories", null).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/search/services/NN-SB-001/legal-basis", null).status())
                .as("its legal basis is public too").isEqualTo(200);

        // An item taken off the catalogue (retired) is for staff only: anonymous callers are told it is not there.
        String admin = cn.nanning.civic.e2e.platform.ProxyData.token("admin");
        String code = "ZZ-E2E-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.util.Map<String, Object> draft = new java.util.HashMap<>(java.util.Map.of("code", code, "name", "端到端测试事项",
                "type", "公共服务", "department", "南宁市民政局", "implementingLevel", "区县级", "materials", "居民身份证；户口簿",
                "proxyAllowed", true));
        assertThat(gateway.post("/api/v1/catalogue/items", draft, admin).status()).isEqualTo(201);
        assertThat(gateway.get("/api/v1/catalogue/items/" + code, null).json().path("materialsList").toString())
                .isEqualTo("[\"居民身份证\",\"户口簿\"]");
        Api.Response retired = gateway.delete("/api/v1/catalogue/items/" + code, admin);
        assertThat(retired.status()).as(retired.body()).isEqualTo(204);

        Api.Response gone = gateway.get("/api/v1/catalogue/items/" + code, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.body()).contains("不存在或已下线");
        assertThat(gateway.get("/api/v1/catalogue/items/" + code, admin).json().path("retired").asBoolean())
                .as("staff still read it").isTrue();

        // Writes stay closed to anonymous callers at the gateway.
        Api.Response write = gateway.post("/api/v1/catalogue/items", draft, null);
        assertThat(write.status()).isEqualTo(401);
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
