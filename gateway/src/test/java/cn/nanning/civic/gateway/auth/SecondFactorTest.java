package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class SecondFactorTest extends GatewayTest {

    static final String PASSWORD = "Correct-Horse-Battery-9";

    @Inject
    StaffAccounts staff;

    private String newStaff(Role role) {
        String username = "otp-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "测试人员", Set.of(role), "450103");
        return username;
    }

    private Api.Response login(String username, String otp) {
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
        if (otp != null) {
            body.put("otp", otp);
        }
        return api().post("/api/v1/auth/staff/login", body, null);
    }

    /** An authenticator app's view, written apart from the gateway's own implementation. */
    static String code(String base32Secret, long step) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32Secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0x0f;
            int value = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** Enrols the account and returns its secret. */
    private String enrol(String username) {
        String token = login(username, null).get("accessToken");
        Api.Response started = api().post("/api/v1/auth/staff/otp", Map.of(), token);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String secret = started.get("secret");
        Api.Response confirmed = api().post("/api/v1/auth/staff/otp/confirm", Map.of("otp", code(secret, step())), token);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        return secret;
    }

    @Test
    void aClerkWithoutASecondFactorStillSignsInButTheResponseSaysItIsNotEnrolled() {
        Api.Response response = login(newStaff(Role.CLERK), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("secondFactor")).isEqualTo("NOT_ENROLLED");
        assertThat(response.get("notice")).contains("尚未绑定");
    }

    @Test
    void theDemoAdminIsUnenrolledInDevAndIsToldSo() {
        Api.Response response = api().post("/api/v1/auth/staff/login", Map.of("username", "admin", "password", "Civic-Admin-2025!"), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("secondFactor")).isEqualTo("NOT_ENROLLED");
    }

    @Test
    void aLawyerNeedsNoSecondFactor() {
        Api.Response response = login(newStaff(Role.LAWYER), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.map()).doesNotContainKeys("secondFactor", "notice");
    }

    @Test
    void enrolmentGivesAnOtpauthUriForAuthenticatorApps() {
        String username = newStaff(Role.AUDITOR);
        String token = login(username, null).get("accessToken");

        Api.Response started = api().post("/api/v1/auth/staff/otp", Map.of(), token);

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.get("secret")).matches("[A-Z2-7]{32}");
        assertThat(started.get("otpauthUri")).startsWith("otpauth://totp/").contains(":" + username + "?")
                .contains("secret=" + started.get("secret")).contains("issuer=").contains("digits=6").contains("period=30");
    }

    @Test
    void onceEnrolledSignInNeedsTheCurrentCodeAndEachCodeWorksOnce() {
        String username = newStaff(Role.ADMIN);
        String secret = enrol(username);
        String next = code(secret, step() + 1);

        Api.Response withoutCode = login(username, null);
        Api.Response wrongCode = login(username, wrongCode(secret));
        Api.Response rightCode = login(username, next);
        Api.Response replayed = login(username, next);

        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.get("type")).endsWith("otp-required");
        assertThat(withoutCode.get("detail")).contains("动态验证码");
        assertThat(withoutCode.body()).doesNotContain("accessToken");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.get("type")).endsWith("otp-invalid");
        assertThat(rightCode.status()).as(rightCode.body()).isEqualTo(200);
        assertThat(rightCode.get("secondFactor")).isEqualTo("TOTP");
        assertThat(rightCode.map()).containsEntry("roles", List.of("ADMIN"));
        assertThat(replayed.status()).isEqualTo(401);
    }

    @Test
    void aWrongConfirmationCodeLeavesTheAccountUnenrolled() {
        String username = newStaff(Role.CLERK);
        String token = login(username, null).get("accessToken");
        String secret = api().post("/api/v1/auth/staff/otp", Map.of(), token).get("secret");

        Api.Response confirmed = api().post("/api/v1/auth/staff/otp/confirm", Map.of("otp", wrongCode(secret)), token);

        assertThat(confirmed.status()).isEqualTo(400);
        assertThat(confirmed.contentType()).startsWith("application/problem+json");
        assertThat(login(username, null).get("secondFactor")).isEqualTo("NOT_ENROLLED");
    }

    @Test
    void anEnrolledSecondFactorCannotBeReplacedByWhoeverHoldsAToken() {
        String username = newStaff(Role.CLERK);
        String secret = enrol(username);
        String token = login(username, code(secret, step() + 1)).get("accessToken");

        Api.Response again = api().post("/api/v1/auth/staff/otp", Map.of(), token);

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void citizensCannotEnrol() {
        assertThat(api().post("/api/v1/auth/staff/otp", Map.of(), citizenToken()).status()).isEqualTo(403);
    }

    static String wrongCode(String secret) {
        long now = step();
        List<String> valid = List.of(code(secret, now - 1), code(secret, now), code(secret, now + 1), code(secret, now + 2));
        for (int candidate = 0; ; candidate++) {
            String value = String.format("%06d", candidate);
            if (!valid.contains(value)) {
                return value;
            }
        }
    }
}
