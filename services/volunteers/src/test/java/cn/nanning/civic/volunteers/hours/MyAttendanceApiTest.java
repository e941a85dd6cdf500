package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.volunteers.MovableClock;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** A volunteer's own attendance of an activity, and the check-in QR payload the organiser shows on site. */
@MicronautTest(transactional = false)
class MyAttendanceApiTest {

    @Inject
    VolunteerFixture f;

    @Inject
    MovableClock clock;

    String township;
    String organiser;
    Instant start;
    String activity;

    @BeforeEach
    void anActivityOfTwoHours() {
        township = f.randomTownship();
        organiser = f.tokens.staff("ORGANIZER", township);
        start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "河道清洁");
        body.put("regionCode", township);
        body.put("place", "邕江南岸");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(150, ChronoUnit.MINUTES).toString());
        body.put("plannedMinutes", 120);
        body.put("capacity", 5);
        activity = f.post("/api/v1/volunteers/activities", body, organiser).get("id").toString();
    }

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    Map<?, ?> mine(String token) {
        return f.get("/api/v1/volunteers/activities/" + activity + "/attendance/mine", token, Map.class);
    }

    Map<?, ?> qr(String token) {
        return f.get("/api/v1/volunteers/activities/" + activity + "/check-in-qr", token, Map.class);
    }

    @Test
    void myAttendanceFollowsSignUpCheckInCheckOutAndConfirmation() {
        var person = f.volunteer(f.villageIn(township), List.of("急救"));
        f.post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), person.token());

        Map<?, ?> signedUp = mine(person.token());
        assertThat(signedUp.get("signedUp")).isEqualTo(true);
        assertThat(signedUp.get("signupStatusLabel")).isEqualTo("已报名");
        assertThat(signedUp.get("status")).isEqualTo("NOT_CHECKED_IN");
        assertThat(signedUp.get("statusLabel")).isEqualTo("未签到");
        assertThat(signedUp.get("checkInAt")).isNull();

        clock.standAt(start.plus(2, ChronoUnit.MINUTES));
        String code = qr(organiser).get("code").toString();
        f.post("/api/v1/volunteers/activities/" + activity + "/check-in", Map.of("code", code), person.token());
        Map<?, ?> in = mine(person.token());
        assertThat(in.get("statusLabel")).isEqualTo("已签到");
        assertThat(Instant.parse(in.get("checkInAt").toString())).isEqualTo(start.plus(2, ChronoUnit.MINUTES));

        clock.standAt(start.plus(140, ChronoUnit.MINUTES));
        f.post("/api/v1/volunteers/activities/" + activity + "/check-out", Map.of("code", qr(organiser).get("code")), person.token());
        Map<?, ?> out = mine(person.token());
        assertThat(out.get("status")).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(out.get("statusLabel")).isEqualTo("已签退，待组织方确认时长");
        assertThat(out.get("attendedMinutes")).isEqualTo(138);
        assertThat(out.get("creditableMinutes")).isEqualTo(120);
        assertThat(out.get("recordedMinutes")).isEqualTo(0);

        f.client.toBlocking().exchange(HttpRequest.POST("/api/v1/volunteers/activities/" + activity + "/hours/confirmation", Map.of())
                .bearerAuth(organiser));
        Map<?, ?> confirmed = mine(person.token());
        assertThat(confirmed.get("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("statusLabel")).isEqualTo("时长已确认");
        assertThat(confirmed.get("recordedMinutes")).isEqualTo(120);
        assertThat(confirmed.get("recordedHours")).isEqualTo(2.0);
        assertThat(confirmed.get("confirmed")).isEqualTo(true);
    }

    @Test
    void aVolunteerNotSignedUpOrNotRegisteredIsToldSoInChinese() {
        var stranger = f.volunteer();
        HttpClientResponseException e = refused(() -> mine(stranger.token()));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(e)).isEqualTo("您没有报名该活动。");

        HttpClientResponseException nobody = refused(() -> mine(f.tokens.citizen()));
        assertThat(nobody.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(nobody)).isEqualTo("您还没有注册志愿者。");

        var cancelled = f.volunteer(f.villageIn(township), List.of());
        f.post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), cancelled.token());
        f.post("/api/v1/volunteers/activities/" + activity + "/signups/cancellation", Map.of(), cancelled.token());
        assertThat(refused(() -> mine(cancelled.token())).getStatus().getCode()).isEqualTo(404);

        HttpClientResponseException unknown = refused(() -> f.get("/api/v1/volunteers/activities/" + java.util.UUID.randomUUID()
                + "/attendance/mine", stranger.token(), Map.class));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(unknown)).isEqualTo("没有找到该活动。");
    }

    @Test
    void theQrPayloadNamesTheActivityAndTheCurrentCodeAndChecksInOnSite() {
        var person = f.volunteer(f.villageIn(township), List.of());
        f.post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), person.token());
        Instant now = start.plus(10, ChronoUnit.MINUTES).plusSeconds(7);
        clock.standAt(now);

        Map<?, ?> qr = qr(organiser);
        String code = qr.get("code").toString();
        assertThat(code).matches("\\d{6}");
        assertThat(qr.get("payload")).isEqualTo("civic-checkin:" + activity + ":" + code);
        assertThat(qr.get("activityId")).isEqualTo(activity);
        Instant expires = Instant.parse(qr.get("expiresAt").toString());
        assertThat(expires).isAfter(now).isBeforeOrEqualTo(now.plus(2, ChronoUnit.MINUTES));
        assertThat(f.get("/api/v1/volunteers/activities/" + activity + "/check-code", organiser, Map.class).get("code"))
                .as("the same code as the digits shown beside it").isEqualTo(code);

        String fromPayload = qr.get("payload").toString().substring(qr.get("payload").toString().lastIndexOf(':') + 1);
        Map<?, ?> in = f.post("/api/v1/volunteers/activities/" + activity + "/check-in", Map.of("code", fromPayload), person.token());
        assertThat(in.get("checkInAt")).isNotNull();

        // Four minutes later the code in a photo of the screen no longer works.
        clock.standAt(expires.plus(2, ChronoUnit.MINUTES).plusSeconds(1));
        assertThat(qr(organiser).get("code")).isNotNull();
        HttpClientResponseException stale = refused(() -> f.post("/api/v1/volunteers/activities/" + activity + "/check-out",
                Map.of("code", code), person.token()));
        assertThat(stale.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void onlyTheOrganiserOrAnAdminOfTheAreaGetsTheQrPayload() {
        var person = f.volunteer(f.villageIn(township), List.of());
        assertThat(refused(() -> qr(person.token())).getStatus().getCode()).isEqualTo(403);
        String otherOrganiser = f.tokens.staff("ORGANIZER", township);
        HttpClientResponseException e = refused(() -> qr(otherOrganiser));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(detail(e)).isEqualTo("只有该活动的组织者或本辖区管理员可以进行此操作。");
        String admin = f.tokens.staff("ADMIN", township.substring(0, 6));
        assertThat(qr(admin).get("payload").toString()).startsWith("civic-checkin:" + activity + ":");
    }
}
