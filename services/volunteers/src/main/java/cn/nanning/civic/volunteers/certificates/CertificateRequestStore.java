package cn.nanning.civic.volunteers.certificates;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for volunteers' certificate requests; callers hold the transaction. */
@Singleton
class CertificateRequestStore {

    private final JdbcOperations jdbc;

    CertificateRequestStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new open request; false when the volunteer already has one of that kind open. */
    boolean insert(UUID id, UUID volunteerId, String kind, String purpose, Instant at) {
        return jdbc.prepareStatement("""
                insert into volunteers.certificate_request (id, volunteer_id, kind, purpose, status, requested_at)
                values (?, ?, ?, ?, 'OPEN', ?) on conflict (volunteer_id, kind) where status = 'OPEN' do nothing""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, volunteerId);
            ps.setString(3, kind);
            ps.setString(4, purpose);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate() == 1;
        });
    }

    Optional<Row> find(UUID id, boolean lock) {
        return jdbc.prepareStatement("select * from volunteers.certificate_request where id = ?" + (lock ? " for update" : ""), ps -> {
            ps.setObject(1, id);
            return all(ps.executeQuery()).stream().findFirst();
        });
    }

    List<Row> ofVolunteer(UUID volunteerId, int limit, int offset) {
        return jdbc.prepareStatement("""
                select * from volunteers.certificate_request where volunteer_id = ? order by requested_at desc, id limit ? offset ?""", ps -> {
            ps.setObject(1, volunteerId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            return all(ps.executeQuery());
        });
    }

    long countOfVolunteer(UUID volunteerId) {
        return jdbc.prepareStatement("select count(*) from volunteers.certificate_request where volunteer_id = ?", ps -> {
            ps.setObject(1, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Open requests of active volunteers living in the area (a region-code prefix), the oldest first. */
    List<Row> openIn(String areaPrefix, int limit, int offset) {
        return jdbc.prepareStatement("""
                select r.* from volunteers.certificate_request r join volunteers.volunteer v on v.id = r.volunteer_id
                where r.status = 'OPEN' and v.status = 'ACTIVE' and v.home_region like ?
                order by r.requested_at, r.id limit ? offset ?""", ps -> {
            ps.setString(1, areaPrefix + "%");
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            return all(ps.executeQuery());
        });
    }

    long countOpenIn(String areaPrefix) {
        return jdbc.prepareStatement("""
                select count(*) from volunteers.certificate_request r join volunteers.volunteer v on v.id = r.volunteer_id
                where r.status = 'OPEN' and v.status = 'ACTIVE' and v.home_region like ?""", ps -> {
            ps.setString(1, areaPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void issued(UUID id, String certificateNumber, String by, Instant at) {
        jdbc.prepareStatement("""
                update volunteers.certificate_request set status = 'ISSUED', certificate_number = ?, decided_by = ?, decided_at = ?
                where id = ? and status = 'OPEN'""", ps -> {
            ps.setString(1, certificateNumber);
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, id);
            return ps.executeUpdate();
        });
    }

    void declined(UUID id, String reason, String by, Instant at) {
        jdbc.prepareStatement("""
                update volunteers.certificate_request set status = 'DECLINED', decline_reason = ?, decided_by = ?, decided_at = ?
                where id = ? and status = 'OPEN'""", ps -> {
            ps.setString(1, reason);
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, id);
            return ps.executeUpdate();
        });
    }

    /** Confirmed minutes of a volunteer (the ledger's total), shown to staff deciding a request. */
    long confirmedMinutes(UUID volunteerId) {
        return jdbc.prepareStatement("select coalesce(sum(minutes), 0) from volunteers.hours_ledger where volunteer_id = ?", ps -> {
            ps.setObject(1, volunteerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    record Row(UUID id, UUID volunteerId, String kind, String purpose, String status, Instant requestedAt, Instant decidedAt,
               String certificateNumber, String declineReason) {
    }

    private static List<Row> all(ResultSet rs) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                Timestamp decided = rs.getTimestamp("decided_at");
                rows.add(new Row(rs.getObject("id", UUID.class), rs.getObject("volunteer_id", UUID.class), rs.getString("kind"),
                        rs.getString("purpose"), rs.getString("status"), rs.getTimestamp("requested_at").toInstant(),
                        decided != null ? decided.toInstant() : null, rs.getString("certificate_number"), rs.getString("decline_reason")));
            }
        }
        return rows;
    }
}
