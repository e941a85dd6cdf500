package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class StaffSignInTest extends GatewayTest {

    static final String PASSWORD = "Correct-Horse-Battery-9";

    @Inject
    StaffAccounts staff;

    private String newClerk() {
        String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "测试代办员", Set.of(Role.CLERK), "450103");
        return username;
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", password), null);
    }

    @Test
    void aStaffMemberSignsInAndLearnsTheirRolesNameAndRegion() {
        Api.Response response = login(newClerk(), PASSWORD);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.map()).containsEntry("roles", List.of("CLERK")).containsEntry("displayName", "测试代办员")
                .containsEntry("regionCode", "450103").containsEntry("tokenType", "Bearer");
        Map<String, Object> claims = claims(response.get("accessToken"));
        assertThat(claims).containsEntry("sub", response.get("accountId")).containsEntry("kind", "staff")
                .containsEntry("roles", List.of("CLERK")).containsEntry("region", "450103").containsEntry("name", "测试代办员");
    }

    @Test
    void usernamesAreMatchedWithoutRegardToCase() {
        assertThat(login(newClerk().toUpperCase(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameChineseRefusal() {
        Api.Response wrongPassword = login(newClerk(), PASSWORD + "x");
        Api.Response unknownUser = login("nobody-" + UUID.randomUUID(), PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.get("detail")).isEqualTo("用户名或密码不正确。");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.get("detail")).isEqualTo(wrongPassword.get("detail"));
        assertThat(unknownUser.get("type")).isEqualTo(wrongPassword.get("type"));
    }

    @Test
    void aDisabledAccountCannotSignInOrRefresh() {
        String username = newClerk();
        Api.Response signedIn = login(username, PASSWORD);
        staff.disable(UUID.fromString(signedIn.get("accountId")));

        assertThat(login(username, PASSWORD).status()).isEqualTo(401);
        assertThat(refresh(signedIn.get("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void theDemoAdminSignsInWithTheDefaultDevPassword() {
        Api.Response response = login("admin", "Civic-Admin-2025!");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.map()).containsEntry("roles", List.of("ADMIN")).containsEntry("regionCode", "450100");
    }

    @Test
    void aLoginWithoutPasswordIsABadRequest() {
        Api.Response response = api().post("/api/v1/auth/staff/login", Map.of("username", "admin"), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRefreshGivesANewPairAndTheOldRefreshTokenIsRefusedAfterwards() {
        Api.Response signedIn = login(newClerk(), PASSWORD);

        Api.Response refreshed = refresh(signedIn.get("refreshToken"));

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.get("refreshToken")).isNotEqualTo(signedIn.get("refreshToken"));
        assertThat(refreshed.get("accountId")).isEqualTo(signedIn.get("accountId"));
        assertThat(claims(refreshed.get("accessToken"))).containsEntry("region", "450103");
        Api.Response reused = refresh(signedIn.get("refreshToken"));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.get("detail")).isEqualTo("登录已失效，请重新登录。");
    }

    @Test
    void reusingARotatedRefreshTokenEndsTheWholeSignIn() {
        Api.Response signedIn = login(newClerk(), PASSWORD);
        Api.Response refreshed = refresh(signedIn.get("refreshToken"));

        assertThat(refresh(signedIn.get("refreshToken")).status()).isEqualTo(401);

        assertThat(refresh(refreshed.get("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void aCitizensRefreshTokenWorksToo() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".r");
        Api.Response refreshed = refresh(signedIn.get("refreshToken"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(claims(refreshed.get("accessToken"))).containsEntry("kind", "citizen").containsEntry("sub", signedIn.get("accountId"));
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        assertThat(refresh("made-up-token").status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api.Response signedIn = login(newClerk(), PASSWORD);

        Api.Response logout = api().post("/api/v1/auth/logout", Map.of("refreshToken", signedIn.get("refreshToken")),
                signedIn.get("accessToken"));

        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertThat(refresh(signedIn.get("refreshToken")).status()).isEqualTo(401);
    }

    @Test
    void logoutNeedsASignedInCaller() {
        Api.Response signedIn = login(newClerk(), PASSWORD);
        Api.Response logout = api().post("/api/v1/auth/logout", Map.of("refreshToken", signedIn.get("refreshToken")), null);
        assertThat(logout.status()).isEqualTo(401);
        assertThat(logout.contentType()).startsWith("application/problem+json");
        assertThat(refresh(signedIn.get("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void nobodyCanLogSomeoneElseOut() {
        Api.Response victim = login(newClerk(), PASSWORD);
        String otherToken = citizenToken();

        api().post("/api/v1/auth/logout", Map.of("refreshToken", victim.get("refreshToken")), otherToken);

        assertThat(refresh(victim.get("refreshToken")).status()).isEqualTo(200);
    }

    private Api.Response refresh(String refreshToken) {
        return api().post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }
}
