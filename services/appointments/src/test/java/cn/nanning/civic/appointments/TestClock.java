package cn.nanning.civic.appointments;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Lets a test stand on a known day of the city calendar (e.g. the 2025 National Day holiday). */
@Singleton
@Replaces(AppointmentClock.class)
public class TestClock extends AppointmentClock {

    private volatile Instant fixed;

    @Override
    public Instant now() {
        return fixed != null ? fixed : super.now();
    }

    public void set(String isoOffsetDateTime) {
        fixed = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    public void reset() {
        fixed = null;
    }
}
