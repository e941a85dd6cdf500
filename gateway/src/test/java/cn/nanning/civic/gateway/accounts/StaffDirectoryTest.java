package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class StaffDirectoryTest extends GatewayTest {

    private static final String DEMO_PASSWORD = "Civic-Admin-2025!";
    private static final String NEW_PASSWORD = "Nanning-Clerk-2025!";

    @Inject
    StaffAccounts staff;

    private String token(String username, String password) {
        Api.Response response = api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", password), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.get("accessToken");
    }

    /** An administrator of 青秀区 only, so scope checks have something to refuse. */
    private String districtAdmin() {
        String username = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, NEW_PASSWORD, "青秀区管理员", Set.of(Role.ADMIN), "450103");
        return token(username, NEW_PASSWORD);
    }

    private static Map<String, Object> newClerk(String username, String region) {
        return Map.of("username", username, "displayName", "新代办员", "roles", List.of("CLERK"),
                "regionCode", region, "initialPassword", NEW_PASSWORD);
    }

    @Test
    void anAdministratorCreatesAClerkInTheirAreaWhoCanThenSignIn() {
        String admin = districtAdmin();
        String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Response created = api().post("/api/v1/identity/staff", newClerk(username, "450103001001"), admin);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("passwordHash", "totpSecret", NEW_PASSWORD);
        assertThat(created.map()).containsEntry("roles", List.of("CLERK")).containsEntry("secondFactorEnrolled", false);
        Api.Response listed = api().get("/api/v1/identity/staff?role=CLERK&region=450103001", admin);
        assertThat(listed.body()).contains(username);
        assertThat(api().get("/api/v1/identity/staff", admin).body()).as("without filters: the whole area").contains(username);
        assertThat(api().get("/api/v1/identity/staff?role=LAWYER&region=450103", admin).body()).doesNotContain(username);
        assertThat(api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", NEW_PASSWORD), null)
                .status()).isEqualTo(200);
    }

    @Test
    void outsideTheirAreaOrAboveWorkingRolesAnAdministratorIsRefusedInChinese() {
        String admin = districtAdmin();

        Api.Response elsewhere = api().post("/api/v1/identity/staff",
                newClerk("x-" + UUID.randomUUID().toString().substring(0, 8), "450102001001"), admin);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.contentType()).contains("application/problem+json");
        assertThat(elsewhere.body()).contains("本人负责辖区");

        Map<String, Object> auditor = Map.of("username", "aud-" + UUID.randomUUID().toString().substring(0, 8),
                "displayName", "审计员", "roles", List.of("AUDITOR"), "regionCode", "450103", "initialPassword", NEW_PASSWORD);
        Api.Response escalation = api().post("/api/v1/identity/staff", auditor, admin);
        assertThat(escalation.status()).isEqualTo(400);
        assertThat(escalation.body()).contains("不能授予");

        Api.Response weak = api().post("/api/v1/identity/staff", Map.of("username", "weak-" + UUID.randomUUID().toString().substring(0, 6),
                "displayName", "弱密码", "roles", List.of("CLERK"), "regionCode", "450103", "initialPassword", "password"), admin);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(api().get("/api/v1/identity/staff?region=450102", admin).status()).isEqualTo(403);
    }

    @Test
    void aRoleChangeIsAuditedAndADisabledAccountCannotSignIn() {
        String admin = districtAdmin();
        String username = "rc-" + UUID.randomUUID().toString().substring(0, 8);
        String id = api().post("/api/v1/identity/staff", newClerk(username, "450103"), admin).get("id");

        Api.Response changed = api().send(HttpRequest.PUT("/api/v1/identity/staff/" + id + "/roles",
                Map.of("roles", List.of("CLERK", "ORGANIZER"))).contentType(MediaType.APPLICATION_JSON_TYPE), admin);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.map().get("roles")).isEqualTo(List.of("CLERK", "ORGANIZER"));

        Api.Response audit = api().get("/api/v1/identity/audit-log?action=ROLE_CHANGE&limit=200", token("auditor", DEMO_PASSWORD));
        assertThat(audit.body()).contains(id).contains("to=CLERK,ORGANIZER");

        assertThat(api().post("/api/v1/identity/staff/" + id + "/disable", Map.of(), admin).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/staff/login", Map.of("username", username, "password", NEW_PASSWORD), null)
                .status()).isNotEqualTo(200);
    }

    @Test
    void theDirectoryIsForAdministratorsOnly() {
        String clerk = "c-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(clerk, NEW_PASSWORD, "代办员", Set.of(Role.ORGANIZER), "450103");
        assertThat(api().get("/api/v1/identity/staff", token(clerk, NEW_PASSWORD)).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/identity/staff", null).status()).isEqualTo(401);
    }
}
