package cn.nanning.civic.council.topics;

import cn.nanning.civic.council.CouncilFixture;
import cn.nanning.civic.council.WeChatStandInTest;
import cn.nanning.civic.council.Tokens;
import cn.nanning.civic.wechat.WeChatStandIn;
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

import static cn.nanning.civic.council.CouncilFixture.refused;
import static cn.nanning.civic.council.CouncilFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics are checked with the proposer's openid (msgSecCheck v2 at the stand-in), fall back to our word list and the
 * moderation queue without one, and a hidden topic disappears from every place that showed it.
 */
@MicronautTest(transactional = false)
class TopicModerationApiTest extends WeChatStandInTest {

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;

    @BeforeEach
    void aCouncil() {
        s = f.council();
    }

    private Map<String, Object> propose(String title, String token) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", title, "description", "请大家议一议。"), token);
    }

    private List<WeChatStandIn.ContentCheckRequest> checksOf(String text) {
        return WECHAT.contentChecks().stream().filter(c -> c.content() != null && c.content().contains(text)).toList();
    }

    private List<Object> listedIds() {
        return f.items("/api/v1/council/councils/" + s.councilId() + "/topics", f.tokens.citizen()).stream().map(t -> t.get("id")).toList();
    }

    @Test
    void aResidentsTopicAndOpinionAreCheckedByWeChatAsThatResident() {
        String author = UUID.randomUUID().toString();
        String title = "修缮村道 " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> topic = propose(title, f.tokens.citizen(author));
        assertThat(topic.get("moderation")).isEqualTo("VISIBLE");
        assertThat(checksOf(title)).singleElement().satisfies(check -> {
            assertThat(check.openid()).isEqualTo(Tokens.openIdOf(author));
            assertThat(check.version()).isEqualTo("2");
            assertThat(check.scene()).isEqualTo(3);
        });

        String opiner = UUID.randomUUID().toString();
        String text = "同意先修村道 " + UUID.randomUUID();
        f.post("/api/v1/council/topics/" + topic.get("id") + "/opinions", Map.of("content", text), f.tokens.citizen(opiner));
        assertThat(checksOf(text)).singleElement().satisfies(check -> {
            assertThat(check.openid()).isEqualTo(Tokens.openIdOf(opiner));
            assertThat(check.scene()).isEqualTo(2);
        });
    }

    @Test
    void withoutAnOpenIdOurWordListDecidesAndTheRestWaitsForAModerator() {
        String author = UUID.randomUUID().toString();
        String title = "建议增设健身器材 " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> topic = propose(title, f.tokens.citizenWithoutOpenId(author));
        String id = topic.get("id").toString();
        assertThat(topic.get("moderation")).isEqualTo("REVIEW");
        assertThat(topic.get("moderationLabel")).isEqualTo("待审核");
        assertThat(checksOf(title)).as("WeChat is not asked without an openid").isEmpty();
        assertThat(f.string("select check_result from council.topic where id = ?::uuid", id)).startsWith("no-openid");
        assertThat(listedIds()).doesNotContain(id);
        assertThat(f.get("/api/v1/council/topics/" + id, f.tokens.citizen(author)).get("id")).as("the proposer sees it").isEqualTo(id);
        assertThat(refused(() -> f.get("/api/v1/council/topics/" + id, f.tokens.citizen())).getStatus().getCode()).isEqualTo(404);

        var refusedByList = refused(() -> propose("听说有人贿选 " + UUID.randomUUID(), f.tokens.citizenWithoutOpenId(author)));
        assertThat(type(refusedByList)).endsWith("content-refused");

        String opinion = "我也赞成 " + UUID.randomUUID();
        String opinionTopic = propose("村口路灯维修", f.tokens.citizen()).get("id").toString();
        Map<String, Object> posted = f.post("/api/v1/council/topics/" + opinionTopic + "/opinions", Map.of("content", opinion),
                f.tokens.citizenWithoutOpenId(UUID.randomUUID().toString()));
        assertThat(posted.get("status")).isEqualTo("REVIEW");
        assertThat(checksOf(opinion)).isEmpty();

        List<Map<String, Object>> queue = f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener());
        assertThat(queue).extracting(q -> q.get("kind") + ":" + q.get("id"))
                .containsExactlyInAnyOrder("TOPIC:" + id, "OPINION:" + posted.get("id"));
        assertThat(queue).filteredOn(q -> q.get("kind").equals("TOPIC")).singleElement()
                .satisfies(q -> assertThat(q.get("topicTitle")).isEqualTo(title));

        assertThat(f.post("/api/v1/council/topics/" + id + "/approve", Map.of(), s.convener()).get("moderation")).isEqualTo("VISIBLE");
        assertThat(listedIds()).contains(id);
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?
                and payload like '%council-opinion%' and payload like '%您的议题已审核通过%'""", author)).isEqualTo(1);
    }

    @Test
    void aClerkEnteredTopicWaitsForAModeratorBeforeAnyoneSeesIt() {
        String title = "修缮村级活动室 " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> topic = f.post("/api/v1/council/councils/" + s.councilId() + "/assisted-topics", Map.of("title", title,
                "description", "活动室屋顶漏水。", "residentName", "黄秀英", "consent",
                Map.of("given", true, "method", "当面口头同意", "at", Instant.now().minus(5, ChronoUnit.MINUTES).toString())),
                f.tokens.staff("CLERK", s.village()));
        String id = topic.get("id").toString();
        assertThat(topic.get("moderation")).isEqualTo("REVIEW");
        assertThat(checksOf(title)).isEmpty();
        assertThat(listedIds()).doesNotContain(id);
        var early = refused(() -> f.post("/api/v1/council/topics/" + id + "/accept", Map.of(), s.convener()));
        assertThat(early.getStatus().getCode()).isEqualTo(409);
        f.post("/api/v1/council/topics/" + id + "/approve", Map.of(), s.convener());
        assertThat(f.post("/api/v1/council/topics/" + id + "/accept", Map.of(), s.convener()).get("status")).isEqualTo("ACCEPTED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHiddenTopicDisappearsFromEveryListPageAgendaAndNoticeAndItsProposerIsToldWhy() {
        String author = UUID.randomUUID().toString();
        String title = "某某家的违建 " + UUID.randomUUID().toString().substring(0, 8);
        String id = propose(title, f.tokens.citizen(author)).get("id").toString();
        String keep = propose("村口路灯维修", f.tokens.citizen()).get("id").toString();
        String opinionAuthor = UUID.randomUUID().toString();
        String opinionId = f.post("/api/v1/council/topics/" + id + "/opinions", Map.of("content", "有人在群里招人刷单 " + UUID.randomUUID()),
                f.tokens.citizen(opinionAuthor)).get("id").toString();
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("title", "第三季度议事会议");
        meeting.put("place", "村委会二楼会议室");
        meeting.put("startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        meeting.put("endsAt", Instant.now().plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS).toString());
        meeting.put("agenda", List.of(id, keep));
        String meetingId = f.post("/api/v1/council/councils/" + s.councilId() + "/meetings", meeting, s.convener()).get("id").toString();
        long openBefore = publicListing().get("openTopics") instanceof Number n ? n.longValue() : -1;

        var blank = refused(() -> f.post("/api/v1/council/topics/" + id + "/hide", Map.of("reason", " "), s.convener()));
        assertThat(blank.getStatus().getCode()).isEqualTo(400);
        Map<String, Object> hidden = f.post("/api/v1/council/topics/" + id + "/hide", Map.of("reason", "涉及他人隐私，不宜公开讨论"), s.convener());
        assertThat(hidden.get("moderation")).isEqualTo("HIDDEN");
        assertThat(hidden.get("hiddenReason")).isEqualTo("涉及他人隐私，不宜公开讨论");

        // API lists and reads
        assertThat(listedIds()).containsExactly(keep);
        assertThat(refused(() -> f.get("/api/v1/council/topics/" + id, f.tokens.citizen(author))).getStatus().getCode()).isEqualTo(404);
        assertThat(refused(() -> f.list("/api/v1/council/topics/" + id + "/opinions", f.tokens.citizen())).getStatus().getCode()).isEqualTo(404);
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/supports", Map.of(), f.tokens.citizen())).getStatus().getCode())
                .isEqualTo(404);
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/opinions", Map.of("content", "还想说两句"), f.tokens.citizen()))
                .getStatus().getCode()).isEqualTo(404);
        assertThat(f.get("/api/v1/council/topics/" + id, s.convener()).get("hiddenReason")).as("moderators keep the record")
                .isEqualTo("涉及他人隐私，不宜公开讨论");
        assertThat(f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener()))
                .extracting(q -> q.get("id")).doesNotContain(id, opinionId);

        // Agenda (signed in and public)
        assertThat(agendaIds((List<Map<String, Object>>) f.get("/api/v1/council/meetings/" + meetingId, f.tokens.citizen()).get("agenda")))
                .containsExactly(keep);

        // Public page, public opinions and the public region search
        Map<String, Object> page = f.get("/api/v1/council/public/councils/" + s.councilId(), null);
        assertThat(page.toString()).doesNotContain(title);
        assertThat(((List<Map<String, Object>>) page.get("openTopics"))).extracting(t -> t.get("id")).containsExactly(keep);
        assertThat(((List<Map<String, Object>>) page.get("hiddenTopics"))).singleElement()
                .satisfies(h -> assertThat(h.get("reason")).isEqualTo("涉及他人隐私，不宜公开讨论"));
        assertThat(agendaIds((List<Map<String, Object>>) ((List<Map<String, Object>>) page.get("upcomingMeetings")).get(0).get("agenda")))
                .containsExactly(keep);
        assertThat(refused(() -> f.list("/api/v1/council/public/topics/" + id + "/opinions", null)).getStatus().getCode()).isEqualTo(404);
        assertThat(((Number) publicListing().get("openTopics")).longValue()).isEqualTo(openBefore - 1);

        // Notices: the proposer is told the reason, never sent the hidden title; later notices about the topic omit it too
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?
                and payload like '%已隐藏%' and payload like '%涉及他人隐私%'""", author)).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ? and payload like ?",
                author, "%" + title + "%")).isZero();
        f.post("/api/v1/council/opinions/" + opinionId + "/hide", Map.of("reason", "疑似广告"), s.convener());
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ? and payload like '%疑似广告%'",
                opinionAuthor)).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ? and payload like ?",
                opinionAuthor, "%" + title + "%")).isZero();
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'council.topic.v1' and event_key = ? and event_type = 'TopicHidden'
                and payload not like ?""", id, "%" + title + "%")).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.topic.hidden' and target_id = ?", id)).isEqualTo(1);
    }

    @Test
    void anotherTownshipsConvenerCannotHideOrPublishATopic() {
        String id = propose("村口路灯维修", f.tokens.citizenWithoutOpenId(UUID.randomUUID().toString())).get("id").toString();
        CouncilFixture.Setup elsewhere = f.councilElsewhere(s);
        for (String token : List.of(elsewhere.convener(), f.tokens.staff("CLERK", s.village()), f.tokens.citizen())) {
            assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/hide", Map.of("reason", "不当"), token)).getStatus().getCode())
                    .isEqualTo(403);
            assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/approve", Map.of(), token)).getStatus().getCode())
                    .isEqualTo(403);
        }
        assertThat(f.string("select moderation from council.topic where id = ?::uuid", id)).isEqualTo("REVIEW");
    }

    private Map<String, Object> publicListing() {
        return f.list("/api/v1/council/public/councils?region=" + s.village(), null).stream()
                .filter(c -> c.get("id").equals(s.councilId())).findFirst().orElseThrow();
    }

    private static List<Object> agendaIds(List<Map<String, Object>> agenda) {
        return agenda.stream().map(a -> a.get("topicId")).toList();
    }
}
