package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.appointments.calendar.Calendar;
import cn.nanning.civic.kernel.calendar.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a provider's weekly plan into bookable slots: consecutive slots of the provider's length separated by the
 * buffer, on days that are not public holidays, outside leave, no sooner than the minimum notice and no later
 * than the booking horizon. Pure, so the same rules decide both the slot list and whether a booking is valid.
 */
final class SlotPlanner {

    record Window(LocalTime starts, LocalTime ends) {
    }

    record Range(Instant from, Instant to) {
        boolean overlaps(Instant otherFrom, Instant otherTo) {
            return from.isBefore(otherTo) && otherFrom.isBefore(to);
        }
    }

    record Slot(Instant startsAt, Instant endsAt) {
    }

    private SlotPlanner() {
    }

    /** Every slot of the plan in [from, to], the rules applied; {@code busy} are other bookings' blocked ranges. */
    static List<Slot> slots(Provider provider, Map<Integer, List<Window>> plan, List<Range> absences, List<Range> busy,
                            WorkingDays calendar, Instant now, LocalDate from, LocalDate to) {
        Duration length = Duration.ofMinutes(provider.slotMinutes());
        Duration buffer = Duration.ofMinutes(provider.bufferMinutes());
        Instant earliest = now.plus(Duration.ofMinutes(provider.minNoticeMinutes()));
        LocalDate lastDay = LocalDate.ofInstant(now, AppointmentClock.NANNING).plusDays(provider.horizonDays());
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to) && !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (Calendar.isHoliday(calendar, day)) {
                continue;
            }
            for (Window window : plan.getOrDefault(day.getDayOfWeek().getValue(), List.of())) {
                Instant windowEnd = day.atTime(window.ends()).atZone(AppointmentClock.NANNING).toInstant();
                Instant start = day.atTime(window.starts()).atZone(AppointmentClock.NANNING).toInstant();
                while (!start.plus(length).isAfter(windowEnd)) {
                    Instant end = start.plus(length);
                    Instant blockedUntil = end.plus(buffer);
                    Instant s = start;
                    boolean free = !start.isBefore(earliest)
                            && absences.stream().noneMatch(a -> a.overlaps(s, end))
                            && busy.stream().noneMatch(b -> b.overlaps(s, blockedUntil));
                    if (free) {
                        slots.add(new Slot(start, end));
                    }
                    start = blockedUntil;
                }
            }
        }
        return slots;
    }
}
