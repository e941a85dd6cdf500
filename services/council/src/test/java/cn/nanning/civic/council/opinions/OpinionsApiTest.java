package cn.nanning.civic.council.opinions;

import cn.nanning.civic.council.CouncilFixture;
import cn.nanning.civic.council.WeChatStandInTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static cn.nanning.civic.council.CouncilFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opinions go through our word list and WeChat's msgSecCheck (the dev stack's stand-in, over HTTP via WxJava: it
 * answers risky for 赌博, review for 刷单, pass otherwise); moderation hides content from every list.
 */
@MicronautTest(transactional = false)
class OpinionsApiTest extends WeChatStandInTest {

    /** Its own stand-in (the current code, on a free port), so the test does not depend on the shared one's version. */
    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;
    String topicId;

    @BeforeEach
    void anOpenTopic() {
        s = f.council();
        topicId = f.post("/api/v1/council/councils/" + s.councilId() + "/topics",
                Map.of("title", "村口路灯维修", "description", "村口路灯坏了三个月，晚上出行不便。"), f.tokens.citizen()).get("id").toString();
    }

    private Map<String, Object> opine(String content, String token) {
        return f.post("/api/v1/council/topics/" + topicId + "/opinions", Map.of("content", content), token);
    }

    private List<String> contents(List<Map<String, Object>> opinions) {
        return opinions.stream().map(o -> o.get("content").toString()).toList();
    }

    private List<String> publicContents() {
        return contents(f.list("/api/v1/council/public/topics/" + topicId + "/opinions", null));
    }

    private long stored(String content) {
        return f.count("select count(*) from council.opinion where topic_id = cast(? as uuid) and content = ?", topicId, content);
    }

    @Test
    void aHarmlessOpinionIsPublishedAtOnceAndLeavesThroughTheOutbox() {
        String text = "建议先修靠近小学的那两盏 " + UUID.randomUUID();
        Map<String, Object> opinion = opine(text, f.tokens.citizen());
        assertThat(opinion.get("status")).isEqualTo("VISIBLE");
        assertThat(opinion.get("statusLabel")).isEqualTo("已公开");
        assertThat(contents(f.list("/api/v1/council/topics/" + topicId + "/opinions", f.tokens.citizen()))).containsExactly(text);
        assertThat(publicContents()).containsExactly(text);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.opinion.v1' and event_key = ? and event_type = 'OpinionPosted'",
                opinion.get("id").toString())).isEqualTo(1);
        assertThat(f.string("select check_result from council.opinion where id = cast(? as uuid)", opinion.get("id").toString()))
                .isEqualTo("wechat:pass");
    }

    @Test
    void textWeChatCallsRiskyIsRefusedAndNotStored() {
        String text = "有人在村里赌博，没人管 " + UUID.randomUUID();
        var e = refused(() -> opine(text, f.tokens.citizen()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(type(e)).endsWith("content-refused");
        assertThat(detail(e)).contains("不宜发布");
        assertThat(stored(text)).isZero();
    }

    @Test
    void ourOwnWordListRefusesWhatWeChatWouldPass() {
        // The stand-in passes this text; only our list knows the word.
        String text = "听说有人 贿 选，请查一查 " + UUID.randomUUID();
        var e = refused(() -> opine(text, f.tokens.citizen()));
        assertThat(type(e)).endsWith("content-refused");
        assertThat(stored(text)).isZero();
    }

    @Test
    void textToReviewWaitsForAModeratorWhoPublishesItAndTheAuthorIsTold() {
        String author = UUID.randomUUID().toString();
        String authorToken = f.tokens.citizen(author);
        String text = "有人在群里招人刷单，大家小心 " + UUID.randomUUID();
        Map<String, Object> opinion = opine(text, authorToken);
        String id = opinion.get("id").toString();
        assertThat(opinion.get("status")).isEqualTo("REVIEW");
        assertThat(publicContents()).doesNotContain(text);
        assertThat(contents(f.list("/api/v1/council/topics/" + topicId + "/opinions", f.tokens.citizen()))).doesNotContain(text);
        assertThat(contents(f.list("/api/v1/council/topics/" + topicId + "/opinions", authorToken))).containsExactly(text);

        List<Map<String, Object>> queue = f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener());
        assertThat(queue).singleElement().satisfies(item -> {
            assertThat(item.get("id")).isEqualTo(id);
            assertThat(item.get("checkResult").toString()).startsWith("wechat:review");
            assertThat(item.get("topicTitle")).isEqualTo("村口路灯维修");
        });

        assertThat(f.post("/api/v1/council/opinions/" + id + "/approve", Map.of(), s.convener()).get("status")).isEqualTo("VISIBLE");
        assertThat(publicContents()).containsExactly(text);
        assertThat(f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener())).isEmpty();
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?
                and payload like '%council-opinion%' and payload like '%已公开%'""", author)).isEqualTo(1);
    }

    @Test
    void aReportedOpinionHiddenWithAReasonDisappearsEverywhereAndItsAuthorIsTold() {
        String author = UUID.randomUUID().toString();
        String text = "某某家占道堆放杂物，大家去他家门口堵他 " + UUID.randomUUID();
        String id = opine(text, f.tokens.citizen(author)).get("id").toString();
        String keep = "路灯由村委统一报修即可 " + UUID.randomUUID();
        opine(keep, f.tokens.citizen());

        var own = refused(() -> f.post("/api/v1/council/opinions/" + id + "/reports", Map.of("reason", "x"), f.tokens.citizen(author)));
        assertThat(own.getStatus().getCode()).isEqualTo(409);
        String reporter = f.tokens.citizen();
        f.post("/api/v1/council/opinions/" + id + "/reports", Map.of("reason", "煽动围堵他人"), reporter);
        var twice = refused(() -> f.post("/api/v1/council/opinions/" + id + "/reports", Map.of("reason", "再次举报"), reporter));
        assertThat(detail(twice)).contains("已举报过");

        List<Map<String, Object>> queue = f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener());
        assertThat(queue).singleElement().satisfies(item -> {
            assertThat(item.get("status")).isEqualTo("VISIBLE");
            assertThat(item.get("reports").toString()).contains("煽动围堵他人");
        });

        var noReason = refused(() -> f.post("/api/v1/council/opinions/" + id + "/hide", Map.of("reason", " "), s.convener()));
        assertThat(noReason.getStatus().getCode()).isEqualTo(400);
        Map<String, Object> hidden = f.post("/api/v1/council/opinions/" + id + "/hide", Map.of("reason", "含有煽动围堵他人的内容"), s.convener());
        assertThat(hidden.get("status")).isEqualTo("HIDDEN");

        assertThat(publicContents()).containsExactly(keep);
        assertThat(contents(f.list("/api/v1/council/topics/" + topicId + "/opinions", f.tokens.citizen()))).containsExactly(keep);
        assertThat(contents(f.list("/api/v1/council/topics/" + topicId + "/opinions", f.tokens.citizen(author)))).containsExactly(keep);
        assertThat(f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", s.convener())).isEmpty();
        var gone = refused(() -> f.post("/api/v1/council/opinions/" + id + "/reports", Map.of("reason", "x"), f.tokens.citizen()));
        assertThat(gone.getStatus().getCode()).isEqualTo(404);

        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?
                and payload like '%已隐藏%' and payload like '%含有煽动围堵他人的内容%'""", author)).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.opinion.v1' and event_key = ? and event_type = 'OpinionModerated'",
                id)).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.opinion.hidden' and target_id = ?", id)).isEqualTo(1);
    }

    @Test
    void anotherCouncilsConvenerCannotModerate() {
        CouncilFixture.Setup elsewhere = f.councilElsewhere(s);
        String id = opine("有人在群里招人刷单 " + UUID.randomUUID(), f.tokens.citizen()).get("id").toString();
        var queue = refused(() -> f.list("/api/v1/council/councils/" + s.councilId() + "/moderation-queue", elsewhere.convener()));
        assertThat(queue.getStatus().getCode()).isEqualTo(403);
        var hide = refused(() -> f.post("/api/v1/council/opinions/" + id + "/hide", Map.of("reason", "不当"), elsewhere.convener()));
        assertThat(hide.getStatus().getCode()).isEqualTo(403);
        var approve = refused(() -> f.post("/api/v1/council/opinions/" + id + "/approve", Map.of(), elsewhere.convener()));
        assertThat(approve.getStatus().getCode()).isEqualTo(403);
        assertThat(f.string("select status from council.opinion where id = cast(? as uuid)", id)).isEqualTo("REVIEW");
    }

    @Test
    void onlyResidentsOpineAndOnlyOnOpenTopics() {
        var staff = refused(() -> opine("召集人代发意见", s.convener()));
        assertThat(staff.getStatus().getCode()).isEqualTo(403);
        f.post("/api/v1/council/topics/" + topicId + "/decline", Map.of("reason", "超出村级事务范围"), s.convener());
        var closed = refused(() -> opine("还想说两句", f.tokens.citizen()));
        assertThat(closed.getStatus().getCode()).isEqualTo(409);
        var blank = refused(() -> opine("  ", f.tokens.citizen()));
        assertThat(blank.getStatus().getCode()).isEqualTo(400);
    }
}
