package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.nanning.civic.gateway.auth.SecondFactorTest.code;
import static cn.nanning.civic.gateway.auth.SecondFactorTest.step;
import static cn.nanning.civic.gateway.auth.SecondFactorTest.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside dev and demo (no second-factor grace): ADMIN, AUDITOR and CLERK accounts without a second factor are not
 * signed in but handed an enrolment to confirm with their password and first code; administrators can reset a
 * member's second factor, which ends the member's sign-ins and is audited.
 */
@MicronautTest(transactional = false)
class SecondFactorEnforcementTest extends GatewayTest {

    private static final String PASSWORD = SecondFactorTest.PASSWORD;

    @Inject
    StaffAccounts staff;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("civic.sign-in.second-factor-grace", "false");
        return properties;
    }

    private record Member(String username, UUID id) {
    }

    private Member newStaff(Role role, String region) {
        String username = "mfa-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = staff.create(username, PASSWORD, "测试人员", Set.of(role), region);
        return new Member(username, id);
    }

    private Api.Response login(String username, String otp) {
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", PASSWORD));
        if (otp != null) {
            body.put("otp", otp);
        }
        return api().post("/api/v1/auth/staff/login", body, null);
    }

    /** Goes through enrolment at sign-in; returns the secret and the signed-in response. */
    private Map.Entry<String, Api.Response> enrolAtSignIn(String username) {
        Api.Response refused = login(username, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        String secret = refused.get("secret");
        Api.Response signedIn = login(username, code(secret, step()));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        return Map.entry(secret, signedIn);
    }

    @Test
    void anUnenrolledClerkIsNotSignedInButGetsAnEnrolmentToConfirmWithTheFirstCode() {
        Member clerk = newStaff(Role.CLERK, "450103");

        Api.Response refused = login(clerk.username(), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.get("type")).endsWith("otp-enrolment-required");
        assertThat(refused.get("detail")).contains("尚未绑定");
        assertThat(refused.get("otpauthUri")).startsWith("otpauth://totp/").contains(refused.get("secret"));
        assertThat(refused.body()).doesNotContain("accessToken");

        String secret = refused.get("secret");
        Api.Response wrong = login(clerk.username(), wrongCode(secret));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).doesNotContain("accessToken");

        Api.Response confirmed = login(clerk.username(), code(secret, step()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.get("secondFactor")).isEqualTo("TOTP");

        Api.Response withoutCode = login(clerk.username(), null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.get("type")).endsWith("otp-required");
    }

    @Test
    void aWrongPasswordGetsNoEnrolment() {
        Member auditor = newStaff(Role.AUDITOR, "450100");
        Api.Response response = api().post("/api/v1/auth/staff/login",
                Map.of("username", auditor.username(), "password", "Wrong-Password-12345"), null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("otpauth").doesNotContain("secret");
    }

    @Test
    void rolesWithoutTheRequirementSignInAsBefore() {
        Api.Response response = login(newStaff(Role.LAWYER, "450103").username(), null);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anAdministratorResetsAMembersSecondFactorWhichEndsTheirSignInsAndIsAudited() throws Exception {
        String adminToken = enrolAtSignIn(newStaff(Role.ADMIN, "450100").username()).getValue().get("accessToken");
        Member clerk = newStaff(Role.CLERK, "450103");
        Api.Response clerkSignIn = enrolAtSignIn(clerk.username()).getValue();

        Api.Response reset = api().post("/api/v1/identity/staff/" + clerk.id() + "/otp/reset", Map.of(), adminToken);

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.map()).containsEntry("secondFactorEnrolled", false);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refreshToken", clerkSignIn.get("refreshToken")), null)
                .status()).as("the clerk's sign-in ended").isEqualTo(401);
        assertThat(login(clerk.username(), null).get("type")).as("enrols again").endsWith("otp-enrolment-required");

        String auditorToken = enrolAtSignIn(newStaff(Role.AUDITOR, "450100").username()).getValue().get("accessToken");
        Api.Response audit = api().get("/api/v1/identity/audit-log?action=OTP_RESET&limit=200", auditorToken);
        assertThat(audit.status()).isEqualTo(200);
        List<Map<String, Object>> rows = json.readValue(audit.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("targetId")).isEqualTo(clerk.id().toString());
            assertThat(row.get("outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void anAdministratorOfAnotherAreaCannotResetAndLearnsNothing() {
        String otherAdmin = enrolAtSignIn(newStaff(Role.ADMIN, "450102").username()).getValue().get("accessToken");
        Member clerk = newStaff(Role.CLERK, "450103");

        Api.Response foreign = api().post("/api/v1/identity/staff/" + clerk.id() + "/otp/reset", Map.of(), otherAdmin);
        Api.Response missing = api().post("/api/v1/identity/staff/" + UUID.randomUUID() + "/otp/reset", Map.of(), otherAdmin);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.get("detail")).isEqualTo(missing.get("detail"));
    }
}
