package cn.nanning.civic.portal.ui;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates and times as people in Nanning read them (Asia/Shanghai), e.g. "2026年12月7日 09:30". A missing or unreadable
 * value gives an empty text, never "null" or an ISO string.
 */
public final class Times {

    public static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("M月d日 EEE", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.SIMPLIFIED_CHINESE);

    private Times() {
    }

    /** "2026年12月7日 09:30". */
    public static String minute(@Nullable Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(NANNING));
    }

    /** The same for an ISO instant or offset date-time as the API sends them. */
    public static String minute(@Nullable String iso) {
        ZonedDateTime at = parse(iso);
        return at == null ? "" : MINUTE.format(at);
    }

    /** "2026年12月7日". */
    public static String day(@Nullable LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** "2026年12月7日" for an ISO date ("2026-12-07") or an instant. */
    public static String day(@Nullable String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(iso.strip()));
        } catch (DateTimeParseException notADate) {
            ZonedDateTime at = parse(iso);
            return at == null ? "" : DAY.format(at);
        }
    }

    public static String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(NANNING));
    }

    /** "12月7日 周一 09:00–09:30" for a start and an end. */
    public static String slot(@Nullable String startsAt, @Nullable String endsAt) {
        ZonedDateTime starts = parse(startsAt);
        ZonedDateTime ends = parse(endsAt);
        if (starts == null) {
            return "";
        }
        return SHORT_DAY.format(starts) + " " + CLOCK.format(starts) + (ends == null ? "" : "–" + CLOCK.format(ends));
    }

    /** "09:30" in Nanning time. */
    public static String clock(@Nullable String iso) {
        ZonedDateTime at = parse(iso);
        return at == null ? "" : CLOCK.format(at);
    }

    /** An ISO instant or offset date-time in Nanning time, or null when missing or unreadable. */
    @Nullable
    public static ZonedDateTime parse(@Nullable String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.strip()).atZoneSameInstant(NANNING);
        } catch (DateTimeException notOffset) {
            try {
                return Instant.parse(iso.strip()).atZone(NANNING);
            } catch (DateTimeException unreadable) {
                return null;
            }
        }
    }
}
