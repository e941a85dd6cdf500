package cn.nanning.civic.indicators;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The module's notion of now, in Nanning's time zone (one place to read time keeps months and periods testable). */
@Singleton
public class IndicatorsClock {

    public static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), NANNING);
    }

    public YearMonth month() {
        return YearMonth.from(today());
    }
}
