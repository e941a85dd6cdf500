package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.volunteers.MovableClock;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class HoursApiTest {

    @Inject
    VolunteerFixture f;

    @Inject
    MovableClock clock;

    @Inject
    StarNotices starNotices;

    String township;
    String organiser;
    Instant start;

    @BeforeEach
    void anOrganiser() {
        township = f.randomTownship();
        organiser = f.tokens.staff("ORGANIZER", township);
        start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    /** An activity from {@code start} lasting {@code spanMinutes}, planned for {@code plannedMinutes}. */
    String activity(int capacity, int spanMinutes, int plannedMinutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "河道巡查");
        body.put("regionCode", township);
        body.put("place", "邕江沿岸");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(spanMinutes, ChronoUnit.MINUTES).toString());
        body.put("plannedMinutes", plannedMinutes);
        body.put("capacity", capacity);
        return f.post("/api/v1/volunteers/activities", body, organiser).get("id").toString();
    }

    VolunteerFixture.Person signedUp(String activityId) {
        var person = f.volunteer();
        f.post("/api/v1/volunteers/activities/" + activityId + "/signups", Map.of(), person.token());
        return person;
    }

    /** A volunteer living in the organiser's township, signed up. */
    VolunteerFixture.Person residentSignedUp(String activityId) {
        var person = f.volunteer(f.villageIn(township), List.of("急救"));
        f.post("/api/v1/volunteers/activities/" + activityId + "/signups", Map.of(), person.token());
        return person;
    }

    /** Stands for "the code the organiser shows on site at that moment" (it changes every two minutes). */
    static final String SHOWN_ON_SITE = "shown-on-site";

    String code(String activityId) {
        return f.get("/api/v1/volunteers/activities/" + activityId + "/check-code", organiser, Map.class).get("code").toString();
    }

    Map<?, ?> check(String verb, String activityId, String code, VolunteerFixture.Person person, int minutesAfterStart) {
        clock.standAt(start.plus(minutesAfterStart, ChronoUnit.MINUTES));
        String typed = SHOWN_ON_SITE.equals(code) ? code(activityId) : code;
        return f.post("/api/v1/volunteers/activities/" + activityId + "/" + verb, Map.of("code", typed), person.token());
    }

    Map<?, ?> myHours(VolunteerFixture.Person person) {
        return f.get("/api/v1/volunteers/me/hours", person.token(), Map.class);
    }

    List<Map<String, Object>> confirm(String activityId, String token) {
        return f.client.toBlocking().retrieve(HttpRequest.POST("/api/v1/volunteers/activities/" + activityId + "/hours/confirmation", Map.of())
                .bearerAuth(token), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @Test
    void hoursCountOnlyWhenAttendanceReachesSixtyPercentOfThePlannedDuration() {
        String id = activity(5, 180, 150); // 60 % of 150 minutes = 90 minutes
        String code = SHOWN_ON_SITE;
        var stayed = signedUp(id);
        var leftEarly = signedUp(id);
        check("check-in", id, code, stayed, 10);
        check("check-in", id, code, leftEarly, 10);
        Map<?, ?> early = check("check-out", id, code, leftEarly, 99); // 89 minutes
        assertThat(early.get("attendedMinutes")).isEqualTo(89);
        assertThat(early.get("qualifies")).isEqualTo(false);
        assertThat(early.get("requiredMinutes")).isEqualTo(90);
        Map<?, ?> enough = check("check-out", id, code, stayed, 100); // 90 minutes
        assertThat(enough.get("qualifies")).isEqualTo(true);
        clock.release();

        assertThat(myHours(stayed).get("confirmedMinutes")).as("nothing counts before the organiser confirms").isEqualTo(0);
        List<Map<String, Object>> confirmed = confirm(id, organiser);
        assertThat(confirmed).singleElement().satisfies(e -> assertThat(e.get("minutes")).isEqualTo(90));
        assertThat(myHours(stayed).get("confirmedMinutes")).isEqualTo(90);
        assertThat(myHours(leftEarly).get("confirmedMinutes")).isEqualTo(0);
        assertThat(confirm(id, organiser)).as("confirming again adds nothing").isEmpty();
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.hours.v1' and event_key = ? and event_type = 'HoursConfirmed'",
                stayed.volunteerId())).isEqualTo(1);
    }

    @Test
    void creditedHoursAreCappedAtThePlannedDuration() {
        String id = activity(5, 240, 120);
        String code = SHOWN_ON_SITE;
        var person = signedUp(id);
        check("check-in", id, code, person, 0);
        check("check-out", id, code, person, 230);
        clock.release();
        confirm(id, organiser);
        assertThat(myHours(person).get("confirmedMinutes")).isEqualTo(120);
    }

    @Test
    void theCodeIsValidOnlyDuringTheActivityWindowAndMustMatch() {
        String id = activity(5, 120, 60);
        String code = SHOWN_ON_SITE;
        var person = signedUp(id);
        var before = refused(() -> check("check-in", id, code, person, -5));
        assertThat(before.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(before)).contains("活动进行期间");
        var after = refused(() -> check("check-in", id, code, person, 121));
        assertThat(after.getStatus().getCode()).isEqualTo(409);
        clock.standAt(start.plus(5, ChronoUnit.MINUTES));
        String current = code(id);
        String wrong = current.equals("000000") ? "000001" : "000000";
        var mistyped = refused(() -> check("check-in", id, wrong, person, 5));
        assertThat(mistyped.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(mistyped)).contains("签到码不正确");
        check("check-in", id, code, person, 5);
        assertThat(refused(() -> check("check-out", id, code, person, 125)).getStatus().getCode()).isEqualTo(409);
    }

    @Test
    void theCodeChangesEveryTwoMinutesSoAnEarlierPhotoOfItNoLongerWorks() {
        String id = activity(5, 120, 60);
        var person = signedUp(id);
        clock.standAt(start.plus(10, ChronoUnit.MINUTES));
        Map<?, ?> shown = f.get("/api/v1/volunteers/activities/" + id + "/check-code", organiser, Map.class);
        String photographed = shown.get("code").toString();
        assertThat(Instant.parse(shown.get("changesAt").toString())).isAfter(start.plus(10, ChronoUnit.MINUTES))
                .isBeforeOrEqualTo(start.plus(12, ChronoUnit.MINUTES));
        var stale = refused(() -> check("check-in", id, photographed, person, 20));
        assertThat(stale.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(stale)).contains("签到码不正确");
        assertThat(check("check-in", id, SHOWN_ON_SITE, person, 20).get("checkInAt")).isNotNull();
        clock.release();
    }

    @Test
    void aCodeTypedAsItChangesIsStillAccepted() {
        String id = activity(5, 120, 60);
        var person = signedUp(id);
        clock.standAt(start.plus(10, ChronoUnit.MINUTES));
        String justShown = code(id);
        assertThat(check("check-in", id, justShown, person, 12).get("checkInAt")).as("the step before is still valid").isNotNull();
        clock.release();
    }

    @Test
    void onlyVolunteersWithAConfirmedPlaceCheckIn() {
        String id = activity(1, 120, 60);
        String code = SHOWN_ON_SITE;
        signedUp(id);
        var waitlisted = signedUp(id);
        var e = refused(() -> check("check-in", id, code, waitlisted, 5));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("正式报名");
        var stranger = f.volunteer();
        assertThat(refused(() -> check("check-in", id, code, stranger, 5)).getStatus().getCode()).isEqualTo(409);
    }

    @Test
    void theOrganiserCorrectsHoursWithAReasonAsNewLedgerEntries() {
        String id = activity(5, 180, 150);
        String code = SHOWN_ON_SITE;
        var person = signedUp(id);
        var forgotToCheckOut = signedUp(id);
        check("check-in", id, code, person, 0);
        check("check-in", id, code, forgotToCheckOut, 0);
        check("check-out", id, code, person, 120);
        clock.release();
        confirm(id, organiser);
        assertThat(myHours(person).get("confirmedMinutes")).isEqualTo(120);

        Map<String, Object> noReason = new HashMap<>(Map.of("volunteerId", person.volunteerId(), "minutes", 100));
        assertThat(refused(() -> f.post("/api/v1/volunteers/activities/" + id + "/hours/corrections", noReason, organiser)).getStatus().getCode())
                .isEqualTo(400);
        Map<?, ?> down = f.post("/api/v1/volunteers/activities/" + id + "/hours/corrections",
                Map.of("volunteerId", person.volunteerId(), "minutes", 100, "reason", "中途离开 20 分钟"), organiser);
        assertThat(down.get("minutes")).isEqualTo(-20);
        assertThat(down.get("kind")).isEqualTo("CORRECTION");
        f.post("/api/v1/volunteers/activities/" + id + "/hours/corrections",
                Map.of("volunteerId", forgotToCheckOut.volunteerId(), "minutes", 150, "reason", "忘记签退，组织者核实全程在岗"), organiser);

        Map<?, ?> hours = myHours(person);
        assertThat(hours.get("confirmedMinutes")).isEqualTo(100);
        assertThat((List<?>) hours.get("ledger")).hasSize(2);
        assertThat(myHours(forgotToCheckOut).get("confirmedMinutes")).isEqualTo(150);
        assertThat(f.count("select count(*) from volunteers.hours_ledger where volunteer_id = ?::uuid", person.volunteerId())).isEqualTo(2);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.hours.correct' and target_id = ?",
                person.volunteerId())).isEqualTo(1);
    }

    @Test
    void theLedgerIsAppendOnlyInTheDatabase() {
        String id = activity(5, 120, 60);
        String code = SHOWN_ON_SITE;
        var person = signedUp(id);
        check("check-in", id, code, person, 0);
        check("check-out", id, code, person, 60);
        clock.release();
        confirm(id, organiser);
        assertThat(f.refusedStatement("update volunteers.hours_ledger set minutes = 6000 where volunteer_id = ?::uuid", person.volunteerId()))
                .contains("append-only");
        assertThat(f.refusedStatement("delete from volunteers.hours_ledger where volunteer_id = ?::uuid", person.volunteerId()))
                .contains("append-only");
        assertThat(myHours(person).get("confirmedMinutes")).isEqualTo(60);
    }

    @Test
    void anOrganiserCannotConfirmOrCorrectHoursOfAnotherOrganisersActivity() {
        String id = activity(5, 120, 60);
        String code = SHOWN_ON_SITE;
        var person = signedUp(id);
        check("check-in", id, code, person, 0);
        check("check-out", id, code, person, 60);
        clock.release();
        String otherOrganiser = f.tokens.staff("ORGANIZER", township);
        for (String stranger : List.of(otherOrganiser, person.token(), f.tokens.staff("ORGANIZER", "450100"))) {
            assertThat(refused(() -> confirm(id, stranger)).getStatus().getCode()).isEqualTo(403);
            assertThat(refused(() -> f.post("/api/v1/volunteers/activities/" + id + "/hours/corrections",
                    Map.of("volunteerId", person.volunteerId(), "minutes", 600, "reason", "x"), stranger)).getStatus().getCode()).isEqualTo(403);
            assertThat(refused(() -> f.get("/api/v1/volunteers/activities/" + id + "/attendance", stranger, Map.class)).getStatus().getCode())
                    .isEqualTo(403);
        }
        assertThat(myHours(person).get("confirmedMinutes")).isEqualTo(0);
        assertThat(confirm(id, f.tokens.staff("ADMIN", township))).hasSize(1);
    }

    @Test
    void selfClaimedHoursStayUnconfirmedAndDoNotCount() {
        var person = f.volunteer();
        Map<?, ?> claim = f.post("/api/v1/volunteers/me/hours/claims",
                Map.of("description", "独自清理楼道", "serviceDate", LocalDate.now().minusDays(1).toString(), "minutes", 600), person.token());
        assertThat(claim.get("status")).isEqualTo("UNCONFIRMED");
        Map<?, ?> hours = myHours(person);
        assertThat(hours.get("confirmedMinutes")).isEqualTo(0);
        assertThat(hours.get("unconfirmedMinutes")).isEqualTo(600);
        assertThat((List<?>) hours.get("unconfirmedClaims")).hasSize(1);
        assertThat(hours.get("stars")).isEqualTo(0);
        assertThat(f.count("select count(*) from volunteers.hours_ledger where volunteer_id = ?::uuid", person.volunteerId())).isZero();
    }

    @Test
    void aHundredConfirmedHoursMakeOneStar() {
        int planned = 100 * 60;
        String id = activity(5, planned + 600, planned);
        String code = SHOWN_ON_SITE;
        var person = residentSignedUp(id);
        check("check-in", id, code, person, 1);
        check("check-out", id, code, person, 1 + planned);
        clock.release();
        confirm(id, organiser);
        Map<?, ?> hours = myHours(person);
        assertThat(hours.get("confirmedHours")).isEqualTo(100.0);
        assertThat(hours.get("stars")).as("not before the public notice ends").isEqualTo(0);
        assertThat(hours.get("starsUnderNotice")).isEqualTo(1);
        assertThat(hours.get("nextStarAtHours")).isEqualTo(300);
        assertThat(Duration.ofMinutes(planned).toHours()).isEqualTo(100);

        List<Map<String, Object>> board = f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/public/star-notices?region=" + township),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> notice = board.stream().filter(n -> n.get("volunteerName").equals("韦**") && n.get("stars").equals(1))
                .findFirst().orElseThrow();
        assertThat(notice.get("starLabel")).isEqualTo("一星志愿者");
        assertThat(Duration.between(Instant.parse(notice.get("noticedAt").toString()), Instant.parse(notice.get("effectiveAt").toString())))
                .isEqualTo(Duration.ofDays(7));

        clock.standAt(Instant.now().plus(8, ChronoUnit.DAYS));
        starNotices.takeEffect();
        clock.release();
        hours = myHours(person);
        assertThat(hours.get("stars")).isEqualTo(1);
        assertThat(hours.get("starLabel")).isEqualTo("一星志愿者");
        assertThat(hours.get("starsUnderNotice")).isEqualTo(0);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.star-level.v1' and event_key = ? and event_type in ('StarLevelNoticed', 'StarLevelEffective')",
                person.volunteerId())).isEqualTo(2);
        assertThat(f.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and event_key = ?"
                + " and payload like '%volunteer-record%' and payload like '%您已成为一星志愿者%'", person.accountId()))
                .as("the volunteer is told when the level takes effect").isEqualTo(1);
    }

    @Test
    void anObjectionHoldsTheLevelUntilAnAdminDecides() {
        int planned = 100 * 60;
        String id = activity(5, planned + 600, planned);
        String code = SHOWN_ON_SITE;
        var person = residentSignedUp(id);
        check("check-in", id, code, person, 1);
        check("check-out", id, code, person, 1 + planned);
        clock.release();
        confirm(id, organiser);
        String noticeId = f.string("select id from volunteers.star_notice where volunteer_id = ?::uuid and stars = 1", person.volunteerId());
        var neighbour = f.tokens.citizen();
        Map<?, ?> objection = f.post("/api/v1/volunteers/star-notices/" + noticeId + "/objections", Map.of("reason", "该志愿者多次未实际到岗"), neighbour);
        assertThat(objection.get("message").toString()).contains("已记录异议");

        clock.standAt(Instant.now().plus(8, ChronoUnit.DAYS));
        starNotices.takeEffect();
        var late = refused(() -> f.post("/api/v1/volunteers/star-notices/" + noticeId + "/objections", Map.of("reason", "迟到的异议"), neighbour));
        assertThat(detail(late)).contains("公示期已结束");
        clock.release();
        assertThat(myHours(person).get("stars")).as("held by the open objection").isEqualTo(0);

        var notAdmin = refused(() -> f.post("/api/v1/volunteers/star-notices/" + noticeId + "/decision", Map.of("uphold", true, "note", "x"), organiser));
        assertThat(notAdmin.getStatus().getCode()).isEqualTo(404);
        f.post("/api/v1/volunteers/star-notices/" + noticeId + "/decision", Map.of("uphold", true, "note", "经核实签到记录不实"),
                f.tokens.staff("ADMIN", township));
        clock.standAt(Instant.now().plus(8, ChronoUnit.DAYS));
        starNotices.takeEffect();
        clock.release();
        assertThat(myHours(person).get("stars")).isEqualTo(0);
        assertThat(f.string("select status from volunteers.star_notice where id = ?::uuid", noticeId)).isEqualTo("CANCELLED");
        assertThat(f.count("select count(*) from volunteers.star_objection where notice_id = ?::uuid and upheld", noticeId)).isEqualTo(1);
    }
}
