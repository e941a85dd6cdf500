package cn.nanning.civic.council.subscriptions;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.council.CouncilFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscribers hear of the two publications of 四议两公开, and only of those; nobody is told before the vote passes. */
@MicronautTest(transactional = false)
class SubscriptionsApiTest {

    @Inject
    CouncilFixture f;

    private void subscription(String councilId, String token, boolean on) {
        String path = "/api/v1/council/councils/" + councilId + "/subscription";
        f.client.toBlocking().exchange((on ? HttpRequest.PUT(path, Map.of()) : HttpRequest.DELETE(path)).bearerAuth(token));
    }

    private static Map<String, Object> holding(String step, int expected, int present, int votesFor) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        body.put("heldAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("motionSource", "村党支部委员会");
        body.put("expectedAttendance", expected);
        body.put("actualAttendance", present);
        body.put("votesFor", votesFor);
        body.put("votesAgainst", present - votesFor);
        body.put("votesAbstain", 0);
        return body;
    }

    private long notices(String account, String phrase) {
        return f.count("""
                select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?
                and payload like '%council-publication%' and payload like ?""", account, "%" + phrase + "%");
    }

    @Test
    void subscribersAreToldOfTheResolutionAndOfEachResultButNotBeforeTheVotePasses() {
        CouncilFixture.Setup s = f.council();
        String stays = UUID.randomUUID().toString();
        String leaves = UUID.randomUUID().toString();
        subscription(s.councilId(), f.tokens.citizen(stays), true);
        subscription(s.councilId(), f.tokens.citizen(stays), true);
        subscription(s.councilId(), f.tokens.citizen(leaves), true);
        subscription(s.councilId(), f.tokens.citizen(leaves), false);
        assertThat(f.get("/api/v1/council/councils/" + s.councilId() + "/subscription", f.tokens.citizen(stays)).get("subscribed")).isEqualTo(true);
        assertThat(refused(() -> f.put("/api/v1/council/councils/" + s.councilId() + "/subscription", Map.of(), s.convener()))
                .getStatus().getCode()).isEqualTo(403);

        String decision = f.post("/api/v1/council/councils/" + s.councilId() + "/decisions",
                Map.of("title", "村集体土地流转方案", "matter", "将村集体 50 亩土地流转用于种植砂糖橘"), s.convener()).get("id").toString();
        String register = "/api/v1/council/decisions/" + decision + "/register";
        f.post(register, holding("PROPOSAL", 7, 7, 7), s.convener());
        f.post(register, holding("COMMITTEES_DISCUSSION", 11, 10, 9), s.convener());
        f.post(register, holding("PARTY_REVIEW", 30, 20, 15), s.convener());
        // Without quorum the resolution vote fails, and publishing is refused: nobody hears anything.
        f.post(register, holding("RESIDENTS_RESOLUTION", 45, 20, 20), s.convener());
        var early = refused(() -> f.post("/api/v1/council/decisions/" + decision + "/resolution", Map.of("content", "同意流转"), s.convener()));
        assertThat(early.getStatus().getCode()).isEqualTo(409);
        assertThat(notices(stays, "决议公开")).isZero();

        f.post(register, holding("RESIDENTS_RESOLUTION", 45, 31, 25), s.convener());
        f.post("/api/v1/council/decisions/" + decision + "/resolution", Map.of("content", "经村民代表会议表决通过，同意流转。"), s.convener());
        assertThat(notices(stays, "决议公开")).isEqualTo(1);
        f.post("/api/v1/council/decisions/" + decision + "/progress",
                Map.of("percent", 50, "note", "已签订流转合同", "occurredOn", LocalDate.now().toString()), s.convener());
        f.post("/api/v1/council/decisions/" + decision + "/progress",
                Map.of("percent", 100, "note", "流转费已全部分配到户", "occurredOn", LocalDate.now().toString()), s.convener());
        assertThat(notices(stays, "实施进度公开")).isEqualTo(1);
        assertThat(notices(stays, "实施完成")).isEqualTo(1);
        assertThat(notices(leaves, "")).isZero();
    }
}
