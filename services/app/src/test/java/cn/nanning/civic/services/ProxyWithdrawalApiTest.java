package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The resident withdraws a 代办 request before it is accepted (受理); after that, or for anyone else, it is refused. */
@MicronautTest(transactional = false)
class ProxyWithdrawalApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    ProxyFixture fixture;

    @BeforeEach
    void aServicePointWithItsClerk() {
        fixture.setUp();
    }

    @Test
    void theResidentWithdrawsBeforeAcceptanceAndTheChangeIsPublishedAuditedAndOffTheWorkbench() {
        String id = fixture.authoriseAsCitizen().get("id").toString();
        Map<?, ?> withdrawn = withdraw(id, fixture.citizen, Map.of("reason", "已自行办理"));
        assertThat(withdrawn.get("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("statusLabel")).isEqualTo("已撤回");
        assertThat((List<?>) withdrawn.get("timeline")).hasSize(2)
                .as("who acted, as people read it; never an account id")
                .allSatisfy(step -> {
                    Map<?, ?> fields = (Map<?, ?>) step;
                    assertThat(fields.get("actorName")).isEqualTo("本人");
                    assertThat(fields.containsKey("actor")).isFalse();
                });
        assertThat(fixture.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'ProxyRequestStatusChanged' and payload like '%WITHDRAWN%'", id))
                .isEqualTo(1);
        assertThat(fixture.count("select count(*) from kernel.audit_log where action = 'proxy.request.withdraw' and target_id = ? and outcome = 'SUCCESS'", id))
                .isEqualTo(1);
        // Told in the inbox, but as the resident's own action it spends no WeChat subscription.
        assertThat(fixture.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and payload like '%' || ? || '%' and payload like '%\"ownAction\":true%'", id))
                .isEqualTo(2);
        List<Map<String, Object>> workbench = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/workbench")
                .bearerAuth(fixture.clerk), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(workbench).noneMatch(r -> id.equals(r.get("id")));
        Map<?, ?> closed = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/closed").bearerAuth(fixture.clerk), Map.class);
        assertThat((List<?>) closed.get("items")).as("off the queue, still there to look up")
                .anySatisfy(r -> assertThat(((Map<?, ?>) r).get("id")).isEqualTo(id));
        var citizenAsks = refused(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/closed").bearerAuth(fixture.citizen), Map.class));
        assertThat(citizenAsks.getStatus().getCode()).isEqualTo(403);

        var again = refused(() -> withdraw(id, fixture.citizen, Map.of()));
        assertThat(again.getStatus().getCode()).isEqualTo(409);
        assertThat(again.getResponse().getBody(String.class).orElseThrow()).contains("已撤回");
        var accept = refused(() -> client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests/" + id + "/accept",
                Map.of("materials", List.of("居民身份证", "户口簿"))).bearerAuth(fixture.clerk), Map.class));
        assertThat(accept.getStatus().getCode()).isEqualTo(409);
    }

    @Test
    void aResidentPagesThroughTheirOwnRequestsNewestFirstAndOversizedPagesAreRefused() {
        String first = fixture.authoriseAsCitizen().get("id").toString();
        String second = fixture.authoriseAsCitizen().get("id").toString();
        String third = fixture.authoriseAsCitizen().get("id").toString();
        Map<?, ?> page0 = mine("?page=0&size=2", fixture.citizen);
        assertThat(page0.get("total")).isEqualTo(3);
        assertThat(page0.get("page")).isEqualTo(0);
        assertThat(page0.get("size")).isEqualTo(2);
        assertThat((List<?>) page0.get("items")).extracting(r -> String.valueOf(((Map<?, ?>) r).get("id"))).containsExactly(third, second);
        Map<?, ?> page1 = mine("?page=1&size=2", fixture.citizen);
        assertThat((List<?>) page1.get("items")).extracting(r -> String.valueOf(((Map<?, ?>) r).get("id"))).containsExactly(first);
        Map<?, ?> someoneElse = mine("", tokens.citizen());
        assertThat((List<?>) someoneElse.get("items")).as("an empty list is written, not left out").isEmpty();
        assertThat(someoneElse.get("total")).isEqualTo(0);
        for (String bad : List.of("?size=0", "?size=51", "?page=-1", "?page=2147483647&size=50")) {
            var e = refused(() -> mine(bad, fixture.citizen));
            assertThat(e.getStatus().getCode()).as(bad).isEqualTo(400);
            assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        }
    }

    private Map<?, ?> mine(String query, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/mine" + query).bearerAuth(token), Map.class);
    }

    @Test
    void anAcceptedRequestCannotBeWithdrawn() {
        String id = fixture.authoriseAsCitizen().get("id").toString();
        client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests/" + id + "/accept",
                Map.of("materials", List.of("居民身份证", "户口簿"))).bearerAuth(fixture.clerk), Map.class);
        var e = refused(() -> withdraw(id, fixture.citizen, Map.of()));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("已受理").contains("不能再撤回");
        assertThat(fixture.count("select count(*) from kernel.audit_log where action = 'proxy.request.withdraw' and target_id = ? and outcome = 'FAILURE'", id))
                .isEqualTo(1);
    }

    @Test
    void onlyTheResidentMayWithdrawAndAnyoneElseSeesNoSuchRequest() {
        String id = fixture.authoriseAsCitizen().get("id").toString();
        assertThat(refused(() -> withdraw(id, tokens.citizen(), Map.of())).getStatus().getCode()).isEqualTo(404);
        assertThat(refused(() -> withdraw(id, fixture.clerk, Map.of())).getStatus().getCode()).isEqualTo(404);
        assertThat(fixture.firstString("select status from proxy.proxy_request where id = ?::uuid", id)).isEqualTo("AUTHORISED");
    }

    private Map<?, ?> withdraw(String id, String token, Map<String, Object> body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests/" + id + "/withdrawal", body).bearerAuth(token), Map.class);
    }

    private static HttpClientResponseException refused(Runnable call) {
        return catchThrowableOfType(HttpClientResponseException.class, call::run);
    }
}
