package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LockoutTest extends GatewayTest {

    static final String PASSWORD = "Correct-Horse-Battery-9";

    @Inject
    StaffAccounts staff;

    @io.micronaut.context.annotation.Value("${datasources.default.url}")
    String databaseUrl;

    @io.micronaut.context.annotation.Value("${datasources.default.username}")
    String databaseUser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestEnvironment.properties());
        p.put("civic.sign-in.lockout.max-failures", "3");
        p.put("civic.sign-in.lockout.window", "1m");
        p.put("civic.sign-in.lockout.duration", "3s");
        return p;
    }

    private String newClerk() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, PASSWORD, "测试代办员", Set.of(Role.CLERK), "450103");
        return username;
    }

    private static Api.Response login(Api api, String username, String password) {
        return api.post("/api/v1/auth/staff/login", Map.of("username", username, "password", password), null);
    }

    private Api.Response login(String username, String password) {
        return login(api(), username, password);
    }

    @Test
    void theThirdWrongPasswordLocksTheAccountAndThenEvenTheRightPasswordIsRefused() {
        String username = newClerk();
        assertThat(login(username, "wrong-password-0001").status()).isEqualTo(401);
        assertThat(login(username, "wrong-password-0002").status()).isEqualTo(401);

        Api.Response third = login(username, "wrong-password-0003");
        Api.Response right = login(username, PASSWORD);

        assertThat(third.status()).isEqualTo(423);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.get("title")).isEqualTo("账号已临时锁定");
        assertThat(third.get("detail")).contains("连续登录失败次数过多");
        assertThat(right.status()).isEqualTo(423);
        assertThat(right.body()).doesNotContain("accessToken");
    }

    @Test
    void signInAttemptsOnALockedAccountAreAuditedAgainstThatAccountAndTheAnswerSaysWhenToRetry() throws Exception {
        String username = newClerk();
        UUID account = staff.accountIdOf(username).orElseThrow();
        for (int i = 0; i < 3; i++) {
            login(username, "wrong-password-000" + i);
        }

        Api.Response attempt = login(username, PASSWORD);

        assertThat(attempt.status()).isEqualTo(423);
        assertThat(Long.parseLong(attempt.header("Retry-After"))).isBetween(1L, 3L);
        try (var connection = java.sql.DriverManager.getConnection(databaseUrl, databaseUser, "");
             var query = connection.prepareStatement("select actor, target_id from identity.audit_log "
                     + "where action = 'SIGN_IN' and outcome = 'FAILURE' and detail = 'locked' and actor = ?")) {
            query.setString(1, account.toString());
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as("the locked attempt is audited against the targeted account").isTrue();
                assertThat(rows.getString("target_id")).isEqualTo(account.toString());
            }
        }
    }

    @Test
    void aFreshlyStartedGatewayInstanceStillSeesTheLockBecauseItLivesInRedis() {
        String username = newClerk();
        for (int i = 0; i < 3; i++) {
            login(username, "wrong-password-000" + i);
        }
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.server.port", "-1");
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = HttpClient.create(restarted.getURL())) {
            assertThat(login(new Api(client, json), username, PASSWORD).status()).isEqualTo(423);
        }
    }

    @Test
    void theLockEndsByItselfAfterItsDuration() throws InterruptedException {
        String username = newClerk();
        for (int i = 0; i < 3; i++) {
            login(username, "wrong-password-000" + i);
        }
        assertThat(login(username, PASSWORD).status()).isEqualTo(423);

        Thread.sleep(3_300);

        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAfresh() {
        String username = newClerk();
        login(username, "wrong-password-0001");
        login(username, "wrong-password-0002");
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);

        login(username, "wrong-password-0003");
        login(username, "wrong-password-0004");

        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownUsernamesLockTooSoALockRevealsNothingAboutWhichNamesExist() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        login(nobody, "wrong-password-0001");
        login(nobody, "wrong-password-0002");
        assertThat(login(nobody, "wrong-password-0003").status()).isEqualTo(423);
    }
}
