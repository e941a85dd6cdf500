package cn.nanning.civic.council.publicpages;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.council.CouncilFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
@MicronautTest(transactional = false)
class PublicPagesApiTest {

    @Inject
    CouncilFixture f;

    private static Map<String, Object> holding(String step, int expected, int present) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        body.put("heldAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("motionSource", "村党支部");
        body.put("expectedAttendance", expected);
        body.put("actualAttendance", present);
        body.put("votesFor", present);
        body.put("votesAgainst", 0);
        body.put("votesAbstain", 0);
        return body;
    }

    private String decision(CouncilFixture.Setup s, String title) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/decisions", Map.of("title", title, "matter", "内容"), s.convener())
                .get("id").toString();
    }

    @Test
    void anyoneReadsACouncilsPublicPageWithoutSigningIn() {
        CouncilFixture.Setup s = f.council();
        f.post("/api/v1/council/councils/" + s.councilId() + "/representatives", Map.of("name", "黄大伯",
                "termStart", LocalDate.now().minusYears(1).toString(), "termEnd", LocalDate.now().plusYears(1).toString()), s.convener());
        String open = f.post("/api/v1/council/councils/" + s.councilId() + "/topics",
                Map.of("title", "<script>alert(1)</script>路灯", "description", "修路灯"), f.tokens.citizen()).get("id").toString();
        String declined = f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", "建球场", "description", "内容"),
                f.tokens.citizen()).get("id").toString();
        f.post("/api/v1/council/topics/" + declined + "/decline", Map.of("reason", "超出村级事务范围"), s.convener());

        String published = decision(s, "村道硬化工程");
        String path = "/api/v1/council/decisions/" + published;
        f.post(path + "/register", holding("PROPOSAL", 7, 7), s.convener());
        f.post(path + "/register", holding("COMMITTEES_DISCUSSION", 11, 11), s.convener());
        f.post(path + "/register", holding("PARTY_REVIEW", 30, 20), s.convener());
        f.post(path + "/register", holding("RESIDENTS_RESOLUTION", 45, 30), s.convener());
        f.post(path + "/resolution", Map.of("content", "同意实施村道硬化"), s.convener());
        f.post(path + "/progress", Map.of("percent", 30, "note", "路基完成", "occurredOn", LocalDate.now().toString()), s.convener());
        String unpublished = decision(s, "尚在审议的事项");

        Map<String, Object> page = f.get("/api/v1/council/public/councils/" + s.councilId(), null);
        assertThat(page.get("rules")).asString().startsWith("村民代表会议");
        assertThat((List<Object>) page.get("representatives")).hasSize(1);
        assertThat(page.toString()).doesNotContain(s.convener());
        assertThat((List<Object>) page.get("conveners")).containsExactly("测试用户");
        assertThat((List<Object>) page.get("openTopics")).extracting(t -> ((Map<String, Object>) t).get("id")).containsExactly(open);
        assertThat(((Map<String, Object>) ((List<Object>) page.get("openTopics")).get(0)).get("title")).isEqualTo("<script>alert(1)</script>路灯");
        assertThat((List<Object>) page.get("closedTopics")).extracting(t -> ((Map<String, Object>) t).get("publicReason")).containsExactly("超出村级事务范围");
        assertThat((List<Object>) page.get("resolutions")).extracting(d -> ((Map<String, Object>) d).get("id")).containsExactly(published);

        Map<String, Object> decision = f.get("/api/v1/council/public/decisions/" + published, null);
        assertThat((List<Object>) decision.get("register")).hasSize(6);
        assertThat((Map<String, Object>) decision.get("resolution")).containsEntry("content", "同意实施村道硬化").containsKey("publishedAt");
        assertThat((List<Object>) decision.get("progressUpdates")).hasSize(1);
        assertThat(decision.get("progress")).isEqualTo(30);
        var hidden = refused(() -> f.get("/api/v1/council/public/decisions/" + unpublished, null));
        assertThat(hidden.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void councilsAreFoundByDistrictOrTownship() {
        CouncilFixture.Setup s = f.council();
        List<Map<String, Object>> inTownship = f.list("/api/v1/council/public/councils?region=" + s.village().substring(0, 9), null);
        assertThat(inTownship).extracting(c -> c.get("id")).contains(s.councilId());
        assertThat(inTownship).allSatisfy(c -> assertThat(c.get("regionCode").toString()).startsWith(s.village().substring(0, 9)));
        List<Map<String, Object>> inDistrict = f.list("/api/v1/council/public/councils?region=" + s.village().substring(0, 6), null);
        assertThat(inDistrict).extracting(c -> c.get("id")).contains(s.councilId());
        Map<String, Object> listed = inDistrict.stream().filter(c -> c.get("id").equals(s.councilId())).findFirst().orElseThrow();
        assertThat(listed.get("districtName")).as("named at every level for the public index").isNotNull();
        assertThat(listed.get("townshipName")).isNotNull();
        assertThat(listed.get("regionName")).isNotNull();
        assertThat(listed.get("openTopics")).isEqualTo(0);
        List<Map<String, Object>> elsewhere = f.list("/api/v1/council/public/councils?region=" + f.otherDistrict(s.village()), null);
        assertThat(elsewhere).extracting(c -> c.get("id")).doesNotContain(s.councilId());
        var bad = refused(() -> f.list("/api/v1/council/public/councils?region=45", null));
        assertThat(bad.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void statisticsCountCouncilsAndTheShareOfVillagesWithAnActiveOne() {
        CouncilFixture.Setup s = f.council();
        String township = s.village().substring(0, 9);
        String admin = f.tokens.staff("ADMIN", township);
        Map<String, Object> before = f.get("/api/v1/council/statistics?region=" + township, admin);
        f.post("/api/v1/council/councils/" + s.councilId() + "/representatives", Map.of("name", "黄大伯",
                "termStart", LocalDate.now().minusYears(1).toString(), "termEnd", LocalDate.now().plusYears(1).toString()), s.convener());
        f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", "议题", "description", "内容"), f.tokens.citizen());
        Map<String, Object> after = f.get("/api/v1/council/statistics?region=" + township, admin);
        long villages = f.count("select count(*) from kernel.region where level = 'village' and parent_code = ?", township);
        assertThat(after.get("villages")).isEqualTo((int) villages);
        assertThat(((Number) after.get("topics")).longValue()).isEqualTo(((Number) before.get("topics")).longValue() + 1);
        assertThat(((Number) after.get("activeCouncils")).longValue()).isEqualTo(((Number) before.get("activeCouncils")).longValue() + 1);
        assertThat(((Number) after.get("activeShare")).doubleValue()).isGreaterThan(0);
        var e = refused(() -> f.get("/api/v1/council/statistics?region=" + f.otherDistrict(s.village()), admin));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> f.get("/api/v1/council/statistics?region=" + township, f.tokens.citizen())).getStatus().getCode()).isEqualTo(403);
    }
}
