package cn.nanning.civic.volunteers.activities;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for activities and sign-ups; callers hold the transaction. */
@Singleton
class ActivityStore {

    private final JdbcOperations jdbc;

    ActivityStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Activity a) {
        jdbc.prepareStatement("""
                insert into volunteers.activity (id, organiser_account, region_code, place, title, description, starts_at, ends_at,
                    planned_minutes, capacity, required_skills, min_age, max_age, suitable_for_minors, status, check_code, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, a.id());
            ps.setString(2, a.organiserAccount());
            ps.setString(3, a.regionCode());
            ps.setString(4, a.place());
            ps.setString(5, a.title());
            ps.setString(6, a.description());
            ps.setTimestamp(7, Timestamp.from(a.startsAt()));
            ps.setTimestamp(8, Timestamp.from(a.endsAt()));
            ps.setInt(9, a.plannedMinutes());
            ps.setInt(10, a.capacity());
            ps.setArray(11, ps.getConnection().createArrayOf("text", a.requiredSkills().toArray()));
            ps.setObject(12, a.minAge());
            ps.setObject(13, a.maxAge());
            ps.setBoolean(14, a.suitableForMinors());
            ps.setString(15, a.status());
            ps.setString(16, a.checkCode());
            ps.setTimestamp(17, Timestamp.from(a.createdAt()));
            return ps.executeUpdate();
        });
    }

    /** Writes what an organiser may change before the start (counters, status and code stay). */
    void update(Activity a) {
        jdbc.prepareStatement("""
                update volunteers.activity set region_code = ?, place = ?, title = ?, description = ?, starts_at = ?, ends_at = ?,
                    planned_minutes = ?, capacity = ?, required_skills = ?, min_age = ?, max_age = ?, suitable_for_minors = ?
                where id = ?""", ps -> {
            ps.setString(1, a.regionCode());
            ps.setString(2, a.place());
            ps.setString(3, a.title());
            ps.setString(4, a.description());
            ps.setTimestamp(5, Timestamp.from(a.startsAt()));
            ps.setTimestamp(6, Timestamp.from(a.endsAt()));
            ps.setInt(7, a.plannedMinutes());
            ps.setInt(8, a.capacity());
            ps.setArray(9, ps.getConnection().createArrayOf("text", a.requiredSkills().toArray()));
            ps.setObject(10, a.minAge());
            ps.setObject(11, a.maxAge());
            ps.setBoolean(12, a.suitableForMinors());
            ps.setObject(13, a.id());
            return ps.executeUpdate();
        });
    }

    void cancel(UUID id) {
        jdbc.prepareStatement("update volunteers.activity set status = 'CANCELLED' where id = ?", ps -> {
            ps.setObject(1, id);
            return ps.executeUpdate();
        });
    }

    /** Reads an activity; with {@code lock} the row stays locked until commit, which serialises every sign-up for it. */
    Optional<Activity> find(UUID id, boolean lock) {
        return jdbc.prepareStatement("select * from volunteers.activity where id = ?" + (lock ? " for update" : ""), ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(activity(rs)) : Optional.<Activity>empty();
            }
        });
    }

    List<Activity> upcomingIn(String prefix, Timestamp after, int limit, int offset) {
        return jdbc.prepareStatement("""
                select * from volunteers.activity where region_code like ? and ends_at > ? and status = 'PUBLISHED'
                order by starts_at, id limit ? offset ?""", ps -> {
            ps.setString(1, prefix + "%");
            ps.setTimestamp(2, after);
            ps.setInt(3, limit);
            ps.setInt(4, offset);
            List<Activity> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(activity(rs));
                }
            }
            return found;
        });
    }

    /** The publisher's activities (or, for an admin, the area's), latest first, ended ones included. */
    List<Activity> organised(String account, String areaPrefix, int limit) {
        return jdbc.prepareStatement("""
                select * from volunteers.activity where organiser_account = ? or (?::text is not null and region_code like ?)
                order by starts_at desc limit ?""", ps -> {
            ps.setString(1, account);
            ps.setString(2, areaPrefix);
            ps.setString(3, areaPrefix == null ? null : areaPrefix + "%");
            ps.setInt(4, limit);
            List<Activity> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(activity(rs));
                }
            }
            return found;
        });
    }

    void updateCounters(UUID id, int confirmed, int waitlistSeq) {
        jdbc.prepareStatement("update volunteers.activity set confirmed_count = ?, waitlist_seq = ? where id = ?", ps -> {
            ps.setInt(1, confirmed);
            ps.setInt(2, waitlistSeq);
            ps.setObject(3, id);
            return ps.executeUpdate();
        });
    }

    boolean insertSignup(UUID id, UUID activityId, UUID volunteerId, String status, Integer waitlistNo, Timestamp at) {
        return jdbc.prepareStatement("""
                insert into volunteers.signup (id, activity_id, volunteer_id, status, waitlist_no, signed_up_at, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, activityId);
            ps.setObject(3, volunteerId);
            ps.setString(4, status);
            ps.setObject(5, waitlistNo);
            ps.setTimestamp(6, at);
            ps.setTimestamp(7, "CONFIRMED".equals(status) ? at : null);
            return ps.executeUpdate() == 1;
        });
    }

    Optional<Signup> openSignup(UUID activityId, UUID volunteerId) {
        return signups("where activity_id = ? and volunteer_id = ? and status <> 'CANCELLED'", activityId, volunteerId).stream().findFirst();
    }

    Optional<Signup> signup(UUID id) {
        return signups("where id = ?", id).stream().findFirst();
    }

    Optional<Signup> firstWaitlisted(UUID activityId) {
        return signups("where activity_id = ? and status = 'WAITLISTED' order by waitlist_no limit 1", activityId).stream().findFirst();
    }

    List<Signup> roster(UUID activityId, int limit) {
        return signups("where activity_id = ? and status <> 'CANCELLED' order by status, waitlist_no nulls first, signed_up_at limit " + limit,
                activityId);
    }

    long countUpcomingIn(String prefix, Timestamp after) {
        return count("select count(*) from volunteers.activity where region_code like ? and ends_at > ? and status = 'PUBLISHED'",
                prefix + "%", after);
    }

    List<Signup> ofVolunteer(UUID volunteerId, int limit, int offset) {
        return signups("where volunteer_id = ? order by signed_up_at desc, id limit ? offset ?", volunteerId, limit, offset);
    }

    long countOfVolunteer(UUID volunteerId) {
        return count("select count(*) from volunteers.signup where volunteer_id = ?", volunteerId);
    }

    private long count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void setStatus(UUID signupId, String status, Timestamp at) {
        String column = "CANCELLED".equals(status) ? "cancelled_at" : "confirmed_at";
        jdbc.prepareStatement("update volunteers.signup set status = ?, " + column + " = ?"
                + ("CONFIRMED".equals(status) ? ", waitlist_no = null" : "") + " where id = ?", ps -> {
            ps.setString(1, status);
            ps.setTimestamp(2, at);
            ps.setObject(3, signupId);
            return ps.executeUpdate();
        });
    }

    private List<Signup> signups(String where, Object... args) {
        return jdbc.prepareStatement("select * from volunteers.signup " + where, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Signup> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp confirmed = rs.getTimestamp("confirmed_at");
                    Timestamp cancelled = rs.getTimestamp("cancelled_at");
                    found.add(new Signup(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
                            rs.getObject("volunteer_id", UUID.class), rs.getString("status"), (Integer) rs.getObject("waitlist_no"),
                            rs.getTimestamp("signed_up_at").toInstant(), confirmed != null ? confirmed.toInstant() : null,
                            cancelled != null ? cancelled.toInstant() : null));
                }
            }
            return found;
        });
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        return new Activity(rs.getObject("id", UUID.class), rs.getString("organiser_account"), rs.getString("region_code"),
                rs.getString("place"), rs.getString("title"), rs.getString("description"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getInt("planned_minutes"), rs.getInt("capacity"), rs.getInt("confirmed_count"),
                rs.getInt("waitlist_seq"), Arrays.asList((String[]) rs.getArray("required_skills").getArray()),
                (Integer) rs.getObject("min_age"), (Integer) rs.getObject("max_age"), rs.getBoolean("suitable_for_minors"),
                rs.getString("status"), rs.getString("check_code"), rs.getTimestamp("created_at").toInstant());
    }

    record Signup(UUID id, UUID activityId, UUID volunteerId, String status, Integer waitlistNo, java.time.Instant signedUpAt,
                  java.time.Instant confirmedAt, java.time.Instant cancelledAt) {
    }
}
