package cn.nanning.civic.volunteers.hours;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for one volunteer's attendance of one activity and the hours recorded for it; callers hold the transaction. */
@Singleton
class AttendanceStore {

    private final JdbcOperations jdbc;

    AttendanceStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Check-in and check-out of the volunteer at the activity, if they checked in. */
    Optional<Presence> presence(UUID activityId, UUID volunteerId) {
        return jdbc.prepareStatement("""
                select check_in_at, check_out_at, attended_minutes, qualifies from volunteers.attendance
                where activity_id = ? and volunteer_id = ?""", ps -> {
            ps.setObject(1, activityId);
            ps.setObject(2, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Presence>empty();
                }
                Timestamp out = rs.getTimestamp("check_out_at");
                return Optional.of(new Presence(rs.getTimestamp("check_in_at").toInstant(), out != null ? out.toInstant() : null,
                        (Integer) rs.getObject("attended_minutes"), (Boolean) rs.getObject("qualifies")));
            }
        });
    }

    /** The ledger of the volunteer at the activity: its total and whether the organiser confirmed it (corrections included). */
    Recorded recorded(UUID activityId, UUID volunteerId) {
        return jdbc.prepareStatement("""
                select coalesce(sum(minutes), 0), count(*) filter (where kind = 'CONFIRMED'), count(*)
                from volunteers.hours_ledger where activity_id = ? and volunteer_id = ?""", ps -> {
            ps.setObject(1, activityId);
            ps.setObject(2, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Recorded(rs.getLong(1), rs.getLong(2) > 0, rs.getLong(3) > 0);
            }
        });
    }

    record Presence(Instant checkInAt, Instant checkOutAt, Integer attendedMinutes, Boolean qualifies) {
    }

    record Recorded(long minutes, boolean confirmed, boolean anyEntry) {
    }
}
