package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding 1 of the security review: access tokens outlived logout, a disabled account and a detected refresh-token
 * reuse by up to 15 minutes. Now each token carries its sign-in ({@code sid}), and a revoked sign-in's tokens are
 * refused at once by the gateway that revoked it and within seconds by every other instance.
 */
@MicronautTest(transactional = false)
class AccessTokenRevocationTest extends GatewayTest {

    private static final String PASSWORD = "Nanning-Clerk-2025!";
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    @Inject
    StaffAccounts staff;

    private int echo(String token) {
        return api().get("/api/v1/echo/whoami", token).status();
    }

    private Api.Response staffLogin(String username) {
        Api.Response response = api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", PASSWORD), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String newStaff(Role role, String region) {
        String username = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "测试人员", Set.of(role), region);
        return username;
    }

    @Test
    void afterLogoutTheSessionsAccessTokenIsRefusedAtOnceAndListedForServices() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".rev");
        String access = signedIn.get("accessToken");
        String sid = claims(access).get(Claims.SESSION).toString();
        assertThat(echo(access)).isEqualTo(200);

        Api.Response logout = api().post("/api/v1/auth/logout", Map.of("refreshToken", signedIn.get("refreshToken")), access);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(echo(access)).isEqualTo(401);
        assertThat(api().get("/.well-known/revoked-sessions", null).body()).contains(sid);
    }

    @Test
    void anotherGatewayInstanceRefusesTheLoggedOutTokenWithinSeconds() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".rev");
        String access = signedIn.get("accessToken");
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", "-1");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = HttpClient.create(other.getURL())) {
            Api otherApi = new Api(client, json);
            assertThat(otherApi.get("/api/v1/echo/whoami", access).status()).isEqualTo(200);

            api().post("/api/v1/auth/logout", Map.of("refreshToken", signedIn.get("refreshToken")), access);

            await().atMost(WITHIN_SECONDS).untilAsserted(() ->
                    assertThat(otherApi.get("/api/v1/echo/whoami", access).status()).isEqualTo(401));
        }
    }

    @Test
    void aReusedRefreshTokenEndsTheSignInIncludingTheAccessTokenTheThiefGot() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".rev");
        String stolenRefresh = signedIn.get("refreshToken");
        Api.Response rotated = api().post("/api/v1/auth/refresh", Map.of("refreshToken", stolenRefresh), null);
        String newAccess = rotated.get("accessToken");
        assertThat(echo(newAccess)).isEqualTo(200);

        Api.Response reuse = api().post("/api/v1/auth/refresh", Map.of("refreshToken", stolenRefresh), null);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(echo(newAccess)).isEqualTo(401);
        assertThat(echo(signedIn.get("accessToken"))).isEqualTo(401);
    }

    @Test
    void aDisabledStaffAccountsTokensStopWorking() {
        String admin = staffLogin(newStaffAdmin()).get("accessToken");
        String clerk = newStaff(Role.CLERK, "450103");
        String clerkToken = staffLogin(clerk).get("accessToken");
        assertThat(echo(clerkToken)).isEqualTo(200);

        Api.Response disabled = api().post("/api/v1/identity/staff/" + staff.accountIdOf(clerk).orElseThrow() + "/disable", Map.of(), admin);

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(echo(clerkToken)).isEqualTo(401);
    }

    @Test
    void aRoleChangeEndsTheSignInsThatCarryTheOldRoles() {
        String admin = staffLogin(newStaffAdmin()).get("accessToken");
        String clerk = newStaff(Role.CLERK, "450103");
        String clerkToken = staffLogin(clerk).get("accessToken");

        Api.Response changed = api().send(HttpRequest.PUT("/api/v1/identity/staff/" + staff.accountIdOf(clerk).orElseThrow() + "/roles",
                Map.of("roles", List.of("ORGANIZER"))).contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE), admin);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(echo(clerkToken)).isEqualTo(401);
        assertThat(claims(staffLogin(clerk).get("accessToken")).get("roles")).isEqualTo(List.of("ORGANIZER"));
    }

    private String newStaffAdmin() {
        return newStaff(Role.ADMIN, "450103");
    }
}
