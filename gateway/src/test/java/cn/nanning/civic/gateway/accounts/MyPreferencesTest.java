package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MyPreferencesTest extends GatewayTest {

    private static final String PASSWORD = "Nanning-Clerk-2025!";

    @Inject
    StaffAccounts staff;

    private String newMember() {
        String username = "pref-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "大字代办员", Set.of(Role.ORGANIZER), "450103001001");
        return username;
    }

    private String signIn(String username) {
        Api.Response response = api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", PASSWORD), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.get("accessToken");
    }

    private Api.Response put(Object body, String token) {
        return api().send(HttpRequest.PUT("/api/v1/identity/me/preferences", body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    @Test
    void largerTextIsOffUntilChosenAndFollowsTheMemberToTheirNextSignIn() {
        String username = newMember();
        String first = signIn(username);
        Api.Response fresh = api().get("/api/v1/identity/me/preferences", first);
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.map()).containsEntry("largeText", false);

        Api.Response saved = put(Map.of("largeText", true), first);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.map()).containsEntry("largeText", true);

        // Another computer: a new sign-in reads what the first one saved.
        String second = signIn(username);
        assertThat(api().get("/api/v1/identity/me/preferences", second).map()).containsEntry("largeText", true);
        assertThat(put(Map.of("largeText", false), second).map()).containsEntry("largeText", false);
        assertThat(api().get("/api/v1/identity/me/preferences", first).map()).containsEntry("largeText", false);
    }

    @Test
    void aMissingChoiceIsRefusedInChineseAndCitizensHaveNoStaffPreferences() {
        String token = signIn(newMember());
        Api.Response empty = put(Map.of(), token);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).contains("application/problem+json");
        assertThat(empty.body()).contains("大字模式");

        Api.Response citizen = api().get("/api/v1/identity/me/preferences", citizenToken());
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(citizen.body()).contains("只有工作人员账号");
        assertThat(api().get("/api/v1/identity/me/preferences", null).status()).isEqualTo(401);
    }
}
