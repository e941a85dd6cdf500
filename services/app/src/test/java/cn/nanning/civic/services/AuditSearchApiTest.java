package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Auditors read the services' audit trail; the administrators it records cannot. */
@MicronautTest(transactional = false)
class AuditSearchApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    ProxyFixture fixture;

    @Test
    void anAuditorFindsAnAdministratorsStaffAssignmentByActorAndAction() {
        fixture.setUp();
        String adminId = UUID.randomUUID().toString();
        String admin = tokens.sign(adminId, "staff", List.of("ADMIN"), "450100");
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/points/" + fixture.pointId + "/staff",
                Map.of("accountId", UUID.randomUUID().toString(), "role", "VOLUNTEER")).bearerAuth(admin));

        List<Map<String, Object>> rows = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/audit-log?actor=" + adminId + "&action=proxy.point").bearerAuth(tokens.staff("AUDITOR", "450100")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("action", "proxy.point.assign").containsEntry("targetId", fixture.pointId)
                .containsEntry("outcome", "SUCCESS");

        String before = java.time.Instant.now().minusSeconds(3600).toString();
        List<Map<String, Object>> earlier = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/audit-log?actor=" + adminId + "&until=" + before).bearerAuth(tokens.staff("AUDITOR", "450100")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(earlier).as("nothing of this admin's before the end of the chosen span").isEmpty();
    }

    @Test
    void administratorsCannotReadTheTrailAndABadStartTimeIsExplainedInChinese() {
        var admin = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/audit-log").bearerAuth(tokens.staff("ADMIN", "450100")), String.class));
        assertThat(admin.getStatus().getCode()).isEqualTo(403);
        var since = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/audit-log?since=yesterday").bearerAuth(tokens.staff("AUDITOR", "450100")), String.class));
        assertThat(since.getStatus().getCode()).isEqualTo(400);
        assertThat(since.getResponse().getBody(String.class).orElseThrow()).contains("ISO-8601");
    }
}
