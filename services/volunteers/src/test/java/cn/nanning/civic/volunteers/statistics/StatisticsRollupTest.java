package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** The incremental rollup (only what changed, then its ancestors) and population figures loaded by administrators. */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class StatisticsRollupTest {

    @Inject
    VolunteerFixture f;

    @Inject
    VolunteerStatistics statistics;

    private Map<?, ?> stats(String region, String token) {
        return f.get("/api/v1/volunteers/statistics?region=" + region, token, Map.class);
    }

    private static long n(Map<?, ?> figures, String key) {
        return ((Number) figures.get(key)).longValue();
    }

    private String refreshedAt(String code) {
        return f.string("select refreshed_at::text from volunteers.region_stats where code = ?", code);
    }

    private String parent(String code) {
        return f.string("select parent_code from kernel.region where code = ?", code);
    }

    @Test
    void aRegistrationAndConfirmedHoursRecomputeTheirVillageAndItsAncestorsOnly() {
        String village = f.villageIn(f.randomTownship());
        String township = parent(village);
        String district = parent(township);
        String sibling = f.string("select code from kernel.region where parent_code = ? and code <> ? order by code limit 1", township, village);
        String otherDistrict = f.string("select code from kernel.region where level = 'district' and code <> ? order by code limit 1", district);
        String admin = f.tokens.staff("ADMIN", "450100");
        statistics.refresh(); // drain what other tests changed
        long villageBefore = n((Map<?, ?>) stats(village, admin).get("total"), "registered");
        long townshipBefore = n((Map<?, ?>) stats(township, admin).get("total"), "registered");
        long districtBefore = n((Map<?, ?>) stats(district, admin).get("total"), "registered");
        String siblingAt = refreshedAt(sibling);
        String otherDistrictAt = refreshedAt(otherDistrict);

        var person = f.volunteer(village, List.of("急救"));
        VolunteerStatistics.Refresh run = statistics.refresh();
        assertThat(run.full()).isFalse();
        assertThat(run.villages()).containsExactly(village);
        assertThat(run.ancestors()).containsExactly(township, district, "450100");
        assertThat(n((Map<?, ?>) stats(village, admin).get("total"), "registered")).isEqualTo(villageBefore + 1);
        assertThat(n((Map<?, ?>) stats(township, admin).get("total"), "registered")).isEqualTo(townshipBefore + 1);
        assertThat(n((Map<?, ?>) stats(district, admin).get("total"), "registered")).isEqualTo(districtBefore + 1);
        if (sibling != null) {
            assertThat(refreshedAt(sibling)).as("a sibling village is left alone").isEqualTo(siblingAt);
        }
        assertThat(refreshedAt(otherDistrict)).as("another district is left alone").isEqualTo(otherDistrictAt);

        // hours credited to the volunteer (here straight into the ledger, as the consultation listener does)
        double hoursBefore = ((Number) ((Map<?, ?>) stats(village, admin).get("total")).get("confirmedHours")).doubleValue();
        f.execute("""
                insert into volunteers.hours_ledger (volunteer_id, minutes, kind, recorded_by, recorded_at, source, external_ref)
                values (?::uuid, 90, 'CONFIRMED', 'test', now(), '测试', ?)""", person.volunteerId(), "rollup-test:" + person.volunteerId());
        run = statistics.refresh();
        assertThat(run.villages()).containsExactly(village);
        Map<?, ?> after = (Map<?, ?>) stats(village, admin).get("total");
        assertThat(((Number) after.get("confirmedHours")).doubleValue()).isEqualTo(hoursBefore + 1.5);
        assertThat(n(after, "active90d")).isGreaterThanOrEqualTo(1);

        // nothing changed: nothing recomputed
        assertThat(statistics.refresh().villages()).doesNotContain(village);
    }

    @Test
    void aVillageIsRecomputedWhenItsLastActiveVolunteerDropsOutOfTheNinetyDaysWithoutAnyChange() throws Exception {
        String village = f.villageIn(f.randomTownship());
        var person = f.volunteer(village, List.of("急救"));
        f.execute("""
                insert into volunteers.hours_ledger (volunteer_id, minutes, kind, recorded_by, recorded_at, source, external_ref)
                values (?::uuid, 60, 'CONFIRMED', 'test', now() - interval '90 days' + interval '2 seconds', '测试', ?)""",
                person.volunteerId(), "rollup-expiry:" + person.volunteerId());
        statistics.refresh();
        String admin = f.tokens.staff("ADMIN", village);
        long active = n((Map<?, ?>) stats(village, admin).get("total"), "active90d");
        Thread.sleep(3000);
        VolunteerStatistics.Refresh run = statistics.refresh();
        assertThat(run.villages()).contains(village);
        assertThat(n((Map<?, ?>) stats(village, admin).get("total"), "active90d")).isEqualTo(active - 1);
    }

    @Test
    void anAdministratorLoadsCensusFiguresAsCsvAndTheTownshipsShareRollsUpFromItsVillages() {
        String township = f.randomTownship();
        String district = parent(township);
        List<String> villages = new ArrayList<>();
        for (String code : f.strings("select code from kernel.region where parent_code = ? order by code", township)) {
            villages.add(code);
        }
        f.volunteer(villages.get(0), List.of("急救"));
        f.execute("delete from volunteers.region_population where code = ?", township);
        String admin = f.tokens.staff("ADMIN", district);
        StringBuilder csv = new StringBuilder("区划代码,常住人口\n");
        for (String v : villages) {
            csv.append(v).append(",1000\n");
        }
        int year = LocalDate.now().getYear() - 1;
        Map<?, ?> loaded = f.client.toBlocking().retrieve(HttpRequest.POST("/api/v1/volunteers/statistics/population/csv?source="
                        + URLEncoder.encode("测试用人口表", StandardCharsets.UTF_8) + "&year=" + year, csv.toString())
                .contentType(MediaType.of("text/csv")).bearerAuth(admin), Map.class);
        assertThat(loaded.get("loaded")).isEqualTo(villages.size());
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.population.load' and outcome = 'SUCCESS' and detail like ?",
                "year=" + year + " rows=" + villages.size() + "%")).isPositive();

        statistics.refresh();
        Map<?, ?> stats = stats(township, admin);
        Map<?, ?> total = (Map<?, ?>) stats.get("total");
        assertThat(n(total, "population")).isEqualTo(1000L * villages.size());
        assertThat(total.get("populationYear")).isEqualTo(year);
        long registered = n(total, "registered");
        assertThat(((Number) total.get("registeredShare")).doubleValue())
                .isCloseTo((double) registered / (1000L * villages.size()), org.assertj.core.data.Offset.offset(0.0001));
        assertThat(n(total, "targetVolunteers")).isEqualTo(200L * villages.size());
        Map<String, Object> first = ((List<Map<String, Object>>) stats.get("children")).stream()
                .filter(c -> villages.get(0).equals(c.get("code"))).findFirst().orElseThrow();
        assertThat(n(first, "population")).isEqualTo(1000);
        assertThat(first.get("targetVolunteers")).isEqualTo(200);
        assertThat(((Number) first.get("targetProgress")).doubleValue()).isEqualTo(n(first, "registered") / 200.0);
    }

    @Test
    void anUploadWithAnUnknownCodeOrOneOutsideTheAreaIsRefusedWholeAndExplainedInChinese() {
        String township = f.randomTownship();
        String district = parent(township);
        String admin = f.tokens.staff("ADMIN", district);
        String otherDistrict = f.string("select code from kernel.region where level = 'district' and code <> ? order by code limit 1", district);
        var e = refused(() -> f.post("/api/v1/volunteers/statistics/population", Map.of("source", "测试", "year", 2020, "figures", List.of(
                Map.of("code", township, "population", 777),
                Map.of("code", "450199999", "population", 10),
                Map.of("code", otherDistrict, "population", 10),
                Map.of("code", township, "population", -1))), admin));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("未导入任何数据").contains("450199999").contains("不是南宁市的行政区划代码")
                .contains("不在您的辖区内").contains("重复").contains("正整数");
        assertThat(f.count("select count(*) from volunteers.region_population where code = ? and population = 777", township)).isZero();

        var noSource = refused(() -> f.post("/api/v1/volunteers/statistics/population", Map.of("year", 2020, "figures",
                List.of(Map.of("code", township, "population", 5))), admin));
        assertThat(detail(noSource)).contains("数据来源");
        var organiser = refused(() -> f.post("/api/v1/volunteers/statistics/population", Map.of("source", "x", "year", 2020, "figures",
                List.of(Map.of("code", township, "population", 5))), f.tokens.staff("ORGANIZER", district)));
        assertThat(organiser.getStatus().getCode()).isEqualTo(403);
    }
}
