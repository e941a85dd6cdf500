package cn.nanning.civic.appointments.retention;

import cn.nanning.civic.appointments.legalaid.ApplicationDocuments;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One batch of anonymisation per call, each in its own transaction, rows locked with SKIP LOCKED so several instances
 * can run the job at once. Personal fields that are NOT NULL get an encrypted placeholder, so every reader keeps working.
 */
@Singleton
class Anonymiser {

    static final String PLACEHOLDER = "已匿名化";
    static final String NO_ACCOUNT = "anonymised";

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationDocuments documents;

    Anonymiser(JdbcOperations jdbc, FieldCipher cipher, AuditLog audit, ApplicationDocuments documents) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.documents = documents;
    }

    /**
     * Bookings whose time ended before the cut-off: the citizen (or the resident a clerk booked for), topic and reasons
     * go; the psychology intake loses the ID number, guardian and screening answers; counselling notes and their
     * shares are deleted. Kept: provider, service, mode, times, status, urgency, minor and risk flags.
     */
    @Transactional
    public int bookings(Instant cutoff, int limit, String actor) {
        List<UUID> ids = ids("""
                select id from appointments.booking where anonymised_at is null and ends_at < ?
                order by ends_at limit ? for update skip locked""", cutoff, limit);
        for (UUID id : ids) {
            exec("delete from appointments.counselling_note_share where booking_id = ?", id);
            exec("delete from appointments.counselling_note where booking_id = ?", id);
            jdbc.prepareStatement("""
                    update appointments.psychology_intake set client_id_number = ?, client_id_index = ?,
                        guardian = case when guardian is null then null else ? end, screening = null where booking_id = ?""", s -> {
                s.setString(1, cipher.encrypt("", "psychology_intake.client_id_number"));
                s.setString(2, NO_ACCOUNT);
                s.setString(3, cipher.encrypt(PLACEHOLDER, "psychology_intake.guardian"));
                s.setObject(4, id);
                return s.executeUpdate();
            });
            jdbc.prepareStatement("""
                    update appointments.assisted_booking set resident_name = ?, resident_phone = ? where booking_id = ?""", s -> {
                s.setString(1, cipher.encrypt(PLACEHOLDER, "assisted_booking.resident_name"));
                s.setString(2, cipher.encrypt("", "assisted_booking.resident_phone"));
                s.setObject(3, id);
                return s.executeUpdate();
            });
            jdbc.prepareStatement("""
                    update appointments.booking set citizen_account_id = ?, topic = null, cancel_reason = null,
                        cancelled_by = case when cancelled_by is null then null else ? end, anonymised_at = now() where id = ?""", s -> {
                s.setString(1, NO_ACCOUNT);
                s.setString(2, NO_ACCOUNT);
                s.setObject(3, id);
                return s.executeUpdate();
            });
            audit.record(new AuditEntry(actor, null, "appointments.retention.anonymise", "booking", id.toString(),
                    AuditEntry.Outcome.SUCCESS, null));
        }
        return ids.size();
    }

    /**
     * Closed legal-aid applications (refused, or handed to an assigned lawyer) decided before the cut-off: applicant
     * data, other party, description, statements and documents go. Kept: region, case type, exempt ground, status,
     * dates and the assigned provider. Returns the documents whose files are to be deleted after the commit.
     */
    @Transactional
    public Batch applications(Instant cutoff, int limit, String actor) {
        List<UUID> ids = ids("""
                select id from appointments.legal_aid_application where anonymised_at is null and status in ('REJECTED', 'ASSIGNED', 'WITHDRAWN')
                and coalesce(assigned_at, decided_at) < ? order by coalesce(assigned_at, decided_at) limit ? for update skip locked""",
                cutoff, limit);
        List<UUID> files = new ArrayList<>();
        for (UUID id : ids) {
            List<UUID> removed = documents.purgeRows(id);
            files.addAll(removed);
            jdbc.prepareStatement("""
                    update appointments.legal_aid_application set citizen_account_id = ?, applicant_name = ?, id_number = ?,
                        id_number_index = ?, phone = ?, other_party = ?, description = ?,
                        hardship_statement = case when hardship_statement is null then null else ? end,
                        supplement_request = null, supplement_note = null, decision_reasons = null, anonymised_at = now()
                    where id = ?""", s -> {
                s.setString(1, NO_ACCOUNT);
                s.setString(2, cipher.encrypt(PLACEHOLDER, "legal_aid_application.applicant_name"));
                s.setString(3, cipher.encrypt("", "legal_aid_application.id_number"));
                s.setString(4, NO_ACCOUNT);
                s.setString(5, cipher.encrypt("", "legal_aid_application.phone"));
                s.setString(6, PLACEHOLDER);
                s.setString(7, PLACEHOLDER);
                s.setString(8, PLACEHOLDER);
                s.setObject(9, id);
                return s.executeUpdate();
            });
            audit.record(new AuditEntry(actor, null, "appointments.retention.anonymise", "legal_aid_application", id.toString(),
                    AuditEntry.Outcome.SUCCESS, removed.isEmpty() ? null : removed.size() + " documents removed"));
        }
        return new Batch(ids.size(), files);
    }

    /** Closed referrals keep only the link to the proxy request and its dates; waitlist entries of past days go. */
    @Transactional
    public int referralsAndWaitlist(Instant cutoff, LocalDate cutoffDay, String actor) {
        int referrals = jdbc.prepareStatement("""
                update appointments.referral set citizen_account_id = null, outcome = null
                where status = 'CLOSED' and closed_at < ? and (citizen_account_id is not null or outcome is not null)""", s -> {
            s.setTimestamp(1, Timestamp.from(cutoff));
            return s.executeUpdate();
        });
        int waitlist = jdbc.prepareStatement("delete from appointments.waitlist_entry where day < ?", s -> {
            s.setObject(1, cutoffDay);
            return s.executeUpdate();
        });
        if (referrals + waitlist > 0) {
            audit.record(new AuditEntry(actor, null, "appointments.retention.anonymise", "referral,waitlist_entry", null,
                    AuditEntry.Outcome.SUCCESS, referrals + " referrals, " + waitlist + " waitlist entries"));
        }
        return referrals + waitlist;
    }

    record Batch(int count, List<UUID> documentIds) {
    }

    private void exec(String sql, UUID id) {
        jdbc.prepareStatement(sql, s -> {
            s.setObject(1, id);
            return s.executeUpdate();
        });
    }

    private List<UUID> ids(String sql, Instant cutoff, int limit) {
        return jdbc.prepareStatement(sql, s -> {
            s.setTimestamp(1, Timestamp.from(cutoff));
            s.setInt(2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
