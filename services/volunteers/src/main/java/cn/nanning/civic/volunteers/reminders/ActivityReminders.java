package cn.nanning.civic.volunteers.reminders;

import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
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
 * Reminds volunteers holding a confirmed place the day before and an hour before an activity: an event on the
 * activity topic and a WeChat subscribe message through the kernel's citizen notifications (delivered by the gateway).
 * Each reminder goes out once; a sign-up made after a reminder's moment does not get that reminder.
 */
@Singleton
public class ActivityReminders {

    static final String TOPIC = "volunteers.activity.v1";
    private static final int BATCH = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VolunteersClock.NANNING);

    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final CitizenNotifications notifications;
    private final VolunteersClock clock;

    ActivityReminders(JdbcOperations jdbc, Outbox outbox, CitizenNotifications notifications, VolunteersClock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notifications = notifications;
        this.clock = clock;
    }

    private record Due(UUID activityId, UUID volunteerId, String kind, String account, String title, String place, Instant startsAt) {
    }

    /** Sends the reminders due now; returns how many. */
    @Transactional
    public int sendDue() {
        Timestamp now = Timestamp.from(clock.now());
        List<Due> due = jdbc.prepareStatement("""
                with claimed as (
                    insert into volunteers.activity_reminder (activity_id, volunteer_id, kind, sent_at)
                    select a.id, s.volunteer_id, k.kind, ?::timestamptz
                    from volunteers.activity a
                    join volunteers.signup s on s.activity_id = a.id and s.status = 'CONFIRMED'
                    cross join (values ('DAY_BEFORE', 1440), ('HOUR_BEFORE', 60)) as k(kind, lead_minutes)
                    where a.status = 'PUBLISHED' and a.starts_at > ?::timestamptz
                      and a.starts_at <= ?::timestamptz + make_interval(mins => k.lead_minutes)
                      and (k.kind = 'HOUR_BEFORE' or a.starts_at > ?::timestamptz + interval '60 minutes')
                      and coalesce(s.confirmed_at, s.signed_up_at) <= a.starts_at - make_interval(mins => k.lead_minutes)
                      and not exists (select 1 from volunteers.activity_reminder r
                                      where r.activity_id = a.id and r.volunteer_id = s.volunteer_id and r.kind = k.kind)
                    order by a.starts_at
                    limit ?
                    on conflict do nothing
                    returning activity_id, volunteer_id, kind)
                select c.activity_id, c.volunteer_id, c.kind, v.account_id, a.title, a.place, a.starts_at
                from claimed c join volunteers.activity a on a.id = c.activity_id join volunteers.volunteer v on v.id = c.volunteer_id
                where v.status = 'ACTIVE'""", ps -> {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            ps.setInt(5, BATCH);
            List<Due> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return rows;
        });
        for (Due d : due) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("activityId", d.activityId().toString());
            payload.put("volunteerId", d.volunteerId().toString());
            payload.put("kind", d.kind());
            payload.put("startsAt", d.startsAt().toString());
            outbox.add(TOPIC, d.activityId().toString(), "ActivityReminderDue", "reminder", payload);
            notifications.notify(d.account(), "volunteer-activity", Map.of(
                    "thing1", CitizenNotifications.thing(d.title()),
                    "time2", WHEN.format(d.startsAt()),
                    "thing3", CitizenNotifications.thing(d.place()),
                    "phrase4", "DAY_BEFORE".equals(d.kind()) ? "明天开始" : "即将开始"),
                    "pages/volunteer/activity?id=" + d.activityId());
        }
        return due.size();
    }
}
