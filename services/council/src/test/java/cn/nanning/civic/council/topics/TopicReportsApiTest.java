package cn.nanning.civic.council.topics;

import cn.nanning.civic.council.CouncilFixture;
import cn.nanning.civic.council.WeChatStandInTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static cn.nanning.civic.council.CouncilFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents report topics as they report opinions: once each, never their own, only published ones; a reported topic
 * stays visible and waits in the moderators' queue until they keep or hide it.
 */
@MicronautTest(transactional = false)
class TopicReportsApiTest extends WeChatStandInTest {

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;
    String author;
    String topicId;

    @BeforeEach
    void aPublishedTopic() {
        s = f.council();
        author = UUID.randomUUID().toString();
        topicId = f.post("/api/v1/council/councils/" + s.councilId() + "/topics",
                Map.of("title", "某某家门口的停车位 " + UUID.randomUUID().toString().substring(0, 8), "description", "请大家议一议。"),
                f.tokens.citizen(author)).get("id").toString();
    }

    private Map<String, Object> report(String id, Object reason, String token) {
        return f.post("/api/v1/council/topics/" + id + "/reports", reason == null ? Map.of() : Map.of("reason", reason), token);
    }

    private List<Map<String, Object>> queue() {
        return f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener());
    }

    private long reports(String id) {
        return f.count("select count(*) from council.content_report where item_kind = 'TOPIC' and item_id = ?::uuid", id);
    }

    private long events(String id, String type) {
        return f.count("select count(*) from kernel.outbox where topic = 'council.topic.v1' and event_key = ? and event_type = ?", id, type);
    }

    private List<Object> listedIds() {
        return f.items("/api/v1/council/councils/" + s.councilId() + "/topics", f.tokens.citizen()).stream().map(t -> t.get("id")).toList();
    }

    @Test
    void aReportedTopicStaysVisibleWaitsInTheQueueAndKeepingItSettlesItsReports() {
        String reporter = f.tokens.citizen();
        Map<String, Object> reported = report(topicId, "针对个人，涉及邻里纠纷", reporter);
        assertThat(reported.get("id")).isEqualTo(topicId);
        assertThat(reported.get("moderation")).isEqualTo("VISIBLE");
        assertThat(listedIds()).as("a report alone hides nothing").contains(topicId);

        assertThat(queue()).singleElement().satisfies(item -> {
            assertThat(item.get("kind")).isEqualTo("TOPIC");
            assertThat(item.get("kindLabel")).isEqualTo("议题");
            assertThat(item.get("id")).isEqualTo(topicId);
            assertThat(item.get("status")).isEqualTo("VISIBLE");
            assertThat(item.get("reports").toString()).contains("针对个人，涉及邻里纠纷").doesNotContain(author);
        });
        assertThat(events(topicId, "TopicReported")).isEqualTo(1);
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'council.topic.v1' and event_key = ? and event_type = 'TopicReported'
                and payload like '%针对个人%'""", topicId)).as("the event carries no reason").isZero();

        Map<String, Object> kept = f.post("/api/v1/council/topics/" + topicId + "/approve", Map.of(), s.convener());
        assertThat(kept.get("moderation")).isEqualTo("VISIBLE");
        assertThat(queue()).isEmpty();
        assertThat(listedIds()).contains(topicId);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.topic.kept' and target_id = ?", topicId)).isEqualTo(1);
        assertThat(events(topicId, "TopicReportsDismissed")).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?", author))
                .as("keeping a reported topic tells its proposer nothing").isZero();
        var again = refused(() -> f.post("/api/v1/council/topics/" + topicId + "/approve", Map.of(), s.convener()));
        assertThat(again.getStatus().getCode()).isEqualTo(409);

        // One report per resident and topic, even after the moderators decided; another resident may report it again.
        var twice = refused(() -> report(topicId, "再次举报", reporter));
        assertThat(twice.getStatus().getCode()).isEqualTo(409);
        report(topicId, "仍然针对个人", f.tokens.citizen());
        assertThat(queue()).singleElement().satisfies(item -> assertThat(item.get("reports").toString())
                .contains("仍然针对个人").doesNotContain("针对个人，涉及邻里纠纷"));
    }

    @Test
    void hidingAReportedTopicSettlesItsReportsAndItCanNoLongerBeReported() {
        report(topicId, "涉及他人隐私", f.tokens.citizen());
        report(topicId, "点名道姓", f.tokens.citizen());
        assertThat(queue()).singleElement().satisfies(item -> assertThat(item.get("reports").toString()).contains("涉及他人隐私", "点名道姓"));
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'council.topic.v1' and event_key = ? and event_type = 'TopicReported'
                and payload like '%"openReports":2%' and payload like '%"queued":true%'""", topicId)).isEqualTo(1);

        f.post("/api/v1/council/topics/" + topicId + "/hide", Map.of("reason", "涉及他人隐私，不宜公开讨论"), s.convener());
        assertThat(queue()).isEmpty();
        assertThat(f.count("select count(*) from council.content_report where item_kind = 'TOPIC' and item_id = ?::uuid and not settled",
                topicId)).isZero();
        var hidden = refused(() -> report(topicId, "还要举报", f.tokens.citizen()));
        assertThat(hidden.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(hidden)).isEqualTo("没有找到该议题。");
        assertThat(reports(topicId)).isEqualTo(2);
    }

    @Test
    void badReportsAreRefusedInChineseAndNothingIsWritten() {
        String reporter = f.tokens.citizen();
        var unknown = refused(() -> report(UUID.randomUUID().toString(), "不当", reporter));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(unknown)).isEqualTo("没有找到该议题。");

        var own = refused(() -> report(topicId, "举报自己", f.tokens.citizen(author)));
        assertThat(own.getStatus().getCode()).isEqualTo(409);
        assertThat(type(own)).endsWith("own-topic");
        assertThat(detail(own)).isEqualTo("不能举报自己提出的议题。");

        var blank = refused(() -> report(topicId, "  ", reporter));
        assertThat(blank.getStatus().getCode()).isEqualTo(400);
        assertThat(blank.getResponse().getBody(String.class).orElse("")).contains("请说明举报理由。");
        var missing = refused(() -> report(topicId, null, reporter));
        assertThat(missing.getStatus().getCode()).isEqualTo(400);
        var tooLong = refused(() -> report(topicId, "很".repeat(201), reporter));
        assertThat(tooLong.getStatus().getCode()).isEqualTo(400);
        assertThat(tooLong.getResponse().getBody(String.class).orElse("")).contains("举报理由不超过 200 个字。");

        for (String staff : List.of(s.convener(), f.tokens.staff("CLERK", s.village()), f.tokens.staff("ADMIN", s.village()))) {
            var refusedStaff = refused(() -> report(topicId, "管理人员举报", staff));
            assertThat(refusedStaff.getStatus().getCode()).isEqualTo(403);
            assertThat(detail(refusedStaff)).contains("只有居民可以举报议题");
        }
        assertThat(reports(topicId)).isZero();
        assertThat(events(topicId, "TopicReported")).isZero();
        assertThat(queue()).isEmpty();

        report(topicId, "针对个人", reporter);
        var twice = refused(() -> report(topicId, "再次举报", reporter));
        assertThat(twice.getStatus().getCode()).isEqualTo(409);
        assertThat(type(twice)).endsWith("already-reported");
        assertThat(detail(twice)).isEqualTo("您已举报过该议题，管理人员会尽快处理。");
        assertThat(reports(topicId)).isEqualTo(1);
        assertThat(events(topicId, "TopicReported")).isEqualTo(1);
    }

    @Test
    void aTopicUnderReviewCannotBeReportedByOthers() {
        String clerkEntered = f.post("/api/v1/council/councils/" + s.councilId() + "/assisted-topics", Map.of("title", "修缮村级活动室",
                        "description", "活动室屋顶漏水。", "residentName", "黄秀英", "consent",
                        Map.of("given", true, "method", "当面口头同意", "at", Instant.now().minus(5, ChronoUnit.MINUTES).toString())),
                f.tokens.staff("CLERK", s.village())).get("id").toString();
        var review = refused(() -> report(clerkEntered, "不当", f.tokens.citizen()));
        assertThat(review.getStatus().getCode()).isEqualTo(404);
        assertThat(reports(clerkEntered)).isZero();
        assertThat(queue()).singleElement().satisfies(item -> assertThat(item.get("status")).isEqualTo("REVIEW"));
    }

    @Test
    void reportedTopicsAndOpinionsShareTheQueueAndAnotherTownshipsConvenerCannotDecide() {
        String opinionId = f.post("/api/v1/council/topics/" + topicId + "/opinions", Map.of("content", "同意 " + UUID.randomUUID()),
                f.tokens.citizen()).get("id").toString();
        f.post("/api/v1/council/opinions/" + opinionId + "/reports", Map.of("reason", "灌水"), f.tokens.citizen());
        report(topicId, "针对个人", f.tokens.citizen());
        assertThat(queue()).extracting(q -> q.get("kind") + ":" + q.get("id"))
                .containsExactly("TOPIC:" + topicId, "OPINION:" + opinionId);
        assertThat(f.count("select count(*) from council.content_report where item_kind = 'OPINION' and item_id = ?::uuid", opinionId))
                .isEqualTo(1);

        CouncilFixture.Setup elsewhere = f.councilElsewhere(s);
        assertThat(refused(() -> f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", elsewhere.convener()))
                .getStatus().getCode()).isEqualTo(403);
        for (String token : List.of(elsewhere.convener(), f.tokens.staff("CLERK", s.village()), f.tokens.citizen())) {
            assertThat(refused(() -> f.post("/api/v1/council/topics/" + topicId + "/approve", Map.of(), token)).getStatus().getCode())
                    .isEqualTo(403);
            assertThat(refused(() -> f.post("/api/v1/council/topics/" + topicId + "/hide", Map.of("reason", "不当"), token))
                    .getStatus().getCode()).isEqualTo(403);
        }
        assertThat(f.count("select count(*) from council.content_report where item_kind = 'TOPIC' and item_id = ?::uuid and not settled",
                topicId)).isEqualTo(1);
        assertThat(f.string("select moderation from council.topic where id = ?::uuid", topicId)).isEqualTo("VISIBLE");
    }
}
