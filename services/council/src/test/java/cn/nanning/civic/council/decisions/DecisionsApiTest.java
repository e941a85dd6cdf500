package cn.nanning.civic.council.decisions;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static cn.nanning.civic.council.CouncilFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DecisionsApiTest {

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;
    String decisionId;

    @BeforeEach
    void aMatterOnAnAcceptedTopic() {
        s = f.council();
        String topic = f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", "村集体土地流转", "description", "拟流转 50 亩"),
                f.tokens.citizen()).get("id").toString();
        f.post("/api/v1/council/topics/" + topic + "/accept", Map.of(), s.convener());
        decisionId = f.post("/api/v1/council/councils/" + s.councilId() + "/decisions",
                Map.of("title", "村集体土地流转方案", "matter", "将村集体 50 亩土地流转用于种植砂糖橘", "topicId", topic), s.convener()).get("id").toString();
    }

    static Map<String, Object> holding(String step, int expected, int present, int votesFor, int against, int abstain) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        body.put("heldAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        body.put("motionSource", "村党支部委员会");
        body.put("expectedAttendance", expected);
        body.put("actualAttendance", present);
        body.put("votesFor", votesFor);
        body.put("votesAgainst", against);
        body.put("votesAbstain", abstain);
        body.put("supervisorsComments", "村务监督委员会全程监督，程序合规");
        return body;
    }

    private Map<String, Object> hold(Map<String, Object> body) {
        return f.post("/api/v1/council/decisions/" + decisionId + "/register", body, s.convener());
    }

    private void passUpToPartyReview() {
        hold(holding("PROPOSAL", 7, 7, 7, 0, 0));
        hold(holding("COMMITTEES_DISCUSSION", 11, 10, 9, 1, 0));
        hold(holding("PARTY_REVIEW", 30, 20, 15, 3, 2));
    }

    private static List<Map<String, Object>> register(Map<String, Object> decision) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> register = (List<Map<String, Object>>) decision.get("register");
        return register;
    }

    @Test
    void aMatterWalksAllStepsOfFourDeliberationsAndTwoPublicationsWithARegister() {
        passUpToPartyReview();
        Map<String, Object> resolved = hold(holding("RESIDENTS_RESOLUTION", 45, 31, 25, 4, 2));
        assertThat(resolved.get("nextStep")).isEqualTo("RESOLUTION_PUBLISHED");
        assertThat(resolved.get("resolution")).as("no resolution before 决议公开").isNull();
        Map<String, Object> published = f.post("/api/v1/council/decisions/" + decisionId + "/resolution",
                Map.of("content", "  经村民代表会议表决通过，同意流转。 "), s.convener());
        assertThat(published.get("statusLabel")).isEqualTo("决议已公开，待实施");
        @SuppressWarnings("unchecked")
        Map<String, Object> resolution = (Map<String, Object>) published.get("resolution");
        assertThat(resolution).containsEntry("content", "经村民代表会议表决通过，同意流转。");
        assertThat(Instant.parse(resolution.get("publishedAt").toString())).isEqualTo(Instant.parse(register(published).get(4).get("heldAt").toString()));
        assertThat(f.get("/api/v1/council/decisions/" + decisionId, f.tokens.citizen()).get("resolution"))
                .as("the signed-in decision view carries it too").isEqualTo(resolution);
        Map<String, Object> half = f.post("/api/v1/council/decisions/" + decisionId + "/progress",
                Map.of("percent", 50, "note", "已签订流转合同", "occurredOn", LocalDate.now().minusDays(1).toString()), s.convener());
        assertThat(half.get("status")).isEqualTo("IMPLEMENTING");
        Map<String, Object> done = f.post("/api/v1/council/decisions/" + decisionId + "/progress",
                Map.of("percent", 100, "note", "流转费已全部分配到户", "occurredOn", LocalDate.now().minusDays(1).toString()), s.convener());
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("progress")).isEqualTo(100);
        assertThat(register(done)).extracting(r -> r.get("step")).containsExactly("PROPOSAL", "COMMITTEES_DISCUSSION", "PARTY_REVIEW",
                "RESIDENTS_RESOLUTION", "RESOLUTION_PUBLISHED", "RESULT_PUBLISHED");
        Map<String, Object> review = register(done).get(2);
        assertThat(review).containsEntry("expectedAttendance", 30).containsEntry("actualAttendance", 20).containsEntry("votesFor", 15)
                .containsEntry("votesAgainst", 3).containsEntry("votesAbstain", 2).containsEntry("outcome", "PASSED")
                .containsEntry("motionSource", "村党支部委员会").containsEntry("supervisorsComments", "村务监督委员会全程监督，程序合规");
        assertThat(review.get("rule")).isEqualTo("到会人数不少于应到人数的 2/3，赞成票超过到会人数的 1/2");
        assertThat(register(done).get(3).get("rule")).asString().startsWith("村民代表会议（依章程）");
        assertThat((List<Object>) done.get("progressUpdates")).hasSize(2);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.decision.v1' and event_key = ?", decisionId)).isEqualTo(8);
        var after = refused(() -> f.post("/api/v1/council/decisions/" + decisionId + "/progress",
                Map.of("percent", 100, "note", "再次", "occurredOn", LocalDate.now().toString()), s.convener()));
        assertThat(after.getStatus().getCode()).isEqualTo(409);
    }

    @Test
    void skippingAStepIsAConflictExplainedInChinese() {
        var e = refused(() -> hold(holding("PARTY_REVIEW", 30, 30, 30, 0, 0)));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(type(e)).endsWith("/step-out-of-order");
        assertThat(detail(e)).isEqualTo("「党员大会审议」不能跳过前面的步骤，当前应进行「党组织提议」。");
        assertThat(f.count("select count(*) from council.decision_step where decision_id = ?::uuid", decisionId)).isZero();
    }

    @Test
    void aPassedStepCannotBeRepeated() {
        hold(holding("PROPOSAL", 7, 7, 7, 0, 0));
        var e = refused(() -> hold(holding("PROPOSAL", 7, 7, 7, 0, 0)));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("已经通过，不能重复进行");
    }

    @Test
    void aPartyReviewWithOneMemberBelowTwoThirdsIsRecordedAsFailedAndHeldAgain() {
        hold(holding("PROPOSAL", 7, 7, 7, 0, 0));
        hold(holding("COMMITTEES_DISCUSSION", 11, 10, 9, 1, 0));
        Map<String, Object> failed = hold(holding("PARTY_REVIEW", 30, 19, 19, 0, 0));
        assertThat(failed.get("nextStep")).isEqualTo("PARTY_REVIEW");
        Map<String, Object> line = register(failed).get(2);
        assertThat(line.get("outcome")).isEqualTo("NO_QUORUM");
        assertThat(line.get("attempt")).isEqualTo(1);
        assertThat(line.get("explanation")).asString().contains("至少 20 人");
        assertThat(refused(() -> hold(holding("RESIDENTS_RESOLUTION", 45, 45, 45, 0, 0))).getStatus().getCode()).isEqualTo(409);
        Map<String, Object> again = hold(holding("PARTY_REVIEW", 30, 20, 11, 5, 4));
        assertThat(register(again).get(3)).containsEntry("outcome", "PASSED").containsEntry("attempt", 2);
        assertThat(again.get("nextStep")).isEqualTo("RESIDENTS_RESOLUTION");
    }

    @Test
    void theResolutionCannotBePublishedBeforeTheResidentsVotePasses() {
        passUpToPartyReview();
        var early = refused(() -> f.post("/api/v1/council/decisions/" + decisionId + "/resolution", Map.of("content", "提前公开"), s.convener()));
        assertThat(early.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(early)).contains("当前应进行「村民会议或村民代表会议决议」");
        var progress = refused(() -> f.post("/api/v1/council/decisions/" + decisionId + "/progress",
                Map.of("percent", 10, "note", "提前实施", "occurredOn", LocalDate.now().toString()), s.convener()));
        assertThat(progress.getStatus().getCode()).isEqualTo(409);
        assertThat(f.count("select count(*) from council.decision_step where decision_id = ?::uuid and outcome = 'PUBLISHED'", decisionId)).isZero();
    }

    @Test
    void theResidentsVoteFollowsTheCharterAndARejectedMotionEndsTheMatter() {
        passUpToPartyReview();
        // 2/3 of 45 is 30: 29 present is no quorum.
        assertThat(register(hold(holding("RESIDENTS_RESOLUTION", 45, 29, 29, 0, 0))).get(3).get("outcome")).isEqualTo("NO_QUORUM");
        // 30 present, 15 for is exactly half: not more than half.
        Map<String, Object> rejected = hold(holding("RESIDENTS_RESOLUTION", 45, 30, 15, 10, 5));
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
        assertThat(rejected.get("nextStep")).isNull();
        var e = refused(() -> hold(holding("RESIDENTS_RESOLUTION", 45, 45, 45, 0, 0)));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("终止");
    }

    @Test
    void impossibleAttendanceIsRefused() {
        var e = refused(() -> hold(holding("PROPOSAL", 7, 8, 7, 0, 0)));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("实到人数");
        var votes = refused(() -> hold(holding("PROPOSAL", 7, 5, 4, 1, 1)));
        assertThat(votes.getStatus().getCode()).isEqualTo(400);
        Map<String, Object> future = holding("PROPOSAL", 7, 7, 7, 0, 0);
        future.put("heldAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        assertThat(refused(() -> hold(future)).getStatus().getCode()).isEqualTo(400);
        var publication = refused(() -> hold(holding("RESOLUTION_PUBLISHED", 7, 7, 7, 0, 0)));
        assertThat(publication.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void progressCannotGoBack() {
        passUpToPartyReview();
        hold(holding("RESIDENTS_RESOLUTION", 45, 31, 25, 4, 2));
        f.post("/api/v1/council/decisions/" + decisionId + "/resolution", Map.of("content", "决议内容"), s.convener());
        f.post("/api/v1/council/decisions/" + decisionId + "/progress", Map.of("percent", 60, "note", "过半", "occurredOn", LocalDate.now().toString()),
                s.convener());
        var e = refused(() -> f.post("/api/v1/council/decisions/" + decisionId + "/progress",
                Map.of("percent", 40, "note", "倒退", "occurredOn", LocalDate.now().toString()), s.convener()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("60%");
    }

    @Test
    void oneCouncilsConvenerCannotActOnAnotherCouncilsDecision() {
        CouncilFixture.Setup other = f.council();
        List<String> strangers = List.of(f.tokens.staff("CONVENER", other.village()), f.tokens.staff("ADMIN", f.otherDistrict(s.village())),
                f.tokens.staff("CLERK", s.village()), f.tokens.citizen());
        for (String stranger : strangers) {
            var e = refused(() -> f.post("/api/v1/council/decisions/" + decisionId + "/register", holding("PROPOSAL", 7, 7, 7, 0, 0), stranger));
            assertThat(e.getStatus().getCode()).isEqualTo(403);
            var open = refused(() -> f.post("/api/v1/council/councils/" + s.councilId() + "/decisions", Map.of("title", "t", "matter", "m"), stranger));
            assertThat(open.getStatus().getCode()).isEqualTo(403);
        }
        assertThat(f.count("select count(*) from council.decision_step where decision_id = ?::uuid", decisionId)).isZero();
    }

    @Test
    void aDecisionIsTakenOnlyOnAnAcceptedTopicOfTheSameCouncil() {
        String open = f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", "未采纳的议题", "description", "内容"),
                f.tokens.citizen()).get("id").toString();
        var e = refused(() -> f.post("/api/v1/council/councils/" + s.councilId() + "/decisions",
                Map.of("title", "t", "matter", "m", "topicId", open), s.convener()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("已采纳");
    }

    @Test
    void concurrentRecordingsOfTheSameStepPassItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> {
                try {
                    hold(holding("PROPOSAL", 7, 7, 7, 0, 0));
                    return 200;
                } catch (HttpClientResponseException e) {
                    return e.getStatus().getCode();
                }
            }));
        }
        int ok = 0;
        int conflicts = 0;
        for (Future<Integer> r : results) {
            int code = r.get();
            if (code == 200) {
                ok++;
            } else if (code == 409) {
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(conflicts).isEqualTo(199);
        assertThat(f.count("select count(*) from council.decision_step where decision_id = ?::uuid", decisionId)).isEqualTo(1);
    }
}
