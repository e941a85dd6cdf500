package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
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
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Service certificates (志愿服务证明): issued by an organiser or admin whose area covers the volunteer, with the total
 * of confirmed hours at that moment; downloadable as PDF by the volunteer and the issuing area; verifiable by anyone
 * through the number (masked data only); revocable with a reason.
 */
@Singleton
class Certificates {

    /** A volunteer pages through their own certificates at most this many at a time. */
    static final int MAX_PAGE_SIZE = 50;

    static final String TOPIC = "volunteers.certificate.v1";
    /** Crockford base32 without I, L, O, U: readable over the phone, and 12 of them make numbers unguessable. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NOT_FOUND = "没有找到该证明。";

    private final Volunteers volunteers;
    private final JdbcOperations jdbc;
    private final Outbox outbox;
    private final AuditLog audit;
    private final VolunteersClock clock;
    private final VolunteersSettings settings;
    private final CertificatePdf pdf;
    private final VolunteerNotices notices;

    Certificates(Volunteers volunteers, JdbcOperations jdbc, Outbox outbox, AuditLog audit, VolunteersClock clock,
                 VolunteersSettings settings, CertificatePdf pdf, VolunteerNotices notices) {
        this.notices = notices;
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.pdf = pdf;
    }

    @Transactional
    CertificateViews.CertificateView issue(Caller caller, UUID volunteerId, CertificateViews.Issue command) {
        if (!caller.has(Role.ORGANIZER) && !caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("只有志愿服务组织者或管理员可以出具证明。");
        }
        // Unknown, withdrawn and outside-the-area volunteers get the same answer.
        Volunteers.MaskedIdentity who = volunteers.maskedIdentity(volunteerId)
                .filter(v -> caller.covers(v.homeRegion()))
                .orElseThrow(() -> ProblemException.notFound("没有找到该志愿者。"));
        long minutes = confirmedMinutes(volunteerId);
        if (minutes <= 0) {
            throw ProblemException.conflict("no-confirmed-hours", "该志愿者还没有经确认的服务时长，不能出具证明。");
        }
        Instant now = clock.now();
        CertificateRow row = new CertificateRow(newNumber(now), volunteerId, command.issuer().strip(), command.contact().strip(),
                caller.regionCode(), caller.accountId(), who.maskedName(), who.maskedIdNumber(), minutes, clock.today(), now, "ISSUED",
                null, null);
        jdbc.prepareStatement("""
                insert into volunteers.certificate (number, volunteer_id, issuer_name, issuer_contact, issuer_region, issued_by,
                    masked_name, masked_id, total_minutes, issued_on, issued_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED')""", ps -> {
            ps.setString(1, row.number());
            ps.setObject(2, row.volunteerId());
            ps.setString(3, row.issuerName());
            ps.setString(4, row.issuerContact());
            ps.setString(5, row.issuerRegion());
            ps.setString(6, row.issuedBy());
            ps.setString(7, row.maskedName());
            ps.setString(8, row.maskedId());
            ps.setLong(9, row.totalMinutes());
            ps.setDate(10, Date.valueOf(row.issuedOn()));
            ps.setTimestamp(11, Timestamp.from(now));
            return ps.executeUpdate();
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.certificate.issue", "volunteer", volunteerId.toString(),
                AuditEntry.Outcome.SUCCESS, row.number()));
        outbox.add(TOPIC, row.number(), "CertificateIssued", "certificate",
                new CertificateViews.CertificateEvent(row.number(), volunteerId, row.issuerRegion(), minutes, null));
        notices.certificateIssued(volunteerId, row.number());
        return view(row);
    }

    @Transactional
    PageOf<CertificateViews.CertificateView> mine(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, MAX_PAGE_SIZE);
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        long total = jdbc.prepareStatement("select count(*) from volunteers.certificate where volunteer_id = ?", ps -> {
            ps.setObject(1, me);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<CertificateViews.CertificateView> rows = jdbc.prepareStatement(
                "select * from volunteers.certificate where volunteer_id = ? order by issued_at desc, number limit ? offset ?", ps -> {
            ps.setObject(1, me);
            ps.setInt(2, size);
            ps.setInt(3, offset);
            return all(ps.executeQuery());
        }).stream().map(this::view).toList();
        return PageOf.of(rows, page, size, total);
    }

    /** The PDF, for the volunteer it certifies or staff of the issuing area; anyone else is told it does not exist. */
    @Transactional
    byte[] pdf(Caller caller, String number) {
        CertificateRow row = readable(caller, number);
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.certificate.download", "certificate", number,
                AuditEntry.Outcome.SUCCESS, null));
        return pdf.render(row, verificationUrl(row.number()));
    }

    @Transactional
    CertificateViews.CertificateView revoke(Caller caller, String number, CertificateViews.Revoke command) {
        CertificateRow row = find(number).filter(r -> isIssuingStaff(caller, r))
                .orElseThrow(() -> ProblemException.notFound(NOT_FOUND));
        if (row.revoked()) {
            throw ProblemException.conflict("already-revoked", "该证明已撤销。");
        }
        Instant now = clock.now();
        jdbc.prepareStatement("""
                update volunteers.certificate set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ?
                where number = ? and status = 'ISSUED'""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, caller.accountId());
            ps.setString(3, command.reason().strip());
            ps.setString(4, number);
            return ps.executeUpdate();
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.certificate.revoke", "certificate", number,
                AuditEntry.Outcome.SUCCESS, command.reason().strip()));
        outbox.add(TOPIC, number, "CertificateRevoked", "certificate",
                new CertificateViews.CertificateEvent(number, row.volunteerId(), row.issuerRegion(), row.totalMinutes(), command.reason().strip()));
        return view(find(number).orElseThrow());
    }

    /** Public verification: masked data only; unknown numbers and revoked certificates are refused. */
    @Transactional
    CertificateViews.Verification verify(String number) {
        CertificateRow row = find(normalised(number)).orElseThrow(() -> ProblemException.notFound("没有找到该证明编号，请核对后重试。"));
        if (row.revoked()) {
            throw new ProblemException(HttpStatus.GONE, "certificate-revoked", null, "该证明已被出具组织撤销，不能作为志愿服务证明使用。");
        }
        return new CertificateViews.Verification(row.number(), row.status(), "有效", row.maskedName(), row.maskedId(), row.hours(),
                row.issuerName(), row.issuerContact(), row.issuedOn());
    }

    private CertificateRow readable(Caller caller, String number) {
        Optional<UUID> me = volunteers.idOfAccount(caller.accountId());
        return find(number).filter(r -> me.map(r.volunteerId()::equals).orElse(false) || isIssuingStaff(caller, r))
                .orElseThrow(() -> ProblemException.notFound(NOT_FOUND));
    }

    private static boolean isIssuingStaff(Caller caller, CertificateRow r) {
        return (caller.has(Role.ORGANIZER) || caller.has(Role.ADMIN)) && caller.covers(r.issuerRegion());
    }

    private long confirmedMinutes(UUID volunteerId) {
        return jdbc.prepareStatement("select coalesce(sum(minutes), 0) from volunteers.hours_ledger where volunteer_id = ?", ps -> {
            ps.setObject(1, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Optional<CertificateRow> find(String number) {
        if (number == null || number.length() > 24) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("select * from volunteers.certificate where number = ?", ps -> {
            ps.setString(1, number);
            List<CertificateRow> rows = all(ps.executeQuery());
            return rows.isEmpty() ? Optional.<CertificateRow>empty() : Optional.of(rows.get(0));
        });
    }

    private static String normalised(String number) {
        return number == null ? null : number.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static List<CertificateRow> all(ResultSet rs) throws SQLException {
        List<CertificateRow> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                Timestamp revoked = rs.getTimestamp("revoked_at");
                rows.add(new CertificateRow(rs.getString("number"), rs.getObject("volunteer_id", UUID.class), rs.getString("issuer_name"),
                        rs.getString("issuer_contact"), rs.getString("issuer_region"), rs.getString("issued_by"), rs.getString("masked_name"),
                        rs.getString("masked_id"), rs.getLong("total_minutes"), rs.getDate("issued_on").toLocalDate(),
                        rs.getTimestamp("issued_at").toInstant(), rs.getString("status"), revoked != null ? revoked.toInstant() : null,
                        rs.getString("revoke_reason")));
            }
        }
        return rows;
    }

    /** NN + issue year + 12 random characters, e.g. NNZY2026-7KQ3M9XD2HFA. */
    private static String newNumber(Instant now) {
        StringBuilder b = new StringBuilder("NNZY").append(java.time.LocalDate.ofInstant(now, VolunteersClock.NANNING).getYear()).append('-');
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    String verificationUrl(String number) {
        return settings.verificationUrl() + number;
    }

    private CertificateViews.CertificateView view(CertificateRow r) {
        return new CertificateViews.CertificateView(r.number(), r.volunteerId(), r.maskedName(), r.maskedId(), r.totalMinutes(), r.hours(),
                r.issuerName(), r.issuerContact(), r.issuedOn(), r.issuedAt(), r.status(), r.revoked() ? "已撤销" : "有效", r.revokedAt(),
                r.revokeReason(), verificationUrl(r.number()), "/api/v1/volunteers/certificates/" + r.number() + "/pdf");
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
