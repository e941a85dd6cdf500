package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.common.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times travel as ISO-8601 strings with the Nanning offset, e.g. 2026-12-01T09:00:00+08:00. */
public final class Times {

    private Times() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : instant.atZone(AppointmentClock.NANNING).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "请填写时间。");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "时间格式应为 2026-12-01T09:00:00+08:00。");
        }
    }

    public static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "请填写日期。");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "日期格式应为 2026-12-01。");
        }
    }
}
