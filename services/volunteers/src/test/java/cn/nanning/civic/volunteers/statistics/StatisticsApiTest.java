package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class StatisticsApiTest {

    @Inject
    VolunteerFixture f;

    @Inject
    VolunteerStatistics statistics;

    Map<?, ?> figures(String township, String token) {
        return (Map<?, ?>) f.get("/api/v1/volunteers/statistics?region=" + township, token, Map.class).get("total");
    }

    long n(Map<?, ?> figures, String key) {
        return ((Number) figures.get(key)).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTownshipCountsItsVolunteersStationsAndTeamsAgainstThePopulationTarget() {
        String township = f.randomTownship();
        String admin = f.tokens.staff("ADMIN", township.substring(0, 6));
        statistics.refresh();
        Map<?, ?> before = figures(township, admin);

        f.volunteer(f.villageIn(township), List.of("急救"));
        f.volunteer(f.villageIn(township), List.of("普通话"));
        f.post("/api/v1/volunteers/stations", Map.of("townshipCode", township, "name", "统计测试服务站" + UUID.randomUUID().toString().substring(0, 6)), admin);
        statistics.refresh();
        Map<?, ?> after = figures(township, admin);
        assertThat(n(after, "registered") - n(before, "registered")).isEqualTo(2);
        assertThat(n(after, "stations") - n(before, "stations")).isEqualTo(1);
        assertThat(n(after, "townshipsWithStation")).isEqualTo(1);
        assertThat(after.get("targetShare")).isEqualTo(0.2);

        Map<?, ?> whole = f.get("/api/v1/volunteers/statistics?region=" + township.substring(0, 6), admin, Map.class);
        List<Map<String, Object>> children = (List<Map<String, Object>>) whole.get("children");
        Map<String, Object> mine = children.stream().filter(c -> township.equals(c.get("code"))).findFirst().orElseThrow();
        assertThat(mine.get("registered")).isEqualTo(after.get("registered"));
        assertThat(n((Map<?, ?>) whole.get("total"), "registered")).isEqualTo(children.stream().mapToLong(c -> n(c, "registered")).sum());
        assertThat(whole.get("asOf")).isNotNull();
    }

    @Test
    void theShareIsComputedWhenThePopulationIsKnown() {
        String township = f.randomTownship();
        String admin = f.tokens.staff("ADMIN", township);
        f.volunteer(f.villageIn(township), List.of("急救"));
        statistics.refresh();
        long registered = n(figures(township, admin), "registered");
        f.post("/api/v1/volunteers/statistics/population", Map.of("source", "测试用数据", "year", 2025,
                "figures", List.of(Map.of("code", township, "population", registered * 10))), admin);
        f.execute("delete from volunteers.region_population where code = ? and year > 2025", township);
        Map<?, ?> figures = figures(township, admin);
        assertThat(figures.get("registeredShare")).isEqualTo(0.1);
        assertThat(n(figures, "targetVolunteers")).isEqualTo(registered * 2);
        assertThat(figures.get("targetProgress")).isEqualTo(0.5);
        assertThat(figures.get("populationYear")).isEqualTo(2025);
        assertThat(figures.get("populationSource")).isEqualTo("测试用数据");
    }

    @Test
    void onlyStaffOfTheAreaSeeIt() {
        String township = f.randomTownship();
        var citizen = f.volunteer();
        assertThat(refused(() -> figures(township, citizen.token())).getStatus().getCode()).isEqualTo(403);
        String elsewhere = township.startsWith("450102") ? "450103" : "450102";
        assertThat(refused(() -> figures(township, f.tokens.staff("ORGANIZER", elsewhere))).getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> figures("450199999", f.tokens.staff("ADMIN", "450100"))).getStatus().getCode()).isEqualTo(400);
    }
}
