package cn.nanning.civic.council.me;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/council/me lists the resident's own topics, supports, opinions, meeting registrations and subscriptions. */
@MicronautTest(transactional = false)
class CouncilMeApiTest {

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;

    @BeforeEach
    void aCouncil() {
        s = f.council();
    }

    private String topic(String title, String token) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/topics",
                Map.of("title", title, "description", "村口路灯坏了三个月，晚上出行不便。"), token).get("id").toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResidentSeesEverythingTheyTookPartInAndNothingOfOthers() {
        String me = f.tokens.citizen(UUID.randomUUID().toString());
        String mine = topic("修复村口路灯", me);
        String theirs = topic("修缮村道", f.tokens.citizen());
        f.post("/api/v1/council/topics/" + theirs + "/supports", Map.of(), me);
        f.post("/api/v1/council/topics/" + theirs + "/opinions", Map.of("content", "建议先修最破的一段"), me);
        f.client.toBlocking().exchange(HttpRequest.PUT("/api/v1/council/councils/" + s.councilId() + "/subscription", Map.of()).bearerAuth(me));
        Map<String, Object> body = new HashMap<>();
        body.put("title", "第三季度议事会议");
        body.put("place", "村委会二楼会议室");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(2, ChronoUnit.HOURS).toString());
        body.put("agenda", List.of(theirs));
        String meeting = f.post("/api/v1/council/councils/" + s.councilId() + "/meetings", body, s.convener()).get("id").toString();
        f.post("/api/v1/council/meetings/" + meeting + "/registrations", Map.of(), me);

        Map<String, Object> council = f.get("/api/v1/council/me", me);
        List<Map<String, Object>> topics = (List<Map<String, Object>>) council.get("topics");
        assertThat(topics).extracting(t -> t.get("id")).containsExactly(mine);
        assertThat(topics.get(0)).containsEntry("statusLabel", "征集中").containsKey("councilName");
        assertThat((List<Map<String, Object>>) council.get("supports")).extracting(t -> t.get("topicId")).containsExactly(theirs);
        List<Map<String, Object>> opinions = (List<Map<String, Object>>) council.get("opinions");
        assertThat(opinions).extracting(o -> o.get("content")).containsExactly("建议先修最破的一段");
        assertThat(opinions.get(0).get("statusLabel").toString()).isNotBlank();
        List<Map<String, Object>> meetings = (List<Map<String, Object>>) council.get("meetingRegistrations");
        assertThat(meetings).extracting(m -> m.get("meetingId")).containsExactly(meeting);
        assertThat(meetings.get(0)).containsEntry("statusLabel", "待召开").containsEntry("place", "村委会二楼会议室");
        assertThat((List<Map<String, Object>>) council.get("subscriptions")).extracting(c -> c.get("councilId")).containsExactly(s.councilId());

        Map<String, Object> nobody = f.get("/api/v1/council/me", f.tokens.citizen());
        assertThat(nobody).containsEntry("topics", List.of()).containsEntry("supports", List.of()).containsEntry("opinions", List.of())
                .containsEntry("meetingRegistrations", List.of()).containsEntry("subscriptions", List.of());
    }

    @Test
    void anAcceptedTopicLinksToItsDecisionAndCarriesTheReasonForItsProposer() {
        String proposer = f.tokens.citizen();
        String id = topic("建设文化广场", proposer);
        assertThat(f.get("/api/v1/council/topics/" + id, proposer).get("decisionId")).isNull();
        f.post("/api/v1/council/topics/" + id + "/accept", Map.of("reason", "列入本季度议事"), s.convener());
        Map<String, Object> accepted = f.get("/api/v1/council/topics/" + id, proposer);
        assertThat(accepted).containsEntry("statusReason", "列入本季度议事");
        assertThat(accepted.get("decisionId")).isNull();
        String decision = f.post("/api/v1/council/councils/" + s.councilId() + "/decisions",
                Map.of("title", "建设文化广场", "matter", "在村委会旁空地建设文化广场", "topicId", id), s.convener()).get("id").toString();
        assertThat(f.get("/api/v1/council/topics/" + id, proposer)).containsEntry("decisionId", decision);
    }
}
