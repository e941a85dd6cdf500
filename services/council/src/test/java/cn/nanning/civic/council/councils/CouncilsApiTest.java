package cn.nanning.civic.council.councils;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
@MicronautTest(transactional = false)
class CouncilsApiTest {

    @Inject
    CouncilFixture f;

    @Test
    void aConvenerOfTheTownshipSetsUpTheCouncilOfAVillageWithItsCharterRules() {
        String village = f.freeVillage();
        String convener = f.tokens.staff("convener-" + village, "CONVENER", village.substring(0, 9));
        Map<String, Object> council = f.post("/api/v1/council/councils", f.newCouncil(village), convener);
        assertThat(council.get("regionCode")).isEqualTo(village);
        assertThat(council.get("regionName")).isNotNull();
        assertThat(council.get("resolutionBodyLabel")).isEqualTo("村民代表会议");
        assertThat(council.get("rulesLabel")).isEqualTo("村民代表会议：到会人数不少于应到人数的 2/3方可表决，赞成票超过到会人数的 1/2为通过");
        assertThat((List<Object>) council.get("conveners")).extracting(c -> ((Map<String, Object>) c).get("accountId")).containsExactly("convener-" + village);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.create' and target_id = ?", council.get("id")))
                .isEqualTo(1);
        assertThat(f.list("/api/v1/council/councils?region=" + village.substring(0, 6), convener))
                .extracting(c -> c.get("id")).contains(council.get("id"));
    }

    @Test
    void aVillageHasOneCouncilOnly() {
        CouncilFixture.Setup s = f.council();
        var e = refused(() -> f.post("/api/v1/council/councils", f.newCouncil(s.village()), s.convener()));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("已设立");
    }

    @Test
    void aCouncilBelongsToAKnownVillageOrCommunity() {
        String village = f.freeVillage();
        String admin = f.tokens.staff("ADMIN", village.substring(0, 6));
        var township = refused(() -> f.post("/api/v1/council/councils", f.newCouncil(village.substring(0, 9)), admin));
        assertThat(township.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(township)).contains("12 位");
        var unknown = refused(() -> f.post("/api/v1/council/councils", f.newCouncil(village.substring(0, 6) + "999999"), admin));
        assertThat(unknown.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void charterRulesMustBeAProperFraction() {
        String village = f.freeVillage();
        Map<String, Object> body = f.newCouncil(village);
        body.put("rules", Map.of("resolutionBody", "VILLAGERS_MEETING", "quorum", CouncilFixture.threshold(3, 2, "AT_LEAST"),
                "majority", CouncilFixture.threshold(1, 2, "MORE_THAN")));
        var e = refused(() -> f.post("/api/v1/council/councils", body, f.tokens.staff("ADMIN", village)));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("分子不能大于分母");
        body.put("rules", Map.of("resolutionBody", "TOWN_HALL", "quorum", CouncilFixture.threshold(1, 2, "MORE_THAN"),
                "majority", CouncilFixture.threshold(1, 2, "MORE_THAN")));
        assertThat(detail(refused(() -> f.post("/api/v1/council/councils", body, f.tokens.staff("ADMIN", village))))).contains("村民会议");
    }

    @Test
    void onlyAConvenerOrAdminWhoseScopeCoversTheVillageSetsUpItsCouncil() {
        String village = f.freeVillage();
        List<String> strangers = List.of(f.tokens.staff("CONVENER", f.otherDistrict(village)), f.tokens.staff("ADMIN", f.otherDistrict(village)),
                f.tokens.staff("CLERK", village), f.tokens.staff("ORGANIZER", village), f.tokens.citizen());
        for (String stranger : strangers) {
            var e = refused(() -> f.post("/api/v1/council/councils", f.newCouncil(village), stranger));
            assertThat(e.getStatus().getCode()).isEqualTo(403);
        }
        assertThat(f.count("select count(*) from council.council where region_code = ?", village)).isZero();
        f.post("/api/v1/council/councils", f.newCouncil(village), f.tokens.staff("ADMIN", village.substring(0, 6)));
        assertThat(f.count("select count(*) from council.council where region_code = ?", village)).isEqualTo(1);
    }

    @Test
    void theConvenerAmendsTheCharterAndItsVotingRules() {
        CouncilFixture.Setup s = f.council();
        Map<String, Object> change = Map.of("charter", "第二版章程", "rules", Map.of("resolutionBody", "VILLAGERS_MEETING",
                "quorum", CouncilFixture.threshold(1, 2, "MORE_THAN"), "majority", CouncilFixture.threshold(1, 2, "MORE_THAN")));
        Map<String, Object> amended = f.put("/api/v1/council/councils/" + s.councilId() + "/charter", change, s.convener());
        assertThat(amended.get("charter")).isEqualTo("第二版章程");
        assertThat(amended.get("rulesLabel")).asString().startsWith("村民会议：到会人数超过应到人数的 1/2");
        var e = refused(() -> f.put("/api/v1/council/councils/" + s.councilId() + "/charter", change,
                f.tokens.staff("CONVENER", f.otherDistrict(s.village()))));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(detail(e)).contains("召集人或管理员");
    }

    @Test
    void representativesAreRegisteredWithTheirTerm() {
        CouncilFixture.Setup s = f.council();
        LocalDate today = LocalDate.now();
        Map<String, Object> current = new HashMap<>(Map.of("name", "黄大伯", "duty", "老党员代表",
                "termStart", today.minusYears(1).toString(), "termEnd", today.plusYears(2).toString()));
        assertThat(f.post("/api/v1/council/councils/" + s.councilId() + "/representatives", current, s.convener()).get("inTerm")).isEqualTo(true);
        Map<String, Object> past = Map.of("name", "农阿姨", "termStart", today.minusYears(6).toString(), "termEnd", today.minusYears(1).toString());
        assertThat(f.post("/api/v1/council/councils/" + s.councilId() + "/representatives", past, s.convener()).get("inTerm")).isEqualTo(false);
        assertThat(f.list("/api/v1/council/councils/" + s.councilId() + "/representatives", f.tokens.citizen()))
                .extracting(r -> r.get("name")).containsExactlyInAnyOrder("黄大伯", "农阿姨");
        Map<String, Object> backwards = Map.of("name", "韦叔", "termStart", today.toString(), "termEnd", today.minusDays(1).toString());
        var e = refused(() -> f.post("/api/v1/council/councils/" + s.councilId() + "/representatives", backwards, s.convener()));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("任期");
        var stranger = refused(() -> f.post("/api/v1/council/councils/" + s.councilId() + "/representatives", current,
                f.tokens.staff("CLERK", s.village())));
        assertThat(stranger.getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void convenersAreNamedAndRemovedByStaffInScopeOnly() {
        CouncilFixture.Setup s = f.council();
        String path = "/api/v1/council/councils/" + s.councilId() + "/conveners";
        f.post(path, Map.of("accountId", "acc-second", "displayName", "陆召集"), s.convener());
        assertThat(refused(() -> f.post(path, Map.of("accountId", "acc-second", "displayName", "陆召集"), s.convener())).getStatus().getCode())
                .isEqualTo(409);
        String otherConvener = f.tokens.staff("CONVENER", f.otherDistrict(s.village()));
        assertThat(refused(() -> f.post(path, Map.of("accountId", "acc-third", "displayName", "梁"), otherConvener)).getStatus().getCode())
                .isEqualTo(403);
        f.client.toBlocking().exchange(io.micronaut.http.HttpRequest.DELETE(path + "/acc-second").bearerAuth(s.convener()));
        assertThat((List<Object>) f.get("/api/v1/council/councils/" + s.councilId(), s.convener()).get("conveners")).hasSize(1);
    }
}
