package cn.nanning.civic.council.topics;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TopicsApiTest {

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;

    @BeforeEach
    void aCouncil() {
        s = f.council();
    }

    private Map<String, Object> propose(String title, String token) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", title, "description", "村口路灯坏了三个月，晚上出行不便。"), token);
    }

    private String topicId(String title) {
        return propose(title, f.tokens.citizen()).get("id").toString();
    }

    private Map<String, Object> assisted(Map<String, Object> consent, String clerk) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/assisted-topics", Map.of("title", "修缮村级活动室",
                "description", "活动室屋顶漏水。", "residentName", "黄秀英", "consent", consent), clerk);
    }

    @Test
    void aResidentProposesATopicAndAnEventIsWritten() {
        Map<String, Object> topic = propose("修复村口路灯", f.tokens.citizen());
        assertThat(topic.get("status")).isEqualTo("OPEN");
        assertThat(topic.get("statusLabel")).isEqualTo("征集中");
        assertThat(topic.get("clerkAssisted")).isEqualTo(false);
        assertThat(topic.get("sourceLabel")).isEqualTo("居民提出");
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.topic.v1' and event_key = ? and event_type = 'TopicProposed'",
                topic.get("id"))).isEqualTo(1);
        assertThat(f.items("/api/v1/council/councils/" + s.councilId() + "/topics?status=OPEN", f.tokens.citizen()))
                .extracting(t -> t.get("id")).containsExactly(topic.get("id"));
        Map<String, Object> page = f.get("/api/v1/council/councils/" + s.councilId() + "/topics?page=0&size=1", f.tokens.citizen());
        assertThat(page).containsEntry("total", 1).containsEntry("page", 0).containsEntry("size", 1);
        assertThat(refused(() -> f.get("/api/v1/council/councils/" + s.councilId() + "/topics?page=2147483647&size=200",
                f.tokens.citizen())).getStatus().getCode()).as("a page beyond the window is a 400, not a 500").isEqualTo(400);
    }

    @Test
    void staffCannotProposeAsAResident() {
        var e = refused(() -> propose("代提议题", f.tokens.staff("CLERK", s.village())));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(detail(e)).contains("代录入");
    }

    @Test
    void aClerkEntersATopicForAnOfflineResidentWithTheirConsentRecorded() {
        String clerk = f.tokens.staff("CLERK", s.village());
        Instant consentAt = Instant.now().minus(10, ChronoUnit.MINUTES);
        Map<String, Object> topic = assisted(Map.of("given", true, "method", "当面口头同意", "at", consentAt.toString()), clerk);
        assertThat(topic.get("clerkAssisted")).isEqualTo(true);
        assertThat(topic.get("sourceLabel")).asString().contains("已取得居民本人同意");
        assertThat(topic.get("residentName")).isEqualTo("黄**");
        assertThat(topic.get("moderation")).as("no openid to check it with: it waits for a moderator").isEqualTo("REVIEW");
        String id = topic.get("id").toString();
        assertThat(f.string("select consent_method from council.topic where id = ?::uuid", id)).isEqualTo("当面口头同意");
        assertThat(f.string("select resident_name from council.topic where id = ?::uuid", id)).doesNotContain("黄秀英");
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.topic.clerk-assisted' and target_id = ?", id)).isEqualTo(1);
    }

    @Test
    void withoutTheResidentsConsentAClerkCannotEnterATopic() {
        String clerk = f.tokens.staff("CLERK", s.village());
        var e = refused(() -> assisted(Map.of("given", false, "method", "当面口头同意", "at", Instant.now().toString()), clerk));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("同意");
        var noMethod = refused(() -> assisted(Map.of("given", true, "at", Instant.now().toString()), clerk));
        assertThat(noMethod.getStatus().getCode()).isEqualTo(400);
        var otherVillageClerk = refused(() -> assisted(Map.of("given", true, "method", "书面签字", "at", Instant.now().toString()),
                f.tokens.staff("CLERK", f.otherDistrict(s.village()))));
        assertThat(otherVillageClerk.getStatus().getCode()).isEqualTo(403);
        assertThat(f.count("select count(*) from council.topic where council_id = ?::uuid", s.councilId())).isZero();
    }

    @Test
    void aResidentSupportsATopicOnce() {
        String id = topicId("增设垃圾分类点");
        String resident = f.tokens.citizen();
        assertThat(f.post("/api/v1/council/topics/" + id + "/supports", Map.of(), resident).get("supports")).isEqualTo(1);
        var again = refused(() -> f.post("/api/v1/council/topics/" + id + "/supports", Map.of(), resident));
        assertThat(again.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(again)).contains("只能附议一次");
        assertThat(f.get("/api/v1/council/topics/" + id, resident).get("supports")).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentSupportsFromFiftyResidentsCountFifty() throws Exception {
        String id = topicId("村道硬化");
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            residents.add(f.tokens.citizen());
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String token = residents.get(i % 50);
            results.add(pool.submit(() -> {
                try {
                    f.post("/api/v1/council/topics/" + id + "/supports", Map.of(), token);
                    return 201;
                } catch (HttpClientResponseException e) {
                    return e.getStatus().getCode();
                }
            }));
        }
        int created = 0;
        int conflicts = 0;
        for (Future<Integer> r : results) {
            int code = r.get();
            if (code == 201) {
                created++;
            } else if (code == 409) {
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(50);
        assertThat(conflicts).isEqualTo(150);
        assertThat(f.count("select count(*) from council.topic_support where topic_id = ?::uuid", id)).isEqualTo(50);
    }

    @Test
    void theConvenerAcceptsATopicAndItNoLongerCollectsSupports() {
        String id = topicId("建设文化广场");
        Map<String, Object> accepted = f.post("/api/v1/council/topics/" + id + "/accept", Map.of("reason", "列入本季度议事"), s.convener());
        assertThat(accepted.get("status")).isEqualTo("ACCEPTED");
        assertThat(accepted.get("publicReason")).isEqualTo("列入本季度议事");
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/supports", Map.of(), f.tokens.citizen())).getStatus().getCode())
                .isEqualTo(409);
        var twice = refused(() -> f.post("/api/v1/council/topics/" + id + "/decline", Map.of("reason", "改主意"), s.convener()));
        assertThat(twice.getStatus().getCode()).isEqualTo(409);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.topic.v1' and event_key = ? and event_type = 'TopicAccepted'", id))
                .isEqualTo(1);
        assertThat(proposerNotices(id, "已采纳")).as("the proposer is told, with the reason").isEqualTo(1);
    }

    /** Notices to a topic's proposer about it (inbox and WeChat) that say {@code text}. */
    private long proposerNotices(String topicId, String text) {
        return f.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested'"
                + " and payload like '%' || ? || '%' and payload like ?", "topic?id=" + topicId, "%" + text + "%");
    }

    @Test
    void decliningATopicNeedsAPublicReason() {
        String id = topicId("村里建高尔夫球场");
        var e = refused(() -> f.post("/api/v1/council/topics/" + id + "/decline", Map.of(), s.convener()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("公开说明理由");
        Map<String, Object> declined = f.post("/api/v1/council/topics/" + id + "/decline", Map.of("reason", "超出村级事务范围，已转乡镇"), s.convener());
        assertThat(declined.get("status")).isEqualTo("DECLINED");
        assertThat(declined.get("publicReason")).isEqualTo("超出村级事务范围，已转乡镇");
        assertThat(f.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'TopicDeclined'", id)).isEqualTo(1);
        assertThat(proposerNotices(id, "理由：超出村级事务范围，已转乡镇")).isEqualTo(1);
    }

    @Test
    void aTopicMergedIntoAnotherPassesItsSupportsOn() {
        String target = topicId("修缮村道");
        String duplicate = topicId("村道坑洼多");
        String both = f.tokens.citizen();
        f.post("/api/v1/council/topics/" + target + "/supports", Map.of(), both);
        f.post("/api/v1/council/topics/" + duplicate + "/supports", Map.of(), both);
        f.post("/api/v1/council/topics/" + duplicate + "/supports", Map.of(), f.tokens.citizen());
        Map<String, Object> merged = f.post("/api/v1/council/topics/" + duplicate + "/merge",
                Map.of("into", target, "reason", "与《修缮村道》为同一事项"), s.convener());
        assertThat(merged.get("status")).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto")).isEqualTo(target);
        assertThat(f.get("/api/v1/council/topics/" + target, both).get("supports")).isEqualTo(2);
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + target + "/merge", Map.of("into", target, "reason", "自身"), s.convener()))
                .getStatus().getCode()).isEqualTo(400);
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + topicId("另一事项") + "/merge",
                Map.of("into", duplicate, "reason", "合并到已合并的议题"), s.convener())).getStatus().getCode()).isEqualTo(409);
        CouncilFixture.Setup other = f.council();
        String foreign = f.post("/api/v1/council/councils/" + other.councilId() + "/topics", Map.of("title", "外村议题", "description", "内容"),
                f.tokens.citizen()).get("id").toString();
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + foreign + "/merge", Map.of("into", target, "reason", "跨村"), other.convener()))
                .getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void oneCouncilsConvenerCannotTriageAnotherCouncilsTopics() {
        String id = topicId("路灯");
        CouncilFixture.Setup other = f.council();
        String otherConvener = f.tokens.staff("CONVENER", other.village());
        for (String verb : List.of("accept", "decline")) {
            var e = refused(() -> f.post("/api/v1/council/topics/" + id + "/" + verb, Map.of("reason", "理由"), otherConvener));
            assertThat(e.getStatus().getCode()).isEqualTo(403);
        }
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/accept", Map.of(), f.tokens.staff("CLERK", s.village())))
                .getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> f.post("/api/v1/council/topics/" + id + "/accept", Map.of(), f.tokens.citizen())).getStatus().getCode())
                .isEqualTo(403);
        assertThat(f.get("/api/v1/council/topics/" + id, f.tokens.citizen()).get("status")).isEqualTo("OPEN");
    }
}
