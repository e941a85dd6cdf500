package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class CitizenSignInTest extends GatewayTest {

    @Test
    void aFirstWeChatSignInCreatesAnAccountAndTheSamePersonSigningInAgainGetsTheSameAccount() {
        String user = newWeChatUser();
        Api.Response first = signInWithWeChat(user + ".one");
        Api.Response second = signInWithWeChat(user + ".two");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(first.get("accountId")).isNotBlank().isEqualTo(second.get("accountId"));
        assertThat(first.map()).containsEntry("newAccount", true).containsEntry("tokenType", "Bearer");
        assertThat(second.map()).containsEntry("newAccount", false);
        assertThat(first.get("refreshToken")).isNotBlank().isNotEqualTo(second.get("refreshToken"));
    }

    @Test
    void anotherWeChatUserGetsAnotherAccount() {
        String one = signInWithWeChat(newWeChatUser() + ".x").get("accountId");
        String other = signInWithWeChat(newWeChatUser() + ".x").get("accountId");
        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void theSessionKeyNeverReachesTheClient() {
        String user = newWeChatUser();
        Api.Response response = signInWithWeChat(user + ".k");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("session_key").doesNotContain("sessionKey")
                .doesNotContain("openid").doesNotContain(TestEnvironment.weChat().openIdFor(user));
    }

    @Test
    void theAccessTokenCarriesTheContractClaimsForACitizen() {
        Api.Response response = signInWithWeChat(newWeChatUser() + ".c");
        Map<String, Object> claims = claims(response.get("accessToken"));
        assertThat(claims).containsEntry("sub", response.get("accountId")).containsEntry("kind", "citizen")
                .containsEntry("roles", List.of("CITIZEN")).doesNotContainKey("region");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(900L);
        assertThat(response.map()).containsEntry("expiresIn", 900);
    }

    @Test
    void aCitizenAccessTokenCarriesTheOpenidFromCodeToSessionAndKeepsItOnRefresh() {
        String user = newWeChatUser();
        Api.Response response = signInWithWeChat(user + ".o");
        String openid = TestEnvironment.weChat().openIdFor(user);

        assertThat(claims(response.get("accessToken"))).containsEntry("openid", openid)
                .doesNotContainKeys("session_key", "sessionKey", "phone", "unionid");

        Api.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", response.get("refreshToken")), null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(claims(refreshed.get("accessToken"))).containsEntry("openid", openid);
    }

    @Test
    void aStaffAccessTokenHasNoOpenid() {
        Api.Response staff = api().post("/api/v1/auth/staff/login",
                Map.of("username", "admin", "password", "Civic-Admin-2025!"), null);
        assertThat(staff.status()).as(staff.body()).isEqualTo(200);
        assertThat(claims(staff.get("accessToken"))).doesNotContainKey("openid");
    }

    @Test
    void theAccessTokenOpensAnAuthenticatedRoute() {
        String token = signInWithWeChat(newWeChatUser() + ".r").get("accessToken");
        Api.Response echoed = api().get("/api/v1/echo/me", token);
        assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);
        assertThat(echoed.get("authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void aCodeUsedOnceIsRefusedWithAChineseProblem() {
        String code = newWeChatUser() + ".once";
        assertThat(signInWithWeChat(code).status()).isEqualTo(200);

        Api.Response again = signInWithWeChat(code);

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.get("detail")).isEqualTo("微信登录凭证无效或已使用，请重新进入小程序登录。");
        assertThat(again.get("type")).endsWith("wechat-code-invalid");
        assertThat(again.map()).doesNotContainKey("accessToken");
    }

    @Test
    void aCodeWeChatDoesNotKnowIsRefused() {
        Api.Response response = signInWithWeChat("not-a-valid-code");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRequestWithoutACodeIsABadRequest() {
        Api.Response response = api().post("/api/v1/auth/wechat", Map.of(), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("detail")).contains("请提供微信登录凭证");
    }
}
