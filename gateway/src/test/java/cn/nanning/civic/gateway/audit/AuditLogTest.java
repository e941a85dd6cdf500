package cn.nanning.civic.gateway.audit;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class AuditLogTest extends GatewayTest {

    static final String PASSWORD = "Correct-Horse-Battery-9";

    @Inject
    StaffAccounts staff;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    private String newClerk() {
        String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "测试代办员", Set.of(Role.CLERK), "450103");
        return username;
    }

    private Api.Response login(String username, String password, String requestId) {
        return api().send(HttpRequest.POST("/api/v1/auth/staff/login", Map.of("username", username, "password", password))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Request-Id", requestId), null);
    }

    private static String requestId() {
        return "audit-" + UUID.randomUUID();
    }

    private String auditorToken() {
        Api.Response response = api().post("/api/v1/auth/staff/login",
                Map.of("username", "auditor", "password", "Civic-Admin-2025!"), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.get("accessToken");
    }

    private List<Map<String, Object>> audit(String query) {
        Api.Response response = api().get("/api/v1/identity/audit-log?" + query, auditorToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSuccessfulSignInIsAuditedWithAccountRolesAddressAndRequestId() {
        String requestId = requestId();
        Api.Response signedIn = login(newClerk(), PASSWORD, requestId);

        List<Map<String, Object>> rows = audit("requestId=" + requestId);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("action", "SIGN_IN").containsEntry("outcome", "SUCCESS")
                .containsEntry("actor", signedIn.get("accountId")).containsEntry("actorRoles", "CLERK")
                .containsEntry("clientAddress", "127.0.0.1").containsEntry("requestId", requestId);
        assertThat(rows.get(0).get("occurredAt")).isNotNull();
    }

    @Test
    void aFailedSignInIsAuditedWithoutThePasswordOrTheTypedName() {
        String username = newClerk();
        String requestId = requestId();
        String unknownId = requestId();
        login(username, "Wrong-guess-0001", requestId);
        login("typo-" + username, "Wrong-guess-0002", unknownId);

        List<Map<String, Object>> wrongPassword = audit("requestId=" + requestId);
        List<Map<String, Object>> unknownName = audit("requestId=" + unknownId);

        assertThat(wrongPassword).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "SIGN_IN").containsEntry("outcome", "FAILURE").containsEntry("detail", "wrong_password"));
        assertThat(unknownName).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor", "unknown").containsEntry("detail", "unknown_user"));
        assertThat(wrongPassword.toString() + unknownName).doesNotContain("Wrong-guess").doesNotContain("typo-");
    }

    @Test
    void aLockoutIsAudited() {
        String username = newClerk();
        String accountId = login(username, PASSWORD, requestId()).get("accountId");
        String lockingId = requestId();
        for (int i = 0; i < 4; i++) {
            login(username, "Wrong-guess-000" + i, requestId());
        }
        Api.Response locking = login(username, "Wrong-guess-0005", lockingId);

        assertThat(locking.status()).isEqualTo(423);
        assertThat(audit("requestId=" + lockingId)).extracting(row -> row.get("action"))
                .containsExactlyInAnyOrder("SIGN_IN", "LOCKOUT");
        assertThat(audit("action=LOCKOUT&actor=" + accountId)).hasSize(1);
    }

    @Test
    void refreshAndLogoutAreAuditedWithoutTheTokens() {
        Api.Response signedIn = login(newClerk(), PASSWORD, requestId());
        String accountId = signedIn.get("accountId");
        Api.Response refreshed = api().post("/api/v1/auth/refresh", Map.of("refreshToken", signedIn.get("refreshToken")), null);
        api().post("/api/v1/auth/logout", Map.of("refreshToken", refreshed.get("refreshToken")), refreshed.get("accessToken"));
        api().post("/api/v1/auth/refresh", Map.of("refreshToken", refreshed.get("refreshToken")), null);

        List<Map<String, Object>> rows = audit("actor=" + accountId);

        assertThat(rows).extracting(row -> row.get("action") + "/" + row.get("outcome"))
                .contains("TOKEN_REFRESH/SUCCESS", "TOKEN_REVOKE/SUCCESS", "TOKEN_REFRESH/FAILURE", "SIGN_IN/SUCCESS");
        String all = rows.toString();
        assertThat(all).doesNotContain(signedIn.get("refreshToken")).doesNotContain(refreshed.get("refreshToken"))
                .doesNotContain(signedIn.get("accessToken")).doesNotContain(PASSWORD);
    }

    @Test
    void citizenSignInsAreAuditedToo() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".audit");
        assertThat(audit("actor=" + signedIn.get("accountId"))).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "SIGN_IN").containsEntry("outcome", "SUCCESS").containsEntry("actorRoles", "CITIZEN"));
    }

    @Test
    void theTrailCanBeReadUpToAnEndTime() {
        String accountId = login(newClerk(), PASSWORD, requestId()).get("accountId");
        String token = auditorToken();
        assertThat(api().get("/api/v1/identity/audit-log?actor=" + accountId, token).body()).contains(accountId);
        String hourAgo = java.time.Instant.now().minusSeconds(3600).toString();
        Api.Response earlier = api().get("/api/v1/identity/audit-log?actor=" + accountId + "&until=" + hourAgo, token);
        assertThat(earlier.status()).isEqualTo(200);
        assertThat(earlier.body()).doesNotContain(accountId);
        assertThat(api().get("/api/v1/identity/audit-log?until=tomorrow", token).body()).contains("截止时间格式不正确");
    }

    @Test
    void anAuditorReadsWhoTheAccountIdsOfTheTrailAre() {
        String username = newClerk();
        String accountId = login(username, PASSWORD, requestId()).get("accountId");

        Api.Response people = api().get("/api/v1/identity/audit-log/people?ids=" + accountId + ",not-an-id,"
                + UUID.randomUUID(), auditorToken());

        assertThat(people.status()).as(people.body()).isEqualTo(200);
        assertThat(people.body()).contains(accountId).contains("测试代办员").contains("CLERK").contains("450103")
                .doesNotContain("passwordHash").doesNotContain(username);
        Api.Response admin = api().post("/api/v1/auth/staff/login", Map.of("username", "admin", "password", "Civic-Admin-2025!"), null);
        assertThat(api().get("/api/v1/identity/audit-log/people?ids=" + accountId, admin.get("accessToken")).status())
                .as("names for the audit trail are for auditors only").isEqualTo(403);
    }

    @Test
    void onlyAuditorsMayReadTheAuditLog() {
        Api.Response admin = api().post("/api/v1/auth/staff/login", Map.of("username", "admin", "password", "Civic-Admin-2025!"), null);
        assertThat(api().get("/api/v1/identity/audit-log", admin.get("accessToken")).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/identity/audit-log", citizenToken()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/identity/audit-log", null).status()).isEqualTo(401);
    }

    @Test
    void theAuditTableRefusesUpdateDeleteAndTruncateEvenToTheApplicationsOwnConnection() throws SQLException {
        login(newClerk(), PASSWORD, requestId());
        for (String statement : List.of("UPDATE identity.audit_log SET outcome = 'SUCCESS'",
                "DELETE FROM identity.audit_log", "TRUNCATE identity.audit_log")) {
            try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, "");
                 Statement sql = connection.createStatement()) {
                connection.setAutoCommit(true);
                assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
    }
}
