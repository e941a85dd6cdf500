package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.VolunteersSettings;
import cn.nanning.civic.volunteers.activities.Activities;
import cn.nanning.civic.volunteers.activities.Activity;
import cn.nanning.civic.volunteers.activities.CheckCodes;
import cn.nanning.civic.volunteers.registration.VolunteerCard;
import cn.nanning.civic.volunteers.registration.Volunteers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Attendance and service hours. A volunteer checks in and out with the organiser's code while the activity runs;
 * the attendance counts only when it reaches the configured share of the planned duration. The organiser then confirms
 * (or corrects) hours into an append-only ledger; only ledger entries count. Self-claimed hours stay unconfirmed.
 */
@Singleton
class Hours {

    static final String TOPIC = "volunteers.hours.v1";
    private static final int LEDGER_LIMIT = 500;

    private final Activities activities;
    private final Volunteers volunteers;
    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final AuditLog audit;
    private final VolunteersClock clock;
    private final VolunteersSettings settings;
    private final StarNotices stars;
    private final CheckCodes checkCodes;
    private final AttendanceStore attendanceStore;

    Hours(Activities activities, Volunteers volunteers, JdbcOperations jdbc, Outbox outbox, AuditLog audit, VolunteersClock clock,
          VolunteersSettings settings, StarNotices stars, CheckCodes checkCodes, AttendanceStore attendanceStore) {
        this.attendanceStore = attendanceStore;
        this.checkCodes = checkCodes;
        this.stars = stars;
        this.activities = activities;
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    private record Attendance(UUID activityId, UUID volunteerId, Instant checkIn, Instant checkOut, Integer minutes, Boolean qualifies) {
    }

    @Transactional
    HoursViews.AttendanceView checkIn(Caller caller, UUID activityId, String code) {
        VolunteerCard me = volunteers.requireActive(caller);
        Activity a = onSite(activityId, code);
        if (!activities.isConfirmed(a.id(), me.id())) {
            throw ProblemException.conflict("not-confirmed", "您没有该活动的正式报名名额，不能签到。");
        }
        Instant now = clock.now();
        boolean inserted = jdbc.prepareStatement("""
                insert into volunteers.attendance (activity_id, volunteer_id, check_in_at) values (?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, a.id());
            ps.setObject(2, me.id());
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
        if (!inserted) {
            throw ProblemException.conflict("already-checked-in", "您已签到，无需重复签到。");
        }
        return view(a, attendance(a.id(), me.id(), false), null);
    }

    @Transactional
    HoursViews.AttendanceView checkOut(Caller caller, UUID activityId, String code) {
        VolunteerCard me = volunteers.requireActive(caller);
        Activity a = onSite(activityId, code);
        Attendance at = attendance(a.id(), me.id(), true);
        if (at == null) {
            throw ProblemException.conflict("not-checked-in", "请先签到。");
        }
        if (at.checkOut() != null) {
            throw ProblemException.conflict("already-checked-out", "您已签退。");
        }
        Instant now = clock.now();
        int minutes = (int) Duration.between(at.checkIn(), now).toMinutes();
        boolean qualifies = minutes >= requiredMinutes(a);
        jdbc.prepareStatement("""
                update volunteers.attendance set check_out_at = ?, attended_minutes = ?, qualifies = ?
                where activity_id = ? and volunteer_id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, minutes);
            ps.setBoolean(3, qualifies);
            ps.setObject(4, a.id());
            ps.setObject(5, me.id());
            return ps.executeUpdate();
        });
        return view(a, attendance(a.id(), me.id(), false), null);
    }

    /**
     * The caller's own attendance of an activity: their place, check-in and check-out, and the hours recorded for it.
     * Someone who is not signed up (or not a volunteer) is told so with a 404, as for other people's activities.
     */
    @Transactional
    HoursViews.MyAttendance myAttendance(Caller caller, UUID activityId) {
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        Activity a = activities.find(activityId);
        var signup = activities.signupOf(a.id(), me);
        var presence = attendanceStore.presence(a.id(), me);
        AttendanceStore.Recorded recorded = attendanceStore.recorded(a.id(), me);
        if (signup.isEmpty() && presence.isEmpty() && !recorded.anyEntry()) {
            throw ProblemException.notFound("您没有报名该活动。");
        }
        String status;
        String label;
        if (recorded.anyEntry()) {
            status = "CONFIRMED";
            label = "时长已确认";
        } else if (presence.isEmpty()) {
            status = "NOT_CHECKED_IN";
            label = "未签到";
        } else if (presence.get().checkOutAt() == null) {
            status = "CHECKED_IN";
            label = "已签到";
        } else if (Boolean.TRUE.equals(presence.get().qualifies())) {
            status = "AWAITING_CONFIRMATION";
            label = "已签退，待组织方确认时长";
        } else {
            status = "NOT_QUALIFIED";
            label = "已签退，未达到计时要求";
        }
        var p = presence.orElse(null);
        Integer creditable = p == null || p.qualifies() == null ? null : p.qualifies() ? Math.min(p.attendedMinutes(), a.plannedMinutes()) : 0;
        return new HoursViews.MyAttendance(a.id(), signup.isPresent(), signup.map(Activities.SignupState::status).orElse(null),
                signup.map(Activities.SignupState::statusLabel).orElse(null), p != null ? p.checkInAt() : null,
                p != null ? p.checkOutAt() : null, p != null ? p.attendedMinutes() : null, p != null ? p.qualifies() : null,
                requiredMinutes(a), creditable, recorded.minutes(),
                BigDecimal.valueOf(recorded.minutes()).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN), recorded.confirmed(), status, label);
    }

    /** The code is valid only while the activity runs, from its start to its end. */
    private Activity onSite(UUID activityId, String code) {
        Activity a = activities.find(activityId);
        Instant now = clock.now();
        if (now.isBefore(a.startsAt()) || now.isAfter(a.endsAt())) {
            throw ProblemException.conflict("outside-activity-window", "签到码只在活动进行期间有效。");
        }
        if (!checkCodes.accepts(a, code, now)) {
            throw ProblemException.invalidField("code", "签到码不正确，请向现场组织者确认。");
        }
        return a;
    }

    private int requiredMinutes(Activity a) {
        return (int) Math.ceil(a.plannedMinutes() * settings.attendanceShare());
    }

    @Transactional
    List<HoursViews.AttendanceView> attendanceOf(Caller caller, UUID activityId) {
        Activity a = activities.requireOrganised(caller, activityId);
        List<Attendance> rows = jdbc.prepareStatement("select * from volunteers.attendance where activity_id = ? order by check_in_at", ps -> {
            ps.setObject(1, a.id());
            List<Attendance> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        });
        Map<UUID, String> names = volunteers.maskedNames(rows.stream().map(Attendance::volunteerId).toList());
        return rows.stream().map(r -> view(a, r, names.get(r.volunteerId()))).toList();
    }

    /** The organiser confirms the hours of everyone whose attendance qualifies: their attended minutes up to the planned duration. */
    @Transactional
    List<HoursViews.LedgerEntry> confirm(Caller caller, UUID activityId) {
        Activity a = activities.requireOrganised(caller, activityId);
        List<Attendance> qualifying = jdbc.prepareStatement("""
                select * from volunteers.attendance t where activity_id = ? and qualifies
                and not exists (select 1 from volunteers.hours_ledger l where l.activity_id = t.activity_id
                                and l.volunteer_id = t.volunteer_id and l.kind = 'CONFIRMED')
                order by check_in_at""", ps -> {
            ps.setObject(1, a.id());
            List<Attendance> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        });
        List<HoursViews.LedgerEntry> entries = new ArrayList<>();
        for (Attendance at : qualifying) {
            int minutes = Math.min(at.minutes(), a.plannedMinutes());
            entries.add(append(caller, a, at.volunteerId(), minutes, "CONFIRMED", null));
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.hours.confirm", "activity", a.id().toString(),
                AuditEntry.Outcome.SUCCESS, entries.size() + " entries"));
        return entries;
    }

    /** A correction sets the volunteer's total for the activity by appending the difference with its reason. */
    @Transactional
    HoursViews.LedgerEntry correct(Caller caller, UUID activityId, HoursViews.Correction c) {
        Activity a = activities.requireOrganised(caller, activityId);
        boolean took = activities.isConfirmed(a.id(), c.volunteerId()) || attendance(a.id(), c.volunteerId(), false) != null;
        if (!took) {
            throw ProblemException.invalidField("volunteerId", "该志愿者没有参加此活动。");
        }
        long span = Duration.between(a.startsAt(), a.endsAt()).toMinutes();
        if (c.minutes() > span) {
            throw ProblemException.invalidField("minutes", "服务时长不能超过活动时间段（" + span + " 分钟）。");
        }
        // Lock the volunteer's row so two corrections at once cannot both compute from the same total.
        jdbc.prepareStatement("select 1 from volunteers.volunteer where id = ? for update", ps -> {
            ps.setObject(1, c.volunteerId());
            return ps.executeQuery().next();
        });
        long current = jdbc.prepareStatement("select coalesce(sum(minutes), 0) from volunteers.hours_ledger where activity_id = ? and volunteer_id = ?", ps -> {
            ps.setObject(1, a.id());
            ps.setObject(2, c.volunteerId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        int delta = (int) (c.minutes() - current);
        if (delta == 0) {
            throw ProblemException.conflict("no-change", "更正后的时长与现有记录相同。");
        }
        HoursViews.LedgerEntry entry = append(caller, a, c.volunteerId(), delta, "CORRECTION", c.reason().strip());
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.hours.correct", "volunteer", c.volunteerId().toString(),
                AuditEntry.Outcome.SUCCESS, "activity " + a.id() + ", " + delta + " min"));
        return entry;
    }

    private HoursViews.LedgerEntry append(Caller caller, Activity a, UUID volunteerId, int minutes, String kind, String reason) {
        Instant now = clock.now();
        long id = jdbc.prepareStatement("""
                insert into volunteers.hours_ledger (volunteer_id, activity_id, minutes, kind, reason, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", ps -> {
            ps.setObject(1, volunteerId);
            ps.setObject(2, a.id());
            ps.setInt(3, minutes);
            ps.setString(4, kind);
            ps.setString(5, reason);
            ps.setString(6, caller.accountId());
            ps.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        outbox.add(TOPIC, volunteerId.toString(), "CONFIRMED".equals(kind) ? "HoursConfirmed" : "HoursCorrected", "hours",
                new HoursViews.HoursConfirmed(a.id(), volunteerId, id, minutes, kind, reason));
        stars.afterLedgerChange(volunteerId);
        return new HoursViews.LedgerEntry(id, a.id(), a.title(), minutes, kind, reason, now);
    }

    @Transactional
    HoursViews.ClaimView claim(Caller caller, HoursViews.Claim c) {
        VolunteerCard me = volunteers.requireActive(caller);
        if (c.serviceDate().isAfter(clock.today())) {
            throw ProblemException.invalidField("serviceDate", "服务日期不能晚于今天。");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        jdbc.prepareStatement("""
                insert into volunteers.hours_claim (id, volunteer_id, service_date, minutes, description, status, created_at)
                values (?, ?, ?, ?, ?, 'UNCONFIRMED', ?)""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, me.id());
            ps.setDate(3, Date.valueOf(c.serviceDate()));
            ps.setInt(4, c.minutes());
            ps.setString(5, c.description().strip());
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return new HoursViews.ClaimView(id, c.serviceDate(), c.minutes(), c.description().strip(), "UNCONFIRMED", "未经组织者确认，不计入服务时长", now);
    }

    @Transactional
    HoursViews.MyHours mine(Caller caller) {
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        long confirmed = jdbc.prepareStatement("select coalesce(sum(minutes), 0) from volunteers.hours_ledger where volunteer_id = ?", ps -> {
            ps.setObject(1, me);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<HoursViews.LedgerEntry> ledger = jdbc.prepareStatement("""
                select l.*, coalesce(a.title, l.source) as title from volunteers.hours_ledger l
                left join volunteers.activity a on a.id = l.activity_id
                where l.volunteer_id = ? order by l.id desc limit\s""" + LEDGER_LIMIT, ps -> {
            ps.setObject(1, me);
            List<HoursViews.LedgerEntry> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new HoursViews.LedgerEntry(rs.getLong("id"), rs.getObject("activity_id", UUID.class), rs.getString("title"),
                            rs.getInt("minutes"), rs.getString("kind"), rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant()));
                }
            }
            return found;
        });
        List<HoursViews.ClaimView> claims = jdbc.prepareStatement("""
                select * from volunteers.hours_claim where volunteer_id = ? order by created_at desc limit\s""" + LEDGER_LIMIT, ps -> {
            ps.setObject(1, me);
            List<HoursViews.ClaimView> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new HoursViews.ClaimView(rs.getObject("id", UUID.class), rs.getDate("service_date").toLocalDate(),
                            rs.getInt("minutes"), rs.getString("description"), rs.getString("status"), "未经组织者确认，不计入服务时长",
                            rs.getTimestamp("created_at").toInstant()));
                }
            }
            return found;
        });
        // Stars count once their public notice has ended; a level under notice is shown apart.
        int[] levels = stars.levels(me);
        int reached = Math.max(levels[0], levels[1]);
        return new HoursViews.MyHours(me, confirmed, BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN),
                levels[0], StarLevel.label(levels[0]), levels[1], StarLevel.nextThresholdHours(reached), ledger,
                claims.stream().mapToLong(HoursViews.ClaimView::minutes).sum(), claims);
    }

    private Attendance attendance(UUID activityId, UUID volunteerId, boolean lock) {
        return jdbc.prepareStatement("select * from volunteers.attendance where activity_id = ? and volunteer_id = ?"
                + (lock ? " for update" : ""), ps -> {
            ps.setObject(1, activityId);
            ps.setObject(2, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        });
    }

    private static Attendance map(ResultSet rs) throws java.sql.SQLException {
        Timestamp out = rs.getTimestamp("check_out_at");
        return new Attendance(rs.getObject("activity_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
                rs.getTimestamp("check_in_at").toInstant(), out != null ? out.toInstant() : null,
                (Integer) rs.getObject("attended_minutes"), (Boolean) rs.getObject("qualifies"));
    }

    private HoursViews.AttendanceView view(Activity a, Attendance at, String name) {
        boolean confirmed = jdbc.prepareStatement("""
                select 1 from volunteers.hours_ledger where activity_id = ? and volunteer_id = ? and kind = 'CONFIRMED'""", ps -> {
            ps.setObject(1, a.id());
            ps.setObject(2, at.volunteerId());
            return ps.executeQuery().next();
        });
        Integer creditable = null;
        if (at.qualifies() != null) {
            creditable = at.qualifies() ? Math.min(at.minutes(), a.plannedMinutes()) : 0;
        }
        return new HoursViews.AttendanceView(a.id(), at.volunteerId(), name, at.checkIn(), at.checkOut(), at.minutes(), at.qualifies(),
                requiredMinutes(a), creditable, confirmed);
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
