package cn.nanning.civic.indicators.refresh;

import cn.nanning.civic.indicators.IndicatorsClock;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The rolling twelve months the period indicators count over (四议两公开, consultations, legal aid, urgent
 * screenings, 代办 quality): from the same day a year ago (Nanning time, start of day) until now.
 */
public record Period(Instant from, Instant to, LocalDate fromDate, LocalDate today) {

    public static Period endingAt(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, IndicatorsClock.NANNING);
        LocalDate first = today.minusMonths(12).plusDays(1);
        return new Period(first.atStartOfDay(IndicatorsClock.NANNING).toInstant(), now, first, today);
    }
}
