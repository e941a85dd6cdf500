package cn.nanning.civic.appointments.calendar;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The module's notion of "now" in Nanning. One bean, so tests can move time to a known calendar week. */
@Singleton
public class AppointmentClock {

    public static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), NANNING);
    }
}
