package cn.nanning.civic.indicators;

import cn.nanning.civic.indicators.refresh.Refresher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The dashboard API on a small known data set written into the modules' own tables: a township (n villages, n ≥ 3) with
 * councils, volunteers, a station and teams, service points and requests, legal and counselling places, bookings and
 * legal-aid applications; its last village has no data at all, and a village's volunteer share (20%) and the township's
 * patrol members (1‰) sit exactly on their targets. (Exactly 9 of 10 villages at the 90% target: EvaluationTest.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    IndicatorFixture f;

    @Inject
    Refresher refresher;

    @Inject
    MovableClock clock;

    String township;
    List<String> villages;
    int n;
    String admin;

    @BeforeAll
    void knownDataSet() {
        township = f.emptyTownship(3);
        villages = f.villagesOf(township);
        n = villages.size();
        admin = tokens.staff("ADMIN", township.substring(0, 6));
        String v1 = villages.get(0);
        String v2 = villages.get(1);
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, IndicatorsClock.NANNING);

        // 6: v1 has a staffed council with a decision whose result was published 10 days ago; v2's representatives'
        // term ended and its only completed decision is older than twelve months.
        UUID c1 = f.council(v1, today.minusYears(1), today.plusYears(2));
        f.completedDecision(c1, now.minus(Duration.ofDays(10)));
        UUID c2 = f.council(v2, today.minusYears(4), today.minusDays(1));
        f.completedDecision(c2, now.minus(Duration.ofDays(400)));

        // 7, 8, 9: two active volunteers and a withdrawn one in v1; v1 has 10 residents (20%, exactly the target), the
        // township 1,000; a station with a 平安建设 team and a patrol team of one (1‰, exactly the target).
        UUID leader = f.volunteer(v1, true);
        UUID member = f.volunteer(v1, true);
        f.volunteer(v1, false);
        f.population(v1, 10);
        f.population(township, 1000);
        UUID station = f.station(township);
        f.team(station, township, "PING_AN", leader, List.of(member), List.of());
        f.team(station, township, "PATROL", leader, List.of(), List.of(member));

        // 10: every village but the last can proxy; the last has nothing at all.
        UUID point = null;
        for (int i = 0; i < n - 1; i++) {
            UUID p = f.servicePoint(villages.get(i), true);
            point = i == 0 ? p : point;
        }
        // 代办 quality in v1: one forwarded on its day, one late, one not yet due; deliveries after 2, 4 and 5 days.
        Instant forwarded = now.minus(Duration.ofDays(10)).minus(Duration.ofHours(1));
        f.proxyRequest(point, v1, now.minus(Duration.ofDays(12)), LocalDate.ofInstant(forwarded, IndicatorsClock.NANNING), forwarded,
                now.minus(Duration.ofDays(10)), 5);
        f.proxyRequest(point, v1, now.minus(Duration.ofDays(8)), today.minusDays(3), null, null, null);
        f.proxyRequest(point, v1, now.minus(Duration.ofDays(1)), today.plusDays(2), null, null, null);
        f.proxyRequest(point, v1, now.minus(Duration.ofDays(20)), null, null, now.minus(Duration.ofHours(20 * 24 - 84)), 3);
        f.proxyRequest(point, v1, now.minus(Duration.ofDays(30)), null, null, now.minus(Duration.ofDays(25)), 4);

        // 公共法律服务: a station at the township and a point in v1; one consultation held, one to come, one cancelled.
        UUID legalStation = f.place(township, "LEGAL_SERVICE_STATION");
        f.place(v1, "LEGAL_SERVICE_POINT");
        UUID lawyer = f.provider(legalStation, "LAWYER");
        f.booking(lawyer, "LEGAL_CONSULTATION", now.minus(Duration.ofDays(5)), "ATTENDED", false);
        f.booking(lawyer, "LEGAL_CONSULTATION", now.plus(Duration.ofDays(2)), "CONFIRMED", false);
        f.booking(lawyer, "LEGAL_CONSULTATION", now.minus(Duration.ofDays(4)), "CANCELLED", false);
        // Legal aid: one decided on its day, one late, one still under review past its day.
        f.legalAid(v1, today.minusDays(30), today.minusDays(20), today.minusDays(20));
        f.legalAid(v1, today.minusDays(30), today.minusDays(20), today.minusDays(18));
        f.legalAid(v1, today.minusDays(12), today.minusDays(1), null);

        // 心理服务: a counselling room at the township; urgent: one held, one no-show, one the client cancelled; one ordinary held.
        UUID room = f.place(township, "COUNSELLING_ROOM");
        UUID counsellor = f.provider(room, "COUNSELLOR");
        f.booking(counsellor, "PSYCHOLOGY", now.minus(Duration.ofDays(3)), "ATTENDED", true);
        f.booking(counsellor, "PSYCHOLOGY", now.minus(Duration.ofDays(2)), "NO_SHOW", true);
        f.booking(counsellor, "PSYCHOLOGY", now.minus(Duration.ofDays(1)), "CANCELLED_BY_CLIENT", true);
        f.booking(counsellor, "PSYCHOLOGY", now.minus(Duration.ofDays(6)), "ATTENDED", false);

        refresher.refresh();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> board(String region, String token) {
        return client.toBlocking().retrieve(get("/api/v1/indicators?region=" + region, token), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> indicator(Map<String, Object> board, String id) {
        return ((List<Map<String, Object>>) board.get("indicators")).stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
    }

    static MutableHttpRequest<?> get(String path, String token) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        return token == null ? request : request.bearerAuth(token);
    }

    static void expect(Map<String, Object> indicator, Integer numerator, Integer denominator, String valueText, String status) {
        // numerator/denominator: whole numbers, or null where the indicator has none
        assertThat(number(indicator.get("numerator"))).as(indicator.get("id") + " numerator").isEqualTo(numerator == null ? null : numerator.longValue());
        assertThat(number(indicator.get("denominator"))).as(indicator.get("id") + " denominator").isEqualTo(denominator == null ? null : denominator.longValue());
        assertThat(indicator.get("valueText")).as(indicator.get("id") + " value").isEqualTo(valueText);
        assertThat(indicator.get("status")).as(indicator.get("id") + " status").isEqualTo(status);
    }

    @Test
    void theTownshipShowsEveryIndicatorComputedFromTheKnownData() {
        Map<String, Object> b = board(township, admin);
        assertThat(((Map<?, ?>) b.get("region")).get("code")).isEqualTo(township);
        assertThat((List<?>) b.get("children")).hasSize(n);
        assertThat((List<?>) b.get("path")).hasSize(3);
        assertThat(b.get("asOf")).isNotNull();
        assertThat((String) b.get("periodLabel")).startsWith("近12个月");

        expect(indicator(b, "council-coverage"), 1, n, percent(1, n), "BEHIND");
        expect(indicator(b, "four-two-open"), 1, n, percent(1, n), "BEHIND");
        expect(indicator(b, "volunteer-share"), 2, 1000, "0.2%", "BEHIND");
        expect(indicator(b, "township-stations"), 1, 1, "100.0%", "MET");
        expect(indicator(b, "patrol-members"), 1, 1000, "1.00‰", "MET");
        expect(indicator(b, "proxy-coverage"), n - 1, n, percent(n - 1, n), n - 1 >= 0.9 * n ? "MET" : n - 1 >= 0.81 * n ? "NEAR" : "BEHIND");
        expect(indicator(b, "legal-service-coverage"), 2, n + 1, percent(2, n + 1), "BEHIND");
        expect(indicator(b, "legal-consultations"), 1, null, "1", "MONITORED");
        expect(indicator(b, "legal-aid-on-time"), 1, 3, "33.3%", "BEHIND");
        expect(indicator(b, "counselling-rooms"), null, null, "不适用", "NOT_APPLICABLE");
        expect(indicator(b, "psychology-sessions"), 2, null, "2", "MONITORED");
        expect(indicator(b, "urgent-screenings"), 1, 2, "50.0%", "MONITORED");
        expect(indicator(b, "proxy-on-time"), 1, 2, "50.0%", "MONITORED");
        expect(indicator(b, "proxy-delivery-days"), null, 3, "4 天", "MONITORED");
        expect(indicator(b, "proxy-satisfaction"), 2, 3, "66.7%", "MONITORED");

        Map<String, Object> patrol = indicator(b, "patrol-members");
        assertThat(patrol.get("statusLabel")).as("exactly at the target").isEqualTo("达标");
        assertThat(patrol.get("targetText")).isEqualTo("≥ 1‰");
        assertThat(decimal(patrol.get("value"))).isEqualTo(0.001);
        assertThat(decimal(patrol.get("target"))).isEqualTo(0.001);
        assertThat(decimal(indicator(b, "proxy-coverage").get("target"))).isEqualTo(0.9);
        assertThat(indicator(b, "legal-service-coverage").get("details").toString()).contains("乡镇级", "1 / 1", "村级", "1 / " + n);
        assertThat(indicator(b, "proxy-satisfaction").get("details").toString()).contains("4.00 / 5");
    }

    @Test
    void aVillageExactlyAtTheVolunteerTargetIsMetAndAVillageWithoutDataSaysSo() {
        Map<String, Object> v1 = board(villages.get(0), admin);
        expect(indicator(v1, "volunteer-share"), 2, 10, "20.0%", "MET");
        expect(indicator(v1, "council-coverage"), 1, 1, "100.0%", "MET");
        expect(indicator(v1, "township-stations"), null, null, "不适用", "NOT_APPLICABLE");
        assertThat((List<?>) v1.getOrDefault("children", List.of())).as("empty lists are left out of answers").isEmpty();

        Map<String, Object> empty = board(villages.get(n - 1), admin);
        expect(indicator(empty, "council-coverage"), 0, 1, "0.0%", "BEHIND");
        expect(indicator(empty, "proxy-coverage"), 0, 1, "0.0%", "BEHIND");
        expect(indicator(empty, "volunteer-share"), 0, null, "人口数据未接入", "NO_DATA");
        assertThat(indicator(empty, "volunteer-share").get("statusLabel")).isEqualTo("人口数据未接入");
        expect(indicator(empty, "legal-consultations"), 0, null, "0", "MONITORED");
        expect(indicator(empty, "legal-aid-on-time"), 0, 0, "暂无数据", "NO_DATA");
        expect(indicator(empty, "proxy-delivery-days"), null, 0, "暂无数据", "NO_DATA");
        expect(indicator(empty, "patrol-members"), null, null, "不适用", "NOT_APPLICABLE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRankingListsTheChildRegionsLowestFirst() {
        Map<String, Object> ranking = client.toBlocking().retrieve(
                get("/api/v1/indicators/proxy-coverage/ranking?region=" + township, admin), Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) ranking.get("items");
        assertThat(items).hasSize(n);
        assertThat(((Map<?, ?>) items.get(0).get("region")).get("code")).isEqualTo(villages.get(n - 1));
        assertThat(items.get(0).get("valueText")).isEqualTo("0.0%");
        assertThat(number(items.get(0).get("rank"))).isEqualTo(1L);
        assertThat(items.subList(1, n)).allSatisfy(i -> assertThat(i.get("status")).isEqualTo("MET"));
        assertThat(decimal(((Map<?, ?>) ranking.get("indicator")).get("target"))).isEqualTo(0.9);

        Map<String, Object> notApplicable = client.toBlocking().retrieve(
                get("/api/v1/indicators/township-stations/ranking?region=" + township, admin), Map.class);
        assertThat(notApplicable.get("note")).isEqualTo("该指标不在下级区划单独计算。");
        List<Map<String, Object>> unranked = (List<Map<String, Object>>) notApplicable.get("items");
        assertThat(unranked).hasSize(n).allSatisfy(i -> assertThat(i.get("rank")).isNull());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrendKeepsEachMonthsSnapshotAndShowsTheCurrentMonthLive() {
        Instant lastMonth = Instant.now().minus(Duration.ofDays(31));
        try {
            clock.standAt(lastMonth);
            refresher.refresh();
        } finally {
            clock.release();
        }
        refresher.refresh();
        Map<String, Object> trend = client.toBlocking().retrieve(get("/api/v1/indicators/proxy-coverage/trend?region=" + township, admin), Map.class);
        List<Map<String, Object>> points = (List<Map<String, Object>>) trend.get("points");
        YearMonth now = YearMonth.now(IndicatorsClock.NANNING);
        assertThat(points).extracting(p -> p.get("month")).containsSubsequence(YearMonth.from(lastMonth.atZone(IndicatorsClock.NANNING)).toString(), now.toString());
        assertThat(points.get(points.size() - 1).get("current")).isEqualTo(true);
        assertThat(points.get(points.size() - 1).get("valueText")).isEqualTo(percent(n - 1, n));
        assertThat((String) trend.get("note")).contains("不补录");
    }

    @Test
    void officersSeeOnlyTheirAreaAuditorsReadAndOthersAreRefused() {
        String district = township.substring(0, 6);
        assertThat(board(township, tokens.staff("AUDITOR", district)).get("indicators")).isNotNull();
        assertThat(board(district, tokens.staff("ADMIN", "450100")).get("indicators")).isNotNull();
        String other = district.equals("450102") ? "450103" : "450102";
        assertThat(status(() -> board(township, tokens.staff("ADMIN", other)))).isEqualTo(403);
        assertThat(status(() -> board("450100", tokens.staff("ADMIN", district)))).isEqualTo(403);
        assertThat(status(() -> board(township, tokens.staff("CLERK", district)))).isEqualTo(403);
        assertThat(status(() -> board(township, tokens.citizen()))).isEqualTo(403);
        assertThat(status(() -> board(township, null))).isEqualTo(401);
        assertThat(status(() -> board("4501", admin))).isEqualTo(400);
        assertThat(status(() -> board("450102999", tokens.staff("ADMIN", "450100")))).isEqualTo(400);
        assertThat(status(() -> client.toBlocking().retrieve(get("/api/v1/indicators/no-such/ranking?region=" + township, admin), Map.class)))
                .isEqualTo(404);
        assertThat(status(() -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/indicators/refresh", Map.of())
                .bearerAuth(tokens.staff("ADMIN", district))))).isEqualTo(403);
        assertThat(status(() -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/indicators/refresh", Map.of())
                .bearerAuth(tokens.staff("AUDITOR", "450100"))))).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePublicSummaryNeedsNoSignInAndStopsAtDistricts() {
        Map<String, Object> city = client.toBlocking().retrieve(get("/api/v1/indicators/public", null), Map.class);
        assertThat(((Map<?, ?>) city.get("region")).get("level")).isEqualTo("city");
        assertThat((List<?>) city.get("children")).hasSize(12);
        assertThat((List<?>) city.get("indicators")).hasSize(15);
        String district = township.substring(0, 6);
        Map<String, Object> mine = client.toBlocking().retrieve(get("/api/v1/indicators/public?region=" + district, null), Map.class);
        assertThat((List<?>) mine.getOrDefault("children", List.of())).isEmpty();
        Map<String, Object> ranking = client.toBlocking().retrieve(get("/api/v1/indicators/public/proxy-coverage/ranking", null), Map.class);
        assertThat((List<Map<String, Object>>) ranking.get("items")).hasSize(12)
                .allSatisfy(i -> assertThat(((Map<?, ?>) i.get("region")).get("level")).isEqualTo("district"));
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(get("/api/v1/indicators/public?region=" + township, null), Map.class));
        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        assertThat(refused.getResponse().getContentType().map(Object::toString).orElse("")).startsWith("application/problem+json");
        assertThat(refused.getResponse().getBody(Map.class).map(m -> m.get("detail").toString()).orElse(""))
                .contains("全市和各县（市、区）");
    }

    /** A share as the API writes it: to six places, shown with one decimal. */
    static String percent(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_UP).movePointRight(2)
                .setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    static double decimal(Object value) {
        return ((Number) value).doubleValue();
    }

    private static int status(Runnable call) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call::run);
        assertThat(e).as("the call should have been refused").isNotNull();
        return e.getStatus().getCode();
    }
}
