package cn.nanning.civic.volunteers.records;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.registration.Volunteers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A volunteer's service record. The volunteer reads their whole record; an organiser or admin reads the record of a
 * volunteer living in their area, limited to what their organisation recorded (activities and entries in their area).
 */
@Singleton
class ServiceRecords {

    static final String TOPIC = "volunteers.record.v1";
    private static final int LIMIT = 1000;
    private static final Map<String, String> KIND_LABELS = Map.of("TRAINING", "培训", "AWARD", "表彰奖励", "EVALUATION", "评价");

    private final Volunteers volunteers;
    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Outbox outbox;
    private final VolunteersClock clock;

    ServiceRecords(Volunteers volunteers, JdbcOperations jdbc, AuditLog audit, Outbox outbox, VolunteersClock clock) {
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    RecordViews.ServiceRecord mine(Caller caller) {
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        Volunteers.MaskedIdentity who = volunteers.maskedIdentity(me)
                .orElseThrow(() -> ProblemException.conflict("consent-withdrawn", "您已撤回个人信息处理同意，服务记录暂不可查看。"));
        return record(who, "%", null);
    }

    @Transactional
    RecordViews.ServiceRecord forStaff(Caller caller, UUID volunteerId) {
        Volunteers.MaskedIdentity who = staffScoped(caller, volunteerId);
        String prefix = RegionCodes.significantPrefix(caller.regionCode());
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.record.read", "volunteer", volunteerId.toString(),
                AuditEntry.Outcome.SUCCESS, null));
        return record(who, prefix + "%", caller.regionCode());
    }

    @Transactional
    RecordViews.Entry addEntry(Caller caller, UUID volunteerId, RecordViews.NewEntry e) {
        staffScoped(caller, volunteerId);
        if (e.occurredOn().isAfter(clock.today())) {
            throw ProblemException.invalidField("occurredOn", "日期不能晚于今天。");
        }
        Instant now = clock.now();
        long id = jdbc.prepareStatement("""
                insert into volunteers.record_entry (volunteer_id, kind, title, occurred_on, detail, org_region, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", ps -> {
            ps.setObject(1, volunteerId);
            ps.setString(2, e.kind());
            ps.setString(3, e.title().strip());
            ps.setDate(4, Date.valueOf(e.occurredOn()));
            ps.setString(5, e.detail() == null || e.detail().isBlank() ? null : e.detail().strip());
            ps.setString(6, caller.regionCode());
            ps.setString(7, caller.accountId());
            ps.setTimestamp(8, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.record.entry", "volunteer", volunteerId.toString(),
                AuditEntry.Outcome.SUCCESS, e.kind()));
        outbox.add(TOPIC, volunteerId.toString(), "ServiceRecordEntryAdded", "record",
                Map.of("volunteerId", volunteerId.toString(), "entryId", id, "kind", e.kind(), "orgRegion", caller.regionCode()));
        return new RecordViews.Entry(id, e.kind(), KIND_LABELS.get(e.kind()), e.title().strip(), e.occurredOn(),
                e.detail() == null || e.detail().isBlank() ? null : e.detail().strip(), caller.regionCode(), now);
    }

    /** Unknown, withdrawn and outside-the-area volunteers get the same answer. */
    private Volunteers.MaskedIdentity staffScoped(Caller caller, UUID volunteerId) {
        if (!caller.has(Role.ORGANIZER) && !caller.has(Role.ADMIN)) {
            throw ProblemException.notFound("没有找到该志愿者。");
        }
        return volunteers.maskedIdentity(volunteerId).filter(v -> caller.covers(v.homeRegion()))
                .orElseThrow(() -> ProblemException.notFound("没有找到该志愿者。"));
    }

    private RecordViews.ServiceRecord record(Volunteers.MaskedIdentity who, String orgPattern, String scope) {
        String regionName = jdbc.prepareStatement("select name from kernel.region where code = ?", ps -> {
            ps.setString(1, who.homeRegion());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        // One line per activity (confirmation plus corrections), and one per outside service; the organisation of an
        // activity is its region, of an outside service the region of the organisation that recorded it (null: city-wide).
        List<RecordViews.Service> services = jdbc.prepareStatement("""
                select l.activity_id, coalesce(a.title, l.source) as content, coalesce(a.place, l.place) as place, a.region_code,
                       coalesce(a.starts_at, l.service_start) as starts_at, coalesce(a.ends_at, l.service_end) as ends_at,
                       sum(l.minutes) as minutes, coalesce(l.source, '志愿服务活动') as source
                from volunteers.hours_ledger l left join volunteers.activity a on a.id = l.activity_id
                where l.volunteer_id = ? and (a.region_code like ? or (a.id is null and ? = '%'))
                group by l.activity_id, a.title, a.place, a.region_code, a.starts_at, a.ends_at, l.source, l.place, l.service_start,
                         l.service_end, l.external_ref
                having sum(l.minutes) <> 0
                order by coalesce(a.starts_at, l.service_start) desc nulls last
                limit\s""" + LIMIT, ps -> {
            ps.setObject(1, who.id());
            ps.setString(2, orgPattern);
            ps.setString(3, orgPattern);
            List<RecordViews.Service> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp s = rs.getTimestamp("starts_at");
                    Timestamp e = rs.getTimestamp("ends_at");
                    long minutes = rs.getLong("minutes");
                    found.add(new RecordViews.Service(rs.getObject("activity_id", UUID.class), rs.getString("content"), rs.getString("place"),
                            rs.getString("region_code"), s != null ? s.toInstant() : null, e != null ? e.toInstant() : null, minutes,
                            hours(minutes), rs.getString("source")));
                }
            }
            return found;
        });
        List<RecordViews.Entry> entries = jdbc.prepareStatement("""
                select * from volunteers.record_entry where volunteer_id = ? and org_region like ? order by occurred_on desc, id desc
                limit\s""" + LIMIT, ps -> {
            ps.setObject(1, who.id());
            ps.setString(2, orgPattern);
            List<RecordViews.Entry> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString("kind");
                    found.add(new RecordViews.Entry(rs.getLong("id"), kind, KIND_LABELS.get(kind), rs.getString("title"),
                            rs.getDate("occurred_on").toLocalDate(), rs.getString("detail"), rs.getString("org_region"),
                            rs.getTimestamp("recorded_at").toInstant()));
                }
            }
            return found;
        });
        long total = services.stream().mapToLong(RecordViews.Service::minutes).sum();
        return new RecordViews.ServiceRecord(
                new RecordViews.Identity(who.id(), who.maskedName(), who.maskedIdNumber(), who.sex(), who.homeRegion(), regionName,
                        who.skills(), who.registeredAt()),
                total, hours(total), services,
                entries.stream().filter(e -> "TRAINING".equals(e.kind())).toList(),
                entries.stream().filter(e -> "AWARD".equals(e.kind())).toList(),
                entries.stream().filter(e -> "EVALUATION".equals(e.kind())).toList(), scope);
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN);
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
