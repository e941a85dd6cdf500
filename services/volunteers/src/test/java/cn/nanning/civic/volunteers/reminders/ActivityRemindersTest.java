package cn.nanning.civic.volunteers.reminders;

import cn.nanning.civic.volunteers.MovableClock;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders become notification requests on the kernel's path to the gateway (which sends the WeChat message). */
@MicronautTest(transactional = false)
class ActivityRemindersTest {

    @Inject
    VolunteerFixture f;

    @Inject
    MovableClock clock;

    @Inject
    ActivityReminders reminders;

    @Inject
    JsonMapper json;

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    long notifications(String account) {
        return f.count("select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?", account);
    }

    @Test
    @SuppressWarnings("unchecked")
    void confirmedVolunteersAreRemindedOnceTheDayBeforeAndOnceTheHourBefore() throws Exception {
        String township = f.randomTownship();
        String organiser = f.tokens.staff("ORGANIZER", township);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "敬老院探访");
        body.put("regionCode", township);
        body.put("place", "市第一社会福利院");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(120, ChronoUnit.MINUTES).toString());
        body.put("plannedMinutes", 120);
        body.put("capacity", 1);
        String activity = f.post("/api/v1/volunteers/activities", body, organiser).get("id").toString();
        var confirmed = f.volunteer();
        var waiting = f.volunteer();
        f.post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), confirmed.token());
        f.post("/api/v1/volunteers/activities/" + activity + "/signups", Map.of(), waiting.token());
        long before = notifications(confirmed.accountId());

        clock.standAt(start.minus(25, ChronoUnit.HOURS));
        reminders.sendDue();
        assertThat(notifications(confirmed.accountId())).as("not yet").isEqualTo(before);

        clock.standAt(start.minus(23, ChronoUnit.HOURS));
        reminders.sendDue();
        reminders.sendDue();
        assertThat(notifications(confirmed.accountId())).as("once").isEqualTo(before + 1);
        String payload = f.string("""
                select payload from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ? order by seq desc limit 1""",
                confirmed.accountId());
        Map<String, Object> value = json.readValue(payload, Map.class);
        Map<String, Object> n = (Map<String, Object>) value.get("notification");
        assertThat(n.get("template")).isEqualTo("volunteer-activity");
        assertThat((Map<String, Object>) n.get("data")).containsEntry("thing1", "敬老院探访").containsEntry("thing3", "市第一社会福利院")
                .containsEntry("phrase4", "明天开始");
        assertThat(n.get("page")).isEqualTo("pages/volunteer/activity?id=" + activity);

        clock.standAt(start.minus(50, ChronoUnit.MINUTES));
        reminders.sendDue();
        assertThat(notifications(confirmed.accountId())).isEqualTo(before + 2);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.activity.v1' and event_key = ? and event_type = 'ActivityReminderDue'",
                activity)).isEqualTo(2);
        assertThat(notifications(waiting.accountId())).as("a waitlisted volunteer is not reminded").isZero();
    }
}
