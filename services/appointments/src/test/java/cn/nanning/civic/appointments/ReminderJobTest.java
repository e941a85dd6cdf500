package cn.nanning.civic.appointments;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "civic.appointments.reminders.enabled", value = "true")
@Property(name = "civic.appointments.reminders.interval", value = "100ms")
@Property(name = "civic.appointments.reminders.initial-delay", value = "0s")
class ReminderJobTest {

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Map<?, ?> book(Api.Provider lawyer, String startsAt, String citizen) {
        return api.post("/api/v1/appointments/legal-aid/consultations",
                Map.of("providerId", lawyer.id(), "startsAt", startsAt, "mode", "IN_PERSON"), citizen);
    }

    private long reminders(String bookingId, String kind) {
        return api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingReminderDue' and payload like ?",
                bookingId, "%\"kind\":\"" + kind + "\"%");
    }

    private void awaitReminders(String bookingId, String kind) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (reminders(bookingId, kind) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @Test
    void aConfirmedBookingIsRemindedOnceTheDayBeforeAndOnceAnHourBefore() throws Exception {
        clock.set("2025-09-29T08:00:00+08:00");
        Api.Provider lawyer = api.lawyer();
        String account = UUID.randomUUID().toString();
        String citizen = api.tokens.citizen(account);
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", citizen).get("id").toString();
        String other = api.tokens.citizen();
        String cancelled = book(lawyer, "2025-09-30T09:40:00+08:00", other).get("id").toString();
        api.post("/api/v1/appointments/bookings/" + cancelled + "/cancel", Map.of(), other);
        Thread.sleep(400);
        assertThat(reminders(id, "DAY_BEFORE")).isZero();

        clock.set("2025-09-29T09:30:00+08:00");
        awaitReminders(id, "DAY_BEFORE");
        Thread.sleep(400);
        assertThat(reminders(id, "DAY_BEFORE")).isEqualTo(1);
        assertThat(reminders(id, "HOUR_BEFORE")).isZero();
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'CitizenNotificationRequested' and payload like ?",
                account, "%appointment-reminder%" + id + "%")).isEqualTo(1);

        clock.set("2025-09-30T08:10:00+08:00");
        awaitReminders(id, "HOUR_BEFORE");
        Thread.sleep(400);
        assertThat(reminders(id, "HOUR_BEFORE")).isEqualTo(1);
        assertThat(reminders(id, "DAY_BEFORE")).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingReminderDue'", cancelled)).isZero();
    }

    @Test
    void aBookingMadeLessThanADayAheadGetsOnlyTheHourBeforeReminder() throws Exception {
        clock.set("2025-09-29T10:00:00+08:00");
        Api.Provider lawyer = api.lawyer();
        String id = book(lawyer, "2025-09-30T09:40:00+08:00", api.tokens.citizen()).get("id").toString();
        clock.set("2025-09-30T08:45:00+08:00");
        awaitReminders(id, "HOUR_BEFORE");
        Thread.sleep(400);
        assertThat(reminders(id, "HOUR_BEFORE")).isEqualTo(1);
        assertThat(reminders(id, "DAY_BEFORE")).isZero();
    }

    @Test
    void aResidentBookedAtTheCounterGetsNoWeChatReminderButTheReminderEventStillLeaves() throws Exception {
        clock.set("2025-09-29T08:00:00+08:00");
        Api.Provider lawyer = api.lawyer();
        String clerk = api.tokens.staff(UUID.randomUUID().toString(), "CLERK", "450103001001");
        String id = api.post("/api/v1/appointments/legal-aid/consultations/assisted", Map.of("providerId", lawyer.id(),
                "startsAt", "2025-09-30T10:20:00+08:00", "residentName", "黄伯", "residentPhone", "13607710011", "consent", true), clerk)
                .get("bookingId").toString();
        clock.set("2025-09-29T10:30:00+08:00");
        awaitReminders(id, "DAY_BEFORE");
        assertThat(reminders(id, "DAY_BEFORE")).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and payload like ?",
                "%" + id + "%")).as("no WeChat account to notify").isZero();
    }
}
