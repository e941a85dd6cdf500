package cn.nanning.civic.gateway.profile;

import cn.nanning.civic.common.idcard.ResidentIdNumber;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 我的资料: saved only with consent, encrypted at rest, shown in full to the owner alone, erased on withdrawal, audited. */
@MicronautTest(transactional = false)
class MyProfileTest extends GatewayTest {

    private static final String PATH = "/api/v1/me/profile";
    private static final String ID_NUMBER = idNumber("45010319850317123");

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Inject
    FieldCipher cipher;

    record Citizen(String user, String accountId, String token) {
    }

    private Citizen signIn() {
        String user = newWeChatUser();
        Api.Response response = signInWithWeChat(user + ".login");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Citizen(user, response.get("accountId"), response.get("accessToken"));
    }

    private static String idNumber(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private Api.Response put(Map<String, Object> body, String token) {
        return api().send(HttpRequest.PUT(PATH, body).contentType(MediaType.APPLICATION_JSON_TYPE), token);
    }

    private static Map<String, Object> save(String name, String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("consent", true);
        body.put("policyVersion", ProfilePolicy.CURRENT.version());
        return body;
    }

    @Test
    void nothingIsSavedWithoutConsentAndTheOwnerThenReadsTheirDataInFullWithTheBoundPhone() {
        Citizen citizen = signIn();
        Api.Response empty = api().get(PATH, citizen.token());
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.map()).containsEntry("saved", false).containsEntry("name", null).containsEntry("phone", null);
        assertThat(empty.body()).contains(ProfilePolicy.CURRENT.version()).contains("个人资料保存说明");

        Map<String, Object> withoutConsent = save("黄秀梅", ID_NUMBER);
        withoutConsent.put("consent", false);
        Api.Response refused = put(withoutConsent, citizen.token());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("勾选同意").doesNotContain(ID_NUMBER);
        Map<String, Object> oldPolicy = save("黄秀梅", ID_NUMBER);
        oldPolicy.put("policyVersion", "2020-01");
        assertThat(put(oldPolicy, citizen.token()).body()).contains("说明已更新");
        assertThat(put(save("黄秀梅", "450103198503171230"), citizen.token()).body()).contains("校验位");
        assertThat(put(save("1", ID_NUMBER), citizen.token()).body()).contains("姓名");
        assertThat(storedRows(citizen.accountId())).isZero();

        String code = citizen.user() + ".phone";
        String phone = TestEnvironment.weChat().phoneNumberFor(code);
        assertThat(api().post("/api/v1/auth/wechat/phone", Map.of("code", code), citizen.token()).status()).isEqualTo(200);
        Api.Response saved = put(save(" 黄秀梅 ", ID_NUMBER.toLowerCase()), citizen.token());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.map()).containsEntry("saved", true).containsEntry("name", "黄秀梅").containsEntry("idNumber", ID_NUMBER)
                .containsEntry("birthDate", "1985-03-17").containsEntry("adult", true).containsEntry("phone", phone)
                .containsEntry("consentVersion", ProfilePolicy.CURRENT.version()).containsEntry("consentCurrent", true);

        Api.Response again = api().get(PATH, citizen.token());
        assertThat(again.map()).containsEntry("idNumber", ID_NUMBER).containsEntry("phone", phone);
        // Another citizen sees only their own (empty) profile: there is no way to name someone else's.
        assertThat(api().get(PATH, signIn().token()).map()).containsEntry("saved", false);
    }

    @Test
    void theDataIsEncryptedAtRestAndEveryReadSaveAndErasureIsAuditedWithoutIt() {
        Citizen citizen = signIn();
        assertThat(put(save("陆小燕", ID_NUMBER), citizen.token()).status()).isEqualTo(200);
        api().get(PATH, citizen.token());

        String[] stored = stored(citizen.accountId());
        assertThat(String.join(" ", stored)).doesNotContain("陆小燕").doesNotContain(ID_NUMBER);
        assertThat(cipher.decrypt(stored[0], CitizenProfiles.NAME_COLUMN)).isEqualTo("陆小燕");
        assertThat(cipher.decrypt(stored[1], CitizenProfiles.ID_NUMBER_COLUMN)).isEqualTo(ID_NUMBER);

        assertThat(api().send(HttpRequest.DELETE(PATH), citizen.token()).status()).isEqualTo(204);
        assertThat(storedRows(citizen.accountId())).isZero();
        assertThat(api().get(PATH, citizen.token()).map()).containsEntry("saved", false).containsEntry("idNumber", null);

        List<Map<String, Object>> rows = auditRows(citizen.accountId());
        assertThat(rows).extracting(r -> r.get("action"))
                .containsExactlyInAnyOrder("PROFILE_SAVE", "PROFILE_READ", "PROFILE_ERASE", "PROFILE_READ");
        assertThat(rows.toString()).doesNotContain("陆小燕").doesNotContain(ID_NUMBER).doesNotContain(ID_NUMBER.substring(14));
    }

    @Test
    void staffHaveNoCitizenProfileAndAnonymousCallersAreAskedToSignIn() {
        Api.Response admin = api().post("/api/v1/auth/staff/login", Map.of("username", "auditor", "password", "Civic-Admin-2025!"), null);
        Api.Response forStaff = api().get(PATH, admin.get("accessToken"));
        assertThat(forStaff.status()).isEqualTo(403);
        assertThat(forStaff.body()).contains("工作人员账号没有");
        assertThat(api().get(PATH, null).status()).isEqualTo(401);
    }

    private int storedRows(String accountId) {
        return stored(accountId) == null ? 0 : 1;
    }

    private String[] stored(String accountId) {
        try (Connection c = DriverManager.getConnection(databaseUrl, databaseUser, "");
             PreparedStatement s = c.prepareStatement("select name_enc, id_number_enc from identity.citizen_profile where account_id = ?")) {
            s.setObject(1, UUID.fromString(accountId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new String[]{rs.getString(1), rs.getString(2)} : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> auditRows(String accountId) {
        return auditRows(accountId, null).stream().filter(r -> r.get("action").toString().startsWith("PROFILE_")).toList();
    }
}
