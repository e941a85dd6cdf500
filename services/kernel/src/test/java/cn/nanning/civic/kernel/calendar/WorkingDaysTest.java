package cn.nanning.civic.kernel.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    // National Day 2025: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 are make-up working days.
    private final WorkingDays calendar = new WorkingDays(Map.of(
            LocalDate.parse("2025-09-28"), true,
            LocalDate.parse("2025-10-01"), false, LocalDate.parse("2025-10-02"), false, LocalDate.parse("2025-10-03"), false,
            LocalDate.parse("2025-10-06"), false, LocalDate.parse("2025-10-07"), false, LocalDate.parse("2025-10-08"), false,
            LocalDate.parse("2025-10-11"), true));

    @Test
    void weekdaysWorkAndWeekendsRestUnlessTheCalendarSaysOtherwise() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-11-03"))).isTrue();   // Monday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-11-08"))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();  // holiday on a Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();   // make-up Saturday
    }

    @Test
    void aTimeLimitOverAWeekendSkipsIt() {
        // Started Friday Nov 7: Mon 10, Tue 11, Wed 12 → 3 working days end on Wednesday.
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-11-07"), 3)).isEqualTo(LocalDate.parse("2025-11-12"));
    }

    @Test
    void aTimeLimitOverTheNationalDayHolidayCountsTheMakeUpDays() {
        // Started Friday Sep 26: Sun 28 (make-up), Mon 29, Tue 30, then Oct 1–8 off, Thu 9, Fri 10, Sat 11 (make-up).
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-09-26"), 7)).isEqualTo(LocalDate.parse("2025-10-13"));
        assertThat(calendar.addWorkingDays(LocalDate.parse("2025-09-26"), 6)).isEqualTo(LocalDate.parse("2025-10-11"));
    }

    @Test
    void workingDaysBetweenCountsOnlyWorkingDaysAfterTheStart() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-09-30"), LocalDate.parse("2025-10-09"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-11-10"), LocalDate.parse("2025-11-10"))).isZero();
    }
}
