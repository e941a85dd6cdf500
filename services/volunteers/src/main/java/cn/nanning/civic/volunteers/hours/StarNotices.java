package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.VolunteersSettings;
import cn.nanning.civic.volunteers.notices.VolunteerNotices;
import cn.nanning.civic.volunteers.registration.Volunteers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Star levels go through a public notice: reaching a level opens a notice; it takes effect when the notice period
 * ends and no objection is open. Objections are recorded; an admin of the volunteer's area upholds (the level is
 * cancelled) or dismisses them. Every change leaves through the outbox ({@code volunteers.star-level.v1}).
 */
@Singleton
public class StarNotices {

    static final String TOPIC = "volunteers.star-level.v1";
    private static final int LIST_LIMIT = 200;

    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final AuditLog audit;
    private final VolunteersClock clock;
    private final VolunteersSettings settings;
    private final VolunteerNotices notices;
    private final Volunteers volunteers;

    StarNotices(JdbcOperations jdbc, Outbox outbox, AuditLog audit, VolunteersClock clock, VolunteersSettings settings, Volunteers volunteers,
                VolunteerNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.volunteers = volunteers;
    }

    record Notice(UUID id, UUID volunteerId, int stars, String homeRegion, Instant noticedAt, Instant effectiveAt, String status) {
    }

    @io.micronaut.serde.annotation.Serdeable
    record StarEvent(UUID noticeId, UUID volunteerId, int stars, String homeRegion, Instant effectiveAt) {
    }

    /**
     * After the volunteer's ledger changed (called in the same transaction, the volunteer's row locked): opens notices
     * for levels newly reached and cancels open notices the total no longer reaches.
     */
    public void afterLedgerChange(UUID volunteerId) {
        // Serialises changes per volunteer, so two confirmations at once cannot open the same notice twice.
        jdbc.prepareStatement("select 1 from volunteers.volunteer where id = ? for update", ps -> {
            ps.setObject(1, volunteerId);
            return ps.executeQuery().next();
        });
        long total = jdbc.prepareStatement("select coalesce(sum(minutes), 0) from volunteers.hours_ledger where volunteer_id = ?", ps -> {
            ps.setObject(1, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        int reached = StarLevel.of(total);
        List<Notice> open = notices("where volunteer_id = ? and status <> 'CANCELLED'", volunteerId);
        int known = open.stream().mapToInt(Notice::stars).max().orElse(0);
        Instant now = clock.now();
        String region = jdbc.prepareStatement("select home_region from volunteers.volunteer where id = ?", ps -> {
            ps.setObject(1, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        for (int stars = known + 1; stars <= reached; stars++) {
            UUID id = UUID.randomUUID();
            Instant effective = now.plus(settings.starNotice());
            int level = stars;
            jdbc.prepareStatement("""
                    insert into volunteers.star_notice (id, volunteer_id, stars, home_region, noticed_at, effective_at, status)
                    values (?, ?, ?, ?, ?, ?, 'NOTICE')""", ps -> {
                ps.setObject(1, id);
                ps.setObject(2, volunteerId);
                ps.setInt(3, level);
                ps.setString(4, region);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(effective));
                return ps.executeUpdate();
            });
            outbox.add(TOPIC, volunteerId.toString(), "StarLevelNoticed", "starLevel", new StarEvent(id, volunteerId, level, region, effective));
        }
        for (Notice n : open) {
            if ("NOTICE".equals(n.status()) && n.stars() > reached) {
                decide(n, "CANCELLED", "system", "时长更正后未达到该星级标准");
                outbox.add(TOPIC, volunteerId.toString(), "StarLevelCancelled", "starLevel",
                        new StarEvent(n.id(), volunteerId, n.stars(), n.homeRegion(), n.effectiveAt()));
            }
        }
    }

    /** The level in effect and the one under notice, for "my hours". */
    int[] levels(UUID volunteerId) {
        List<Notice> all = notices("where volunteer_id = ? and status <> 'CANCELLED'", volunteerId);
        int effective = all.stream().filter(n -> "EFFECTIVE".equals(n.status())).mapToInt(Notice::stars).max().orElse(0);
        int noticed = all.stream().filter(n -> "NOTICE".equals(n.status())).mapToInt(Notice::stars).max().orElse(0);
        return new int[] {effective, noticed};
    }

    /** Notices whose period has ended without an open objection take effect; returns how many did. */
    @Transactional
    public int takeEffect() {
        Instant now = clock.now();
        List<Notice> due = jdbc.prepareStatement("""
                select * from volunteers.star_notice n where status = 'NOTICE' and effective_at <= ?
                and not exists (select 1 from volunteers.star_objection o where o.notice_id = n.id and o.resolved_at is null)
                order by effective_at limit 500 for update skip locked""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            return all(ps.executeQuery());
        });
        for (Notice n : due) {
            decide(n, "EFFECTIVE", "system", null);
            outbox.add(TOPIC, n.volunteerId().toString(), "StarLevelEffective", "starLevel",
                    new StarEvent(n.id(), n.volunteerId(), n.stars(), n.homeRegion(), now));
            notices.starLevelEffective(n.volunteerId(), StarLevel.label(n.stars()));
        }
        return due.size();
    }

    /** The public notice board of an area: masked names only. */
    @Transactional
    List<HoursViews.StarNoticeView> board(String region) {
        String prefix = region == null || region.isBlank() ? "4501" : RegionCodes.significantPrefix(region.strip());
        List<Notice> list = jdbc.prepareStatement("""
                select * from volunteers.star_notice where status = 'NOTICE' and home_region like ? order by noticed_at desc limit\s"""
                + LIST_LIMIT, ps -> {
            ps.setString(1, prefix + "%");
            return all(ps.executeQuery());
        });
        Map<UUID, String> names = volunteers.maskedNames(list.stream().map(Notice::volunteerId).toList());
        return list.stream().map(n -> new HoursViews.StarNoticeView(n.id(), names.get(n.volunteerId()), n.homeRegion(), n.stars(),
                StarLevel.label(n.stars()), n.noticedAt(), n.effectiveAt(), objections(n.id(), true))).toList();
    }

    @Transactional
    HoursViews.ObjectionView object(Caller caller, UUID noticeId, String reason) {
        Notice n = one(noticeId).orElseThrow(() -> ProblemException.notFound("没有找到该星级公示。"));
        if (!"NOTICE".equals(n.status()) || !clock.now().isBefore(n.effectiveAt())) {
            throw ProblemException.conflict("notice-closed", "公示期已结束，不能再提出异议。");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        jdbc.prepareStatement("""
                insert into volunteers.star_objection (id, notice_id, objector, reason, created_at) values (?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, noticeId);
            ps.setString(3, caller.accountId());
            ps.setString(4, reason.strip());
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
        outbox.add(TOPIC, n.volunteerId().toString(), "StarLevelObjected", "starLevel",
                new StarEvent(n.id(), n.volunteerId(), n.stars(), n.homeRegion(), n.effectiveAt()));
        return new HoursViews.ObjectionView(id, noticeId, "已记录异议，公示期满后由管理员核实处理；处理前该星级不生效。", now);
    }

    /** An admin of the volunteer's area upholds the objections (the level is cancelled) or dismisses them. */
    @Transactional
    HoursViews.StarNoticeView resolve(Caller caller, UUID noticeId, boolean uphold, String note) {
        Notice n = one(noticeId).filter(x -> caller.has(Role.ADMIN) && caller.covers(x.homeRegion()))
                .orElseThrow(() -> ProblemException.notFound("没有找到该星级公示。"));
        if (!"NOTICE".equals(n.status())) {
            throw ProblemException.conflict("notice-closed", "该公示已处理完毕。");
        }
        if (objections(n.id(), true) == 0) {
            throw ProblemException.conflict("no-objection", "该公示没有待处理的异议。");
        }
        Instant now = clock.now();
        jdbc.prepareStatement("""
                update volunteers.star_objection set resolved_at = ?, resolved_by = ?, upheld = ? where notice_id = ? and resolved_at is null""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, caller.accountId());
            ps.setBoolean(3, uphold);
            ps.setObject(4, n.id());
            return ps.executeUpdate();
        });
        if (uphold) {
            decide(n, "CANCELLED", caller.accountId(), note);
            outbox.add(TOPIC, n.volunteerId().toString(), "StarLevelCancelled", "starLevel",
                    new StarEvent(n.id(), n.volunteerId(), n.stars(), n.homeRegion(), n.effectiveAt()));
        }
        audit.record(new AuditEntry(caller.accountId(), String.join(",", caller.roles().stream().map(Enum::name).sorted().toList()),
                "volunteers.star-notice.resolve", "volunteer", n.volunteerId().toString(), AuditEntry.Outcome.SUCCESS,
                (uphold ? "upheld: " : "dismissed: ") + note));
        Notice after = one(noticeId).orElseThrow();
        return new HoursViews.StarNoticeView(after.id(), volunteers.maskedNames(List.of(after.volunteerId())).get(after.volunteerId()),
                after.homeRegion(), after.stars(), StarLevel.label(after.stars()), after.noticedAt(), after.effectiveAt(), 0);
    }

    private void decide(Notice n, String status, String by, String note) {
        jdbc.prepareStatement("update volunteers.star_notice set status = ?, decided_at = ?, decided_by = ?, note = ? where id = ?", ps -> {
            ps.setString(1, status);
            ps.setTimestamp(2, Timestamp.from(clock.now()));
            ps.setString(3, by);
            ps.setString(4, note);
            ps.setObject(5, n.id());
            return ps.executeUpdate();
        });
    }

    private int objections(UUID noticeId, boolean openOnly) {
        return jdbc.prepareStatement("select count(*) from volunteers.star_objection where notice_id = ?"
                + (openOnly ? " and resolved_at is null" : ""), ps -> {
            ps.setObject(1, noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private java.util.Optional<Notice> one(UUID id) {
        List<Notice> found = notices("where id = ?", id);
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0));
    }

    private List<Notice> notices(String where, Object arg) {
        return jdbc.prepareStatement("select * from volunteers.star_notice " + where + " order by stars", ps -> {
            ps.setObject(1, arg);
            return all(ps.executeQuery());
        });
    }

    private static List<Notice> all(ResultSet rs) throws SQLException {
        List<Notice> list = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                list.add(new Notice(rs.getObject("id", UUID.class), rs.getObject("volunteer_id", UUID.class), rs.getInt("stars"),
                        rs.getString("home_region"), rs.getTimestamp("noticed_at").toInstant(), rs.getTimestamp("effective_at").toInstant(),
                        rs.getString("status")));
            }
        }
        return list;
    }
}
