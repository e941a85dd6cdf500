package cn.nanning.civic.volunteers.records;

import cn.nanning.civic.volunteers.MovableClock;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ServiceRecordApiTest {

    @Inject
    VolunteerFixture f;

    @Inject
    MovableClock clock;

    int served;

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    /** The volunteer serves {@code minutes} at an activity the organiser publishes in the township; hours confirmed. */
    void serve(VolunteerFixture.Person person, String organiser, String township, String title, int minutes) {
        Instant start = Instant.now().plus(2 + served++, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("regionCode", township);
        body.put("place", title + "现场");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(minutes + 30, ChronoUnit.MINUTES).toString());
        body.put("plannedMinutes", minutes);
        body.put("capacity", 3);
        String activity = f.post("/api/v1/volunteers/activities", body, organiser).get("id").toString();
        f.post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), person.token());
        // The code shown on site changes every two minutes: read it when checking in and again when checking out.
        clock.standAt(start.plus(1, ChronoUnit.MINUTES));
        String code = f.get("/api/v1/volunteers/activities/" + activity + "/check-code", organiser, Map.class).get("code").toString();
        f.post("/api/v1/volunteers/activities/" + activity + "/check-in", Map.of("code", code), person.token());
        clock.standAt(start.plus(minutes + 1, ChronoUnit.MINUTES));
        String later = f.get("/api/v1/volunteers/activities/" + activity + "/check-code", organiser, Map.class).get("code").toString();
        f.post("/api/v1/volunteers/activities/" + activity + "/check-out", Map.of("code", later), person.token());
        clock.release();
        f.client.toBlocking().exchange(HttpRequest.POST("/api/v1/volunteers/activities/" + activity + "/hours/confirmation", Map.of())
                .bearerAuth(organiser));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVolunteerReadsTheWholeRecordAndAnOrganiserOnlyWhatTheirOrganisationRecorded() {
        String home = f.randomTownship();
        String elsewhere = f.string("""
                select code from kernel.region t where level = 'township' and substr(code, 1, 6) <> substr(?, 1, 6)
                and exists (select 1 from kernel.region v where v.parent_code = t.code) order by random() limit 1""", home);
        String organiser = f.tokens.staff("ORGANIZER", home);
        String otherOrganiser = f.tokens.staff("ORGANIZER", elsewhere);
        var person = f.volunteer(f.villageIn(home), List.of("急救"));
        serve(person, organiser, home, "社区义诊", 120);
        serve(person, otherOrganiser, elsewhere, "江边清洁", 90);
        Map<?, ?> training = f.post("/api/v1/volunteers/" + person.volunteerId() + "/record/entries",
                Map.of("kind", "TRAINING", "title", "应急救护培训", "occurredOn", LocalDate.now().minusDays(3).toString(), "detail", "8 学时"),
                organiser);
        assertThat(training.get("kindLabel")).isEqualTo("培训");
        f.post("/api/v1/volunteers/" + person.volunteerId() + "/record/entries",
                Map.of("kind", "AWARD", "title", "优秀志愿者", "occurredOn", LocalDate.now().minusDays(1).toString()), organiser);

        Map<String, Object> own = f.get("/api/v1/volunteers/me/record", person.token(), Map.class);
        Map<String, Object> identity = (Map<String, Object>) own.get("identity");
        assertThat(identity.get("name")).isEqualTo("韦**");
        assertThat(identity.get("idNumber").toString()).contains("*").doesNotContain(person.idNumber());
        assertThat(own.get("totalMinutes")).isEqualTo(210);
        List<Map<String, Object>> services = (List<Map<String, Object>>) own.get("services");
        assertThat(services).extracting(s -> s.get("content")).containsExactlyInAnyOrder("社区义诊", "江边清洁");
        assertThat(services).allSatisfy(s -> assertThat(s.get("startsAt")).isNotNull());
        assertThat(services).filteredOn(s -> "社区义诊".equals(s.get("content"))).singleElement()
                .satisfies(s -> {
                    assertThat(s.get("place")).isEqualTo("社区义诊现场");
                    assertThat(s.get("minutes")).isEqualTo(120);
                });
        assertThat((List<Map<String, Object>>) own.get("training")).extracting(e -> e.get("title")).containsExactly("应急救护培训");
        assertThat((List<Map<String, Object>>) own.get("awards")).extracting(e -> e.get("title")).containsExactly("优秀志愿者");

        Map<String, Object> asOrganiser = f.get("/api/v1/volunteers/" + person.volunteerId() + "/record", organiser, Map.class);
        assertThat((List<Map<String, Object>>) asOrganiser.get("services")).extracting(s -> s.get("content")).containsExactly("社区义诊");
        assertThat(asOrganiser.get("totalMinutes")).isEqualTo(120);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.record.read' and target_id = ?",
                person.volunteerId())).isEqualTo(1);

        // The organiser elsewhere does not hold this volunteer's record: the same answer as for an unknown id.
        var foreign = refused(() -> f.get("/api/v1/volunteers/" + person.volunteerId() + "/record", otherOrganiser, Map.class));
        var unknown = refused(() -> f.get("/api/v1/volunteers/" + UUID.randomUUID() + "/record", otherOrganiser, Map.class));
        assertThat(foreign.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(foreign)).isEqualTo(detail(unknown));
        assertThat(refused(() -> f.post("/api/v1/volunteers/" + person.volunteerId() + "/record/entries",
                Map.of("kind", "EVALUATION", "title", "表现良好", "occurredOn", LocalDate.now().toString()), otherOrganiser))
                .getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void aVolunteerCannotReadAnothersRecord() {
        var one = f.volunteer();
        var other = f.volunteer();
        var e = refused(() -> f.get("/api/v1/volunteers/" + one.volunteerId() + "/record", other.token(), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        Map<?, ?> own = f.get("/api/v1/volunteers/me/record", other.token(), Map.class);
        assertThat(((Map<?, ?>) own.get("identity")).get("volunteerId")).isEqualTo(other.volunteerId());
    }

    @Test
    void badEntriesAreRefusedInChinese() {
        String township = f.randomTownship();
        String organiser = f.tokens.staff("ORGANIZER", township);
        var person = f.volunteer(f.villageIn(township), List.of("急救"));
        var kind = refused(() -> f.post("/api/v1/volunteers/" + person.volunteerId() + "/record/entries",
                Map.of("kind", "PROMOTION", "title", "x", "occurredOn", LocalDate.now().toString()), organiser));
        assertThat(kind.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(kind)).contains("记录类型");
        var future = refused(() -> f.post("/api/v1/volunteers/" + person.volunteerId() + "/record/entries",
                Map.of("kind", "AWARD", "title", "优秀志愿者", "occurredOn", LocalDate.now().plusDays(5).toString()), organiser));
        assertThat(detail(future)).contains("不能晚于今天");
    }
}
