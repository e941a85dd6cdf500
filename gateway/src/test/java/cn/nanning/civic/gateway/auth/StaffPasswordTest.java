package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class StaffPasswordTest extends GatewayTest {

    static final String PASSWORD = "Correct-Horse-Battery-9";

    @Inject
    StaffAccounts staff;

    private String newClerk() {
        String username = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "测试代办员", Set.of(Role.CLERK), "450103");
        return username;
    }

    private Api.Response login(String username, String password) {
        return api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", password), null);
    }

    private Api.Response change(String token, String current, String next) {
        return api().post("/api/v1/auth/staff/password", Map.of("currentPassword", current, "newPassword", next), token);
    }

    @Test
    void aNewPasswordShorterThanTwelveCharactersIsRefused() {
        String token = login(newClerk(), PASSWORD).get("accessToken");

        Api.Response response = change(token, PASSWORD, "Short-pw-11");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("detail")).isEqualTo("密码至少需要 12 个字符。");
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        String token = login(newClerk(), PASSWORD).get("accessToken");

        for (String common : new String[]{"Password1234", "QWERTYUIOP123", "woaini1314520", "123456789012", "Admin@123456"}) {
            Api.Response response = change(token, PASSWORD, common);
            assertThat(response.status()).as(common).isEqualTo(400);
            assertThat(response.get("detail")).as(common).isEqualTo("该密码过于常见，容易被猜中，请换一个。");
        }
    }

    @Test
    void aGoodPasswordReplacesTheOldOneAndEndsEveryOtherSignIn() {
        String username = newClerk();
        Api.Response first = login(username, PASSWORD);
        String next = "Lantern-Orchid-Bridge-42";

        Api.Response response = change(first.get("accessToken"), PASSWORD, next);

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(login(username, PASSWORD).status()).isEqualTo(401);
        assertThat(login(username, next).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", first.get("refreshToken")), null).status())
                .isEqualTo(401);
    }

    @Test
    void theCurrentPasswordMustBeProven() {
        String token = login(newClerk(), PASSWORD).get("accessToken");

        Api.Response response = change(token, "Not-the-current-one-1", "Lantern-Orchid-Bridge-42");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("detail")).isEqualTo("当前密码不正确。");
    }

    @Test
    void citizensHaveNoPasswordToChange() {
        Api.Response response = change(citizenToken(), PASSWORD, "Lantern-Orchid-Bridge-42");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPasswordChangeNeedsASignedInCaller() {
        assertThat(change(null, PASSWORD, "Lantern-Orchid-Bridge-42").status()).isEqualTo(401);
    }
}
