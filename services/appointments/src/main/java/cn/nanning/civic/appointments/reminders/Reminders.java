package cn.nanning.civic.appointments.reminders;

import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reminders the day before and an hour before a confirmed booking: an event on the booking topic and a WeChat
 * subscribe message requested through the kernel's citizen notifications. Each reminder goes out once
 * ({@code appointments.booking_reminder}); a booking made after a reminder's moment does not get that reminder.
 */
@Singleton
class Reminders {

    static final int BATCH = 500;
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppointmentClock.NANNING);

    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final CitizenNotifications notifications;
    private final AppointmentClock clock;

    Reminders(JdbcOperations jdbc, Outbox outbox, CitizenNotifications notifications, AppointmentClock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notifications = notifications;
        this.clock = clock;
    }

    private record Due(UUID bookingId, String kind, String citizen, String service, String mode, Instant startsAt,
                       String providerName, String placeName, String regionCode) {
    }

    /** Sends the reminders that are due now; returns how many. */
    @Transactional
    public int sendDue() {
        Instant now = clock.now();
        Timestamp at = Timestamp.from(now);
        List<Due> due = jdbc.prepareStatement("""
                with claimed as (
                    insert into appointments.booking_reminder (booking_id, kind, sent_at)
                    select b.id, k.kind, ?::timestamptz from appointments.booking b
                    cross join (values ('DAY_BEFORE', 1440), ('HOUR_BEFORE', 60)) as k(kind, lead_minutes)
                    where b.status = 'CONFIRMED' and b.starts_at > ?::timestamptz and b.starts_at <= ?::timestamptz + make_interval(mins => k.lead_minutes)
                      and (k.kind = 'HOUR_BEFORE' or b.starts_at > ?::timestamptz + interval '60 minutes')
                      and b.created_at <= b.starts_at - make_interval(mins => k.lead_minutes)
                      -- Skip what was already sent, or the batch limit would keep picking the same rows.
                      and not exists (select 1 from appointments.booking_reminder r where r.booking_id = b.id and r.kind = k.kind)
                    order by b.starts_at
                    limit ?
                    on conflict do nothing
                    returning booking_id, kind)
                select c.booking_id, c.kind, b.citizen_account_id, b.service, b.mode, b.starts_at, v.display_name, p.name, p.region_code
                from claimed c join appointments.booking b on b.id = c.booking_id
                join appointments.provider v on v.id = b.provider_id join appointments.place p on p.id = v.place_id""", s -> {
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            s.setTimestamp(3, at);
            s.setTimestamp(4, at);
            s.setInt(5, BATCH);
            List<Due> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return rows;
        });
        for (Due d : due) {
            boolean inPerson = "IN_PERSON".equals(d.mode());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bookingId", d.bookingId().toString());
            payload.put("citizenAccountId", d.citizen());
            payload.put("kind", d.kind());
            payload.put("service", d.service());
            payload.put("mode", d.mode());
            payload.put("startsAt", d.startsAt().toString());
            payload.put("providerName", d.providerName());
            payload.put("placeName", inPerson ? d.placeName() : null);
            payload.put("regionCode", d.regionCode());
            outbox.add(Bookings.TOPIC, d.bookingId().toString(), "BookingReminderDue", "booking", payload);
            if (d.citizen().startsWith(Bookings.COUNTER_RESIDENT_PREFIX)) {
                // Booked by a service-point clerk for a resident without the mini-program: no WeChat to remind;
                // the clerk hands the resident a slip with the time and place.
                continue;
            }
            String what = ("PSYCHOLOGY".equals(d.service()) ? "心理咨询" : "法律咨询") + "·" + d.providerName();
            notifications.notify(d.citizen(), "appointment-reminder", Map.of(
                    "thing1", CitizenNotifications.thing(what),
                    "time2", NOTICE_TIME.format(d.startsAt()),
                    "thing3", CitizenNotifications.thing(inPerson ? d.placeName() : "线上咨询"),
                    "thing4", "DAY_BEFORE".equals(d.kind()) ? "您明天有一个预约，请按时参加" : "您的预约将在 1 小时后开始"),
                    "pages/appointments/detail?id=" + d.bookingId());
        }
        return due.size();
    }
}
