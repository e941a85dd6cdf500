package cn.nanning.civic.e2e;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk refers a proxy request to legal aid; the district's lawyer finds it as a case (a link, not a copy), takes and
 * closes it; the request's timeline shows both steps. Every hop is a real event through the outbox and Kafka.
 */
class ReferralFlowTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @BeforeAll
    static void platform() {
        Platform.get();
    }

    @Test
    void aReferredRequestIsHandledByLegalAidAndTheClerkSeesTheOutcomeOnTheRequest() {
        String requestId = ProxyData.requestFor("黄" + UUID.randomUUID().toString().substring(0, 4));
        String clerk = ProxyData.token("clerk");
        String lawyer = ProxyData.token("lawyer");
        Api.Response referred = GATEWAY.post("/api/v1/proxy/requests/" + requestId + "/referrals",
                Map.of("target", "LEGAL_AID", "reason", "老板拖欠工资三个月，需要法律援助"), clerk);
        assertThat(referred.status()).as(referred.body()).isIn(200, 201);

        JsonNode referral = await(() -> GATEWAY.get("/api/v1/appointments/referrals", lawyer).json(),
                list -> find(list, requestId) != null, "the lawyer's referral list");
        JsonNode theCase = find(referral, requestId);
        assertThat(theCase.path("status").asText()).isEqualTo("OPEN");
        assertThat(theCase.toString()).as("the resident's name and phone stay with the proxy request").doesNotContain("13907710000");

        String caseId = theCase.path("id").asText();
        assertThat(GATEWAY.post("/api/v1/appointments/referrals/" + caseId + "/take", Map.of(), lawyer).status()).isEqualTo(200);
        assertThat(GATEWAY.post("/api/v1/appointments/referrals/" + caseId + "/close",
                Map.of("outcome", "已受理法律援助申请"), lawyer).status()).isEqualTo(200);

        JsonNode request = await(() -> GATEWAY.get("/api/v1/proxy/requests/" + requestId, clerk).json(),
                r -> r.path("timeline").toString().contains("法律援助已办结转介：已受理法律援助申请"), "the request's timeline");
        assertThat(request.path("timeline").toString()).contains("转介至法律援助", "法律援助已接收转介");
    }

    private static JsonNode find(JsonNode list, String requestId) {
        for (JsonNode row : list) {
            if (requestId.equals(row.path("sourceId").asText())) {
                return row;
            }
        }
        return null;
    }

    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " never showed the expected state; last: " + last);
    }
}
