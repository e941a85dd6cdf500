package cn.nanning.civic.council;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The module's notion of now, in Nanning's time zone. */
@Singleton
public class CouncilClock {

    public static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), NANNING);
    }
}
