package cn.nanning.civic.volunteers.activities;

import cn.nanning.civic.volunteers.TestIdNumbers;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
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
import java.util.stream.IntStream;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ActivitiesApiTest {

    @Inject
    VolunteerFixture f;

    String township;
    String organiser;

    @BeforeEach
    void anOrganiserOfATownship() {
        township = f.randomTownship();
        organiser = f.tokens.staff("ORGANIZER", township);
    }

    Map<String, Object> activity(int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "社区垃圾分类宣传");
        body.put("regionCode", f.villageIn(township));
        body.put("place", "社区广场");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("plannedMinutes", 150);
        body.put("capacity", capacity);
        return body;
    }

    String publish(Map<String, Object> body) {
        return f.post("/api/v1/volunteers/activities", body, organiser).get("id").toString();
    }

    Map<?, ?> signUp(String activityId, String token) {
        return f.post("/api/v1/volunteers/activities/" + activityId + "/signups", Map.of(), token);
    }

    List<Map<String, Object>> roster(String activityId, String token) {
        return f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/signups").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void twoHundredConcurrentSignUpsFillExactlyTheCapacityAndWaitlistTheRestInOrder() throws Exception {
        int capacity = 37;
        int people = 200;
        String id = publish(activity(capacity));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<VolunteerFixture.Person>> registering = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                registering.add(pool.submit(() -> f.volunteer()));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<VolunteerFixture.Person> p : registering) {
                tokens.add(p.get().token());
            }
            List<Future<Map<?, ?>>> signing = new ArrayList<>();
            for (String token : tokens) {
                signing.add(pool.submit(() -> signUp(id, token)));
            }
            List<Map<?, ?>> results = new ArrayList<>();
            for (Future<Map<?, ?>> s : signing) {
                results.add(s.get());
            }
            assertThat(results).filteredOn(r -> "CONFIRMED".equals(r.get("status"))).hasSize(capacity);
            List<Integer> waitlist = results.stream().filter(r -> "WAITLISTED".equals(r.get("status")))
                    .map(r -> ((Number) r.get("waitlistNo")).intValue()).sorted().toList();
            assertThat(waitlist).containsExactlyElementsOf(IntStream.rangeClosed(1, people - capacity).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.count("select count(*) from volunteers.signup where activity_id = ?::uuid and status = 'CONFIRMED'", id)).isEqualTo(capacity);
        assertThat(f.count("select confirmed_count from volunteers.activity where id = ?::uuid", id)).isEqualTo(capacity);
        Map<?, ?> view = f.get("/api/v1/volunteers/activities/" + id, organiser, Map.class);
        assertThat(view.get("remaining")).isEqualTo(0);
        assertThat(f.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'VolunteerSignedUp'", id)).isEqualTo(people);
    }

    @Test
    void aCancellationPromotesTheFirstOnTheWaitlist() {
        String id = publish(activity(2));
        var first = f.volunteer();
        var second = f.volunteer();
        var third = f.volunteer();
        var fourth = f.volunteer();
        assertThat(signUp(id, first.token()).get("status")).isEqualTo("CONFIRMED");
        assertThat(signUp(id, second.token()).get("status")).isEqualTo("CONFIRMED");
        Map<?, ?> waiting = signUp(id, third.token());
        assertThat(waiting.get("status")).isEqualTo("WAITLISTED");
        assertThat(waiting.get("statusLabel")).isEqualTo("候补第 1 位");
        assertThat(signUp(id, fourth.token()).get("waitlistNo")).isEqualTo(2);

        Map<?, ?> cancelled = f.post("/api/v1/volunteers/activities/" + id + "/signups/cancellation", Map.of(), second.token());
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");

        List<Map<String, Object>> roster = roster(id, organiser);
        assertThat(roster).filteredOn(r -> "CONFIRMED".equals(r.get("status"))).extracting(r -> r.get("volunteerId"))
                .containsExactlyInAnyOrder(first.volunteerId(), third.volunteerId());
        assertThat(roster).filteredOn(r -> "WAITLISTED".equals(r.get("status"))).extracting(r -> r.get("volunteerId"))
                .containsExactly(fourth.volunteerId());
        assertThat(f.count("select confirmed_count from volunteers.activity where id = ?::uuid", id)).isEqualTo(2);
        assertThat(f.string("select payload from kernel.outbox where event_key = ? and event_type = 'WaitlistPromoted'", id))
                .contains(third.volunteerId());
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ? and payload like '%候补转正%'",
                third.accountId())).isEqualTo(1);
    }

    @Test
    void aWaitlistedCancellationPromotesNobody() {
        String id = publish(activity(1));
        var first = f.volunteer();
        var second = f.volunteer();
        signUp(id, first.token());
        signUp(id, second.token());
        f.post("/api/v1/volunteers/activities/" + id + "/signups/cancellation", Map.of(), second.token());
        assertThat(roster(id, organiser)).extracting(r -> r.get("volunteerId")).containsExactly(first.volunteerId());
        assertThat(f.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'WaitlistPromoted'", id)).isZero();
    }

    @Test
    void aVolunteerCannotSignUpTwice() {
        String id = publish(activity(5));
        var person = f.volunteer();
        signUp(id, person.token());
        var e = refused(() -> signUp(id, person.token()));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("无需重复报名");
    }

    @Test
    void minorsMaySignUpOnlyForActivitiesMarkedSuitable() {
        var teen = registerTeen();
        String unsuitable = publish(activity(5));
        var e = refused(() -> signUp(unsuitable, teen));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("不适合未成年人");
        Map<String, Object> body = activity(5);
        body.put("suitableForMinors", true);
        assertThat(signUp(publish(body), teen).get("status")).isEqualTo("CONFIRMED");
    }

    private String registerTeen() {
        String token = f.tokens.citizen();
        Map<String, Object> body = f.registration(TestIdNumbers.bornOn(LocalDate.now().minusYears(16)), f.randomVillage());
        f.post("/api/v1/volunteers", body, token);
        return token;
    }

    @Test
    void ageLimitsAndRequiredSkillsAreChecked() {
        Map<String, Object> seniors = activity(5);
        seniors.put("minAge", 60);
        var adult = f.volunteer(f.randomVillage(), List.of("普通话"));
        assertThat(detail(refused(() -> signUp(publish(seniors), adult.token())))).contains("年满 60 周岁");
        Map<String, Object> medics = activity(5);
        medics.put("requiredSkills", List.of("急救"));
        assertThat(detail(refused(() -> signUp(publish(medics), adult.token())))).contains("急救");
        var medic = f.volunteer(f.randomVillage(), List.of("急救"));
        assertThat(signUp(publish(medics), medic.token()).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void onlyAnOrganiserOfTheAreaPublishes() {
        String otherTownship = f.string("select code from kernel.region where level = 'township' and code not like ? order by random() limit 1",
                township.substring(0, 6) + "%");
        Map<String, Object> body = activity(5);
        body.put("regionCode", otherTownship);
        assertThat(refused(() -> publish(body)).getStatus().getCode()).isEqualTo(403);
        Map<String, Object> mine = activity(5);
        assertThat(refused(() -> f.post("/api/v1/volunteers/activities", mine, f.volunteer().token())).getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> f.post("/api/v1/volunteers/activities", mine, f.tokens.staff("CLERK", township))).getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void anActivityMustBeCoherent() {
        Map<String, Object> backwards = activity(5);
        backwards.put("endsAt", Instant.parse(backwards.get("startsAt").toString()).minusSeconds(60).toString());
        assertThat(detail(refused(() -> publish(backwards)))).contains("结束时间须晚于开始时间");
        Map<String, Object> tooLong = activity(5);
        tooLong.put("plannedMinutes", 500);
        assertThat(detail(refused(() -> publish(tooLong)))).contains("计划服务时长");
        Map<String, Object> noPlaces = activity(0);
        assertThat(refused(() -> publish(noPlaces)).getStatus().getCode()).isEqualTo(400);
    }

    List<Map<String, Object>> organised(String token) {
        return f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/activities/organised").bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void anOrganiserListsTheirOwnActivitiesAndAnAdminTheArea() {
        String id = publish(activity(5));
        assertThat(organised(organiser)).extracting(a -> a.get("id")).containsExactly(id);
        assertThat(organised(f.tokens.staff("ORGANIZER", township))).isEmpty();
        assertThat(organised(f.tokens.staff("ADMIN", township))).extracting(a -> a.get("id")).contains(id);
        assertThat(refused(() -> organised(f.tokens.citizen())).getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void theRosterAndCheckCodeAreForTheOrganiserOrAnAdminOfTheAreaOnly() {
        String id = publish(activity(5));
        signUp(id, f.volunteer().token());
        String otherOrganiser = f.tokens.staff("ORGANIZER", township);
        String otherDistrict = f.string("select code from kernel.region where level = 'district' and code <> ? order by random() limit 1",
                township.substring(0, 6));
        for (String stranger : List.of(otherOrganiser, f.volunteer().token(), f.tokens.staff("ADMIN", otherDistrict))) {
            assertThat(refused(() -> roster(id, stranger)).getStatus().getCode()).isEqualTo(403);
            assertThat(refused(() -> f.get("/api/v1/volunteers/activities/" + id + "/check-code", stranger, Map.class)).getStatus().getCode())
                    .isEqualTo(403);
        }
        assertThat(roster(id, f.tokens.staff("ADMIN", township))).hasSize(1);
        assertThat(f.get("/api/v1/volunteers/activities/" + id + "/check-code", organiser, Map.class).get("code").toString()).matches("\\d{6}");
        Map<?, ?> publicView = f.get("/api/v1/volunteers/activities/" + id, f.tokens.citizen(), Map.class);
        assertThat(publicView.containsKey("checkCode")).isFalse();
    }

    @Test
    void theOrganiserReadsTheRosterWithFullNamesAndPhonesAndTheReadIsAudited() {
        String id = publish(activity(5));
        var person = f.volunteer();
        signUp(id, person.token());
        List<Map<String, Object>> contacts = f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/activities/" + id + "/roster")
                .bearerAuth(organiser), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(contacts).singleElement().satisfies(entry -> {
            assertThat(entry.get("name").toString()).doesNotContain("*").isNotBlank();
            assertThat(entry.get("phone").toString()).matches("1[3-9]\\d{9}");
            assertThat(entry.get("statusLabel")).isEqualTo("已报名");
        });
        assertThat(roster(id, organiser)).singleElement().satisfies(row -> assertThat(row.get("volunteerName").toString()).contains("*"));
        assertThat(f.string("select count(*)::text from kernel.audit_log where target_id = ? and action = 'volunteers.roster.read'", id))
                .isEqualTo("1");
        String otherOrganiser = f.tokens.staff("ORGANIZER", township);
        assertThat(refused(() -> f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/activities/" + id + "/roster")
                .bearerAuth(otherOrganiser), String.class)).getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void theOrganiserChangesAnActivityBeforeItStartsButNeverBelowTheConfirmedPlaces() {
        String id = publish(activity(5));
        signUp(id, f.volunteer().token());
        signUp(id, f.volunteer().token());
        Map<String, Object> changed = activity(1);
        changed.put("title", "社区垃圾分类宣传（改期）");
        HttpClientResponseException tooFew = refused(() -> f.client.toBlocking().retrieve(
                HttpRequest.PUT("/api/v1/volunteers/activities/" + id, changed).bearerAuth(organiser), Map.class));
        assertThat(tooFew.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(tooFew)).contains("不能少于已报名的 2 人");
        changed.put("capacity", 3);
        changed.put("place", "社区文化广场");
        Map<?, ?> saved = f.client.toBlocking().retrieve(HttpRequest.PUT("/api/v1/volunteers/activities/" + id, changed).bearerAuth(organiser), Map.class);
        assertThat(saved.get("title")).isEqualTo("社区垃圾分类宣传（改期）");
        assertThat(saved.get("capacity")).isEqualTo(3);
        assertThat(f.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and payload like '%时间地点有变%'"
                + " and payload like '%' || ? || '%'", id)).as("both volunteers told of the new place").isEqualTo(2);
        String otherOrganiser = f.tokens.staff("ORGANIZER", township);
        assertThat(refused(() -> f.client.toBlocking().retrieve(HttpRequest.PUT("/api/v1/volunteers/activities/" + id, changed)
                .bearerAuth(otherOrganiser), Map.class)).getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void cancellingNeedsAReasonAndTellsEveryoneSignedUp() {
        String id = publish(activity(5));
        signUp(id, f.volunteer().token());
        HttpClientResponseException noReason = refused(() -> f.post("/api/v1/volunteers/activities/" + id + "/cancellation", Map.of(), organiser));
        assertThat(detail(noReason)).contains("原因");
        Map<?, ?> cancelled = f.post("/api/v1/volunteers/activities/" + id + "/cancellation", Map.of("reason", "台风预警，活动取消"), organiser);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(f.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and payload like '%活动已取消%'"
                + " and payload like '%' || ? || '%'", id)).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.audit_log where target_id = ? and action = 'volunteers.activity.cancel'", id)).isEqualTo(1);
        HttpClientResponseException again = refused(() -> signUp(id, f.volunteer().token()));
        assertThat(again.getStatus().getCode()).isEqualTo(409);
    }

    @Test
    void aVolunteerWhoWithdrewConsentCannotSignUp() {
        String id = publish(activity(5));
        var person = f.volunteer();
        f.post("/api/v1/volunteers/me/consent/withdrawal", Map.of(), person.token());
        HttpClientResponseException e = refused(() -> signUp(id, person.token()));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("撤回");
    }

    @Test
    void myActivitiesListMySignUps() {
        String id = publish(activity(5));
        var person = f.volunteer();
        signUp(id, person.token());
        List<Map<String, Object>> mine = items(f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/me/signups")
                .bearerAuth(person.token()), Map.class));
        assertThat(mine).extracting(s -> s.get("activityId")).containsExactly(id);
        // The activity comes embedded, so the volunteer page needs no call per sign-up.
        @SuppressWarnings("unchecked")
        Map<String, Object> activity = (Map<String, Object>) mine.get(0).get("activity");
        assertThat(activity).containsEntry("title", "社区垃圾分类宣传").containsEntry("place", "社区广场").containsKey("startsAt")
                .containsEntry("status", f.get("/api/v1/volunteers/activities/" + id, organiser, Map.class).get("status"));
        List<Map<String, Object>> upcoming = items(f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/activities?region=" + township
                + "&size=50").bearerAuth(person.token()), Map.class));
        assertThat(upcoming).extracting(a -> a.get("id")).contains(id);
    }

    @Test
    void activitiesArePagedWithTheirTotalAndOversizedPagesAreRefused() {
        for (int i = 0; i < 3; i++) {
            publish(activity(5));
        }
        String token = f.volunteer().token();
        Map<?, ?> first = f.get("/api/v1/volunteers/activities?region=" + township + "&size=2", token, Map.class);
        assertThat(((Number) first.get("total")).longValue()).isGreaterThanOrEqualTo(3);
        assertThat(items(first)).hasSize(2);
        Map<?, ?> second = f.get("/api/v1/volunteers/activities?region=" + township + "&page=1&size=2", token, Map.class);
        assertThat(items(second)).isNotEmpty().extracting(a -> a.get("id"))
                .doesNotContainAnyElementsOf(items(first).stream().map(a -> a.get("id")).toList());
        for (String bad : List.of("&size=0", "&size=51", "&page=2147483647&size=50")) {
            HttpClientResponseException e = refused(() -> f.get("/api/v1/volunteers/activities?region=" + township + bad, token, Map.class));
            assertThat(e.getStatus().getCode()).as(bad).isEqualTo(400);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<?, ?> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
