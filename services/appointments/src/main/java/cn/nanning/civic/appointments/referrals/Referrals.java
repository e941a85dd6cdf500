package cn.nanning.civic.appointments.referrals;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.inbox.Inbox;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The legal-aid and mediation intake of referred cases: received from events, taken by a lawyer or administrator
 * of the region, closed with an outcome. Who may see a referral: LAWYER and ADMIN staff whose scope covers its region.
 */
@Singleton
public class Referrals {

    static final String CONSUMER = "appointments.referrals";
    static final String TOPIC = "appointments.referral.v1";

    private final JdbcOperations jdbc;
    private final Inbox inbox;
    private final Outbox outbox;
    private final AuditLog audit;

    Referrals(JdbcOperations jdbc, Inbox inbox, Outbox outbox, AuditLog audit) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** What a proxy request's referral event says; the resident's details are not part of it. */
    public record Received(UUID eventId, String source, UUID sourceId, String target, String regionCode,
                           @Nullable String itemCode, @Nullable String citizenAccountId) {
    }

    /** Opens the referral once per event; a redelivered event changes nothing. */
    @Transactional
    public boolean receive(Received event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return false;
        }
        jdbc.prepareStatement("""
                insert into appointments.referral (id, source, source_id, source_event_id, target, region_code, item_code,
                    citizen_account_id, status, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""", s -> {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, event.source());
            s.setObject(3, event.sourceId());
            s.setObject(4, event.eventId());
            s.setString(5, event.target());
            s.setString(6, event.regionCode());
            s.setString(7, event.itemCode());
            s.setString(8, event.citizenAccountId());
            s.setTimestamp(9, Timestamp.from(now()));
            return s.executeUpdate();
        });
        return true;
    }

    @Transactional(readOnly = true)
    public List<Referral> inScope(Caller caller, @Nullable String status) {
        requireHandler(caller);
        return jdbc.prepareStatement("""
                select * from appointments.referral
                where region_code like ? || '%' and (cast(? as text) is null or status = cast(? as text))
                order by (status = 'CLOSED'), received_at limit 200""", s -> {
            s.setString(1, RegionCodes.significantPrefix(caller.regionCode()));
            s.setString(2, status);
            s.setString(3, status);
            return rows(s.executeQuery());
        });
    }

    @Transactional
    public Referral take(Caller caller, UUID id) {
        Referral referral = visible(caller, id);
        if (!"OPEN".equals(referral.status())) {
            throw ProblemException.conflict("referral-not-open", "该转介已由他人接收或已办结。");
        }
        jdbc.prepareStatement("update appointments.referral set status = 'TAKEN', taken_by = ?, taken_at = ? where id = ? and status = 'OPEN'", s -> {
            s.setString(1, caller.accountId());
            s.setTimestamp(2, Timestamp.from(now()));
            s.setObject(3, id);
            return s.executeUpdate();
        });
        return changed(caller, id, "ReferralTaken", "appointments.referral.take");
    }

    @Transactional
    public Referral close(Caller caller, UUID id, String outcome) {
        Referral referral = visible(caller, id);
        if (!"TAKEN".equals(referral.status()) || !caller.accountId().equals(referral.takenBy())) {
            throw ProblemException.conflict("referral-not-yours", "只有接收该转介的工作人员可以办结。");
        }
        if (outcome == null || outcome.isBlank()) {
            throw ProblemException.invalidField("outcome", "请填写办理结果。");
        }
        jdbc.prepareStatement("update appointments.referral set status = 'CLOSED', closed_at = ?, outcome = ? where id = ?", s -> {
            s.setTimestamp(1, Timestamp.from(now()));
            s.setString(2, outcome.strip());
            s.setObject(3, id);
            return s.executeUpdate();
        });
        return changed(caller, id, "ReferralClosed", "appointments.referral.close");
    }

    /** Same answer for a referral that does not exist and one outside the caller's region. */
    private Referral visible(Caller caller, UUID id) {
        requireHandler(caller);
        Referral referral = find(id);
        if (referral == null || !caller.covers(referral.regionCode())) {
            throw ProblemException.notFound("未找到该转介。");
        }
        return referral;
    }

    /** The source capability follows its referral through this event (e.g. the proxy request's timeline). */
    private Referral changed(Caller caller, UUID id, String eventType, String auditAction) {
        Referral referral = find(id);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("referralId", id.toString());
        event.put("source", referral.source());
        event.put("sourceId", referral.sourceId().toString());
        event.put("target", referral.target());
        event.put("status", referral.status());
        event.put("outcome", referral.outcome());
        outbox.add(TOPIC, referral.sourceId().toString(), eventType, "referral", event);
        audit.record(new AuditEntry(caller.accountId(), String.join(",", caller.roles().stream().map(Enum::name).toList()),
                auditAction, "referral", id.toString(), AuditEntry.Outcome.SUCCESS, referral.target()));
        return referral;
    }

    private static void requireHandler(Caller caller) {
        if (!caller.isStaff() || !(caller.has(Role.LAWYER) || caller.has(Role.ADMIN)) || caller.regionCode() == null) {
            throw ProblemException.forbidden("只有本辖区的律师或管理员可以处理转介。");
        }
    }

    private Referral find(UUID id) {
        List<Referral> found = jdbc.prepareStatement("select * from appointments.referral where id = ?", s -> {
            s.setObject(1, id);
            return rows(s.executeQuery());
        });
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Referral> rows(ResultSet rs) throws SQLException {
        List<Referral> list = new ArrayList<>();
        while (rs.next()) {
            String target = rs.getString("target");
            String status = rs.getString("status");
            list.add(new Referral(rs.getObject("id", UUID.class), rs.getString("source"), rs.getObject("source_id", UUID.class),
                    target, Referral.targetLabel(target), rs.getString("region_code"), rs.getString("item_code"), status,
                    Referral.statusLabel(status), instant(rs, "received_at"), rs.getString("taken_by"),
                    instant(rs, "taken_at"), instant(rs, "closed_at"), rs.getString("outcome")));
        }
        return list;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
