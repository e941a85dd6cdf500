package cn.nanning.civic.e2e;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Walking skeleton steps 1, 2 and 5: the mini-program's sign-in, a services call through the gateway, ids and errors. */
class CitizenSignInTest {

    static Platform platform;
    static Api gateway;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        gateway = new Api(Platform.GATEWAY);
    }

    @Test
    void aCitizenSignsInWithAWeChatCodeAndListsTheTownshipsOfQingxiuDistrict() throws Exception {
        String user = "e2e-" + UUID.randomUUID();
        Api.Response login = gateway.post("/api/v1/auth/wechat", Map.of("code", user + ".first"), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.path("accessToken").asText()).isNotBlank();
        assertThat(tokens.path("refreshToken").asText()).isNotBlank();
        assertThat(login.body()).doesNotContain("session_key").doesNotContain("sessionKey");

        String requestId = "e2e-" + UUID.randomUUID();
        Api.Response townships = gateway.get("/api/v1/regions/450103/children", tokens.path("accessToken").asText(),
                Map.of("X-Request-Id", requestId));
        assertThat(townships.status()).as(townships.body()).isEqualTo(200);
        assertThat(townships.json()).isNotEmpty();
        assertThat(townships.json().get(0).path("parentCode").asText()).isEqualTo("450103");
        assertThat(townships.body()).contains("街道");
        assertThat(townships.requestId()).isEqualTo(requestId);
        assertThat(platform.logOnceItContains("services", requestId)).contains(requestId);
    }

    @Test
    void theSameWeChatUserSigningInAgainGetsTheSameAccount() {
        String user = "e2e-" + UUID.randomUUID();
        JsonNode first = gateway.post("/api/v1/auth/wechat", Map.of("code", user + ".a"), null).json();
        JsonNode second = gateway.post("/api/v1/auth/wechat", Map.of("code", user + ".b"), null).json();
        assertThat(second.path("accountId").asText()).isEqualTo(first.path("accountId").asText());
        assertThat(first.path("newAccount").asBoolean()).isTrue();
        assertThat(second.path("newAccount").asBoolean()).isFalse();
    }

    @Test
    void aServicesCallWithoutATokenIsRefusedAsChineseProblemJson() {
        Api.Response refused = gateway.get("/api/v1/regions/450103/children", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("title").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(refused.requestId()).isNotBlank();
    }

    @Test
    void servicesRefuseADirectCallWithoutATokenToo() {
        Api.Response direct = new Api(Platform.SERVICES).get("/api/v1/regions/450103/children", null);
        assertThat(direct.status()).isEqualTo(401);
        assertThat(direct.contentType()).startsWith("application/problem+json");
    }
}
