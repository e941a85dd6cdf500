package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PhoneBindingTest extends GatewayTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Inject
    FieldCipher cipher;

    record Citizen(String user, String accountId, String accessToken, String refreshToken) {
    }

    private Citizen signIn() {
        String user = newWeChatUser();
        Api.Response response = signInWithWeChat(user + ".login");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Citizen(user, response.get("accountId"), response.get("accessToken"), response.get("refreshToken"));
    }

    private Api.Response bind(String code, String token) {
        return api().post("/api/v1/auth/wechat/phone", Map.of("code", code), token);
    }

    private String storedPhone(String accountId) {
        try (Connection c = DriverManager.getConnection(databaseUrl, databaseUser, "");
             PreparedStatement s = c.prepareStatement("select phone_enc from identity.citizen_account where id = ?")) {
            s.setObject(1, UUID.fromString(accountId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> auditRows(String accountId) {
        return auditRows(accountId, "PHONE_BIND");
    }

    @Test
    void aCitizenBindsThePhoneWeChatVouchesForAndGetsItBackMaskedOnly() {
        Citizen citizen = signIn();
        String code = citizen.user() + ".phone1";
        String phone = TestEnvironment.weChat().phoneNumberFor(code);

        Api.Response bound = bind(code, citizen.accessToken());

        assertThat(bound.status()).as(bound.body()).isEqualTo(200);
        assertThat(bound.get("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7)).hasSize(11);
        assertThat(bound.get("boundAt")).isNotBlank();
        assertThat(bound.body()).doesNotContain(phone).doesNotContain("session").doesNotContain("openid");
    }

    @Test
    void theNumberIsEncryptedAtRestAndTheBindingAuditedWithoutIt() {
        Citizen citizen = signIn();
        String code = citizen.user() + ".phone2";
        String phone = TestEnvironment.weChat().phoneNumberFor(code);
        assertThat(bind(code, citizen.accessToken()).status()).isEqualTo(200);

        String stored = storedPhone(citizen.accountId());
        assertThat(stored).isNotBlank().doesNotContain(phone);
        assertThat(cipher.decrypt(stored, "identity.citizen_account.phone_enc")).isEqualTo(phone);

        List<Map<String, Object>> rows = auditRows(citizen.accountId());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("action", "PHONE_BIND").containsEntry("outcome", "SUCCESS")
                .containsEntry("actor", citizen.accountId());
        assertThat(rows.getFirst().toString()).doesNotContain(phone).doesNotContain(phone.substring(7));
    }

    @Test
    void bindingAgainReplacesTheNumberAndSaysSoInTheAudit() {
        Citizen citizen = signIn();
        assertThat(bind(citizen.user() + ".first", citizen.accessToken()).status()).isEqualTo(200);
        assertThat(bind(citizen.user() + ".second", citizen.accessToken()).status()).isEqualTo(200);
        assertThat(auditRows(citizen.accountId())).extracting(r -> r.get("detail"))
                .contains("wechat phone", "wechat phone; replaced the earlier number");
    }

    @Test
    void aUsedCodeIsRefusedInChineseAndAudited() {
        Citizen citizen = signIn();
        String code = citizen.user() + ".once";
        assertThat(bind(code, citizen.accessToken()).status()).isEqualTo(200);

        Api.Response again = bind(code, citizen.accessToken());

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.get("type")).endsWith("wechat-phone-code-invalid");
        assertThat(again.get("detail")).isEqualTo("手机号授权凭证无效、已使用或已过期，请重新点击“授权手机号”。");
        assertThat(auditRows(citizen.accountId())).extracting(r -> r.get("outcome")).contains("FAILURE", "SUCCESS");
    }

    @Test
    void anExpiredOrMalformedCodeIsRefusedAndNothingIsStored() {
        Citizen citizen = signIn();
        String code = citizen.user() + ".stale";
        TestEnvironment.weChat().expirePhoneCode(code);

        Api.Response expired = bind(code, citizen.accessToken());
        Api.Response malformed = bind("not a code", citizen.accessToken());

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.get("detail")).contains("已过期");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(storedPhone(citizen.accountId())).isNull();
    }

    @Test
    void aMissingCodeIsAFieldErrorInChinese() {
        Citizen citizen = signIn();
        Api.Response response = bind("", citizen.accessToken());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("请提供手机号授权凭证");
    }

    @Test
    void onlyASignedInCitizenMayBind() {
        Api.Response anonymous = bind(newWeChatUser() + ".p", null);
        assertThat(anonymous.status()).isEqualTo(401);

        Api.Response staff = api().post("/api/v1/auth/staff/login",
                Map.of("username", "admin", "password", "Civic-Admin-2025!"), null);
        Api.Response byStaff = bind(newWeChatUser() + ".p", staff.get("accessToken"));
        assertThat(byStaff.status()).isEqualTo(403);
        assertThat(byStaff.get("detail")).isEqualTo("只有市民账号可以通过微信绑定手机号。");
    }

    @Test
    void theStrictPhoneBindingLimitStopsTheSixthAttemptWithinTenMinutes() {
        Citizen citizen = signIn();
        for (int i = 0; i < 5; i++) {
            Api.Response attempt = bind(citizen.user() + ".try" + i, citizen.accessToken());
            assertThat(attempt.status()).as(attempt.body()).isEqualTo(200);
            assertThat(attempt.header("X-RateLimit-Limit")).isEqualTo("5");
        }

        Api.Response sixth = bind(citizen.user() + ".try5", citizen.accessToken());

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isPositive();
        assertThat(sixth.get("detail")).startsWith("操作过于频繁");
        // Another citizen has a bucket of their own.
        Citizen other = signIn();
        assertThat(bind(other.user() + ".try0", other.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void tokensNeverCarryThePhoneNumberEvenAfterBinding() {
        Citizen citizen = signIn();
        String code = citizen.user() + ".claims";
        String phone = TestEnvironment.weChat().phoneNumberFor(code);
        assertThat(bind(code, citizen.accessToken()).status()).isEqualTo(200);

        Api.Response refreshed = api().send(HttpRequest.POST("/api/v1/auth/refresh", Map.of("refreshToken", citizen.refreshToken()))
                .contentType(MediaType.APPLICATION_JSON_TYPE), null);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> claims = claims(refreshed.get("accessToken"));
        assertThat(claims.toString()).doesNotContain(phone).doesNotContain(phone.substring(7));
        assertThat(claims).doesNotContainKeys("phone", "phoneNumber", "session_key", "sessionKey");
    }
}
