package cn.nanning.civic.appointments.calendar;

import cn.nanning.civic.kernel.calendar.WorkingDayCalendar;
import cn.nanning.civic.kernel.calendar.WorkingDays;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The city's working-day calendar as this module needs it: time limits in working days and whether a day is a
 * public holiday. The editable table itself is the kernel's {@code kernel.calendar_day}, shared by all modules.
 */
@Singleton
public class Calendar {

    private final WorkingDayCalendar calendar;

    Calendar(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public WorkingDays snapshot() {
        return calendar.current();
    }

    /** A weekday the calendar lists as a holiday: no one receives bookings then. */
    public static boolean isHoliday(WorkingDays days, LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        boolean weekday = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        return weekday && !days.isWorkingDay(day);
    }
}
