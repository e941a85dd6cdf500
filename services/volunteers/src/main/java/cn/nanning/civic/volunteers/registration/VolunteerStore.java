package cn.nanning.civic.volunteers.registration;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for volunteer rows and their consent history. */
@Singleton
class VolunteerStore {

    private final JdbcOperations jdbc;

    VolunteerStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** By the citizen (WeChat) account, or by the portal account the person linked to their record. */
    @Transactional
    Optional<VolunteerRow> byAccount(String accountId) {
        return jdbc.prepareStatement("select * from volunteers.volunteer where account_id = ? or portal_account_id = ?", ps -> {
            ps.setString(1, accountId);
            ps.setString(2, accountId);
            List<VolunteerRow> rows = all(ps);
            // The citizen account wins should both ever match (account ids are UUIDs from different tables).
            return rows.stream().filter(r -> r.accountId().equals(accountId)).findFirst().or(() -> rows.stream().findFirst());
        });
    }

    /** Keyed hashes behind the administrators' search (full name, masked ID number). */
    @Transactional
    void setSearchIndexes(UUID id, String nameIndex, String maskedIdIndex) {
        jdbc.prepareStatement("update volunteers.volunteer set name_blind_index = ?, masked_id_blind_index = ? where id = ?", ps -> {
            ps.setString(1, nameIndex);
            ps.setString(2, maskedIdIndex);
            ps.setObject(3, id);
            return ps.executeUpdate();
        });
    }

    /** Active records registered before the search indexes existed, a batch at a time. */
    @Transactional
    List<VolunteerRow> withoutSearchIndexes(int limit) {
        return jdbc.prepareStatement("""
                select * from volunteers.volunteer where status = 'ACTIVE' and name_blind_index is null order by id limit ?""", ps -> {
            ps.setInt(1, limit);
            return all(ps);
        });
    }

    /** Search within an area (code prefix); each filter is optional. Newest registrations first. */
    @Transactional
    List<VolunteerRow> search(String areaPrefix, String nameIndex, String idIndex, String maskedIdIndex, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select * from volunteers.volunteer where home_region like ?");
        List<Object> args = new ArrayList<>();
        args.add(areaPrefix + "%");
        if (nameIndex != null) {
            sql.append(" and name_blind_index = ?");
            args.add(nameIndex);
        }
        if (idIndex != null) {
            sql.append(" and id_blind_index = ?");
            args.add(idIndex);
        }
        if (maskedIdIndex != null) {
            sql.append(" and masked_id_blind_index = ?");
            args.add(maskedIdIndex);
        }
        sql.append(" order by registered_at desc, id limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return all(ps);
        });
    }

    @Transactional
    void addLinkCode(String codeHash, UUID volunteerId, Instant at, Instant expiresAt) {
        jdbc.prepareStatement("""
                insert into volunteers.portal_link_code (code_hash, volunteer_id, created_at, expires_at) values (?, ?, ?, ?)""", ps -> {
            ps.setString(1, codeHash);
            ps.setObject(2, volunteerId);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setTimestamp(4, Timestamp.from(expiresAt));
            return ps.executeUpdate();
        });
    }

    /** Uses a valid, unused code once; returns the volunteer it was issued for. */
    @Transactional
    Optional<UUID> useLinkCode(String codeHash, String usedBy, Instant at) {
        return jdbc.prepareStatement("""
                update volunteers.portal_link_code set used_at = ?, used_by = ?
                where code_hash = ? and used_at is null and expires_at > ? returning volunteer_id""", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, usedBy);
            ps.setString(3, codeHash);
            ps.setTimestamp(4, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /** Links a portal account to a record (replacing an earlier link of that record); false if the account is linked elsewhere. */
    @Transactional
    boolean linkPortalAccount(UUID volunteerId, String portalAccountId) {
        return jdbc.prepareStatement("""
                update volunteers.volunteer set portal_account_id = ? where id = ?
                and not exists (select 1 from volunteers.volunteer o where o.portal_account_id = ? and o.id <> ?)""", ps -> {
            ps.setString(1, portalAccountId);
            ps.setObject(2, volunteerId);
            ps.setString(3, portalAccountId);
            ps.setObject(4, volunteerId);
            return ps.executeUpdate() == 1;
        });
    }

    @Transactional
    void unlinkPortalAccount(UUID volunteerId) {
        jdbc.prepareStatement("update volunteers.volunteer set portal_account_id = null where id = ?", ps -> {
            ps.setObject(1, volunteerId);
            return ps.executeUpdate();
        });
    }

    /** Moves the record to another village and keeps the move; false when it is not in {@code from} any more (a race). */
    @Transactional
    boolean transfer(UUID id, String from, String to, String reason, String actor, Instant at) {
        int moved = jdbc.prepareStatement("update volunteers.volunteer set home_region = ? where id = ? and home_region = ?", ps -> {
            ps.setString(1, to);
            ps.setObject(2, id);
            ps.setString(3, from);
            return ps.executeUpdate();
        });
        if (moved == 0) {
            return false;
        }
        jdbc.prepareStatement("""
                insert into volunteers.volunteer_transfer (volunteer_id, from_region, to_region, reason, actor, occurred_at)
                values (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, id);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setString(4, reason);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate();
        });
        return true;
    }

    record TransferEntry(String fromRegion, String toRegion, String reason, Instant occurredAt) {
    }

    @Transactional
    List<TransferEntry> transfers(UUID id) {
        return jdbc.prepareStatement("""
                select from_region, to_region, reason, occurred_at from volunteers.volunteer_transfer where volunteer_id = ? order by id""", ps -> {
            ps.setObject(1, id);
            List<TransferEntry> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new TransferEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return list;
        });
    }

    @Transactional
    Optional<String> regionName(String code) {
        return jdbc.prepareStatement("select name from kernel.region where code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Transactional
    Optional<VolunteerRow> byId(UUID id) {
        return one("select * from volunteers.volunteer where id = ?", id);
    }

    @Transactional
    List<VolunteerRow> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("select * from volunteers.volunteer where id = any(?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray()));
            return all(ps);
        });
    }

    /** Inserts unless the account or the ID number is already registered; the unique indexes decide under concurrency. */
    @Transactional
    boolean insertIfNew(VolunteerRow v) {
        return jdbc.prepareStatement("""
                insert into volunteers.volunteer (id, account_id, id_blind_index, real_name, id_number, phone, birth_date, sex,
                    home_region, skills, availability, guardian_name, guardian_phone, guardian_relation, status, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, v.id());
            ps.setString(2, v.accountId());
            ps.setString(3, v.idBlindIndex());
            bindPersonal(ps, v, 4);
            ps.setString(15, v.status());
            ps.setTimestamp(16, Timestamp.from(v.registeredAt()));
            return ps.executeUpdate() == 1;
        });
    }

    /** Fills a withdrawn record again after the person consents anew. */
    @Transactional
    void reactivate(VolunteerRow v) {
        jdbc.prepareStatement("""
                update volunteers.volunteer set real_name = ?, id_number = ?, phone = ?, birth_date = ?, sex = ?, home_region = ?,
                    skills = ?, availability = ?, guardian_name = ?, guardian_phone = ?, guardian_relation = ?,
                    status = 'ACTIVE', withdrawn_at = null
                where id = ?""", ps -> {
            bindPersonal(ps, v, 1);
            ps.setObject(12, v.id());
            return ps.executeUpdate();
        });
    }

    private static void bindPersonal(PreparedStatement ps, VolunteerRow v, int from) throws SQLException {
        ps.setString(from, v.realName());
        ps.setString(from + 1, v.idNumber());
        ps.setString(from + 2, v.phone());
        ps.setDate(from + 3, Date.valueOf(v.birthDate()));
        ps.setString(from + 4, v.sex());
        ps.setString(from + 5, v.homeRegion());
        ps.setArray(from + 6, ps.getConnection().createArrayOf("text", v.skills().toArray()));
        ps.setString(from + 7, v.availability());
        ps.setString(from + 8, v.guardianName());
        ps.setString(from + 9, v.guardianPhone());
        ps.setString(from + 10, v.guardianRelation());
    }

    /** Withdrawal: identity data is erased; only the keyed hash stays, so the same person keeps one record. */
    @Transactional
    void eraseIdentity(UUID id, Instant at) {
        jdbc.prepareStatement("""
                update volunteers.volunteer set real_name = null, id_number = null, phone = null, birth_date = null, sex = null,
                    guardian_name = null, guardian_phone = null, guardian_relation = null,
                    name_blind_index = null, masked_id_blind_index = null,
                    status = 'CONSENT_WITHDRAWN', withdrawn_at = ?
                where id = ?""", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    @Transactional
    void addConsent(UUID volunteerId, String purpose, String action, String policyVersion, String actor, Instant at) {
        jdbc.prepareStatement("""
                insert into volunteers.consent_record (volunteer_id, purpose, action, policy_version, actor, occurred_at)
                values (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, volunteerId);
            ps.setString(2, purpose);
            ps.setString(3, action);
            ps.setString(4, policyVersion);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    @Transactional
    List<ConsentEntry> consents(UUID volunteerId) {
        return jdbc.prepareStatement("""
                select purpose, action, policy_version, occurred_at from volunteers.consent_record
                where volunteer_id = ? order by id""", ps -> {
            ps.setObject(1, volunteerId);
            List<ConsentEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new ConsentEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return entries;
        });
    }

    @Transactional
    Optional<String> regionLevel(String code) {
        return jdbc.prepareStatement("select level from kernel.region where code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    private Optional<VolunteerRow> one(String sql, Object key) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, key);
            List<VolunteerRow> rows = all(ps);
            return rows.isEmpty() ? Optional.<VolunteerRow>empty() : Optional.of(rows.get(0));
        });
    }

    private static List<VolunteerRow> all(PreparedStatement ps) throws SQLException {
        List<VolunteerRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date birth = rs.getDate("birth_date");
                Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
                rows.add(new VolunteerRow(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("id_blind_index"),
                        rs.getString("real_name"), rs.getString("id_number"), rs.getString("phone"),
                        birth != null ? birth.toLocalDate() : null, rs.getString("sex"), rs.getString("home_region"),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()), rs.getString("availability"),
                        rs.getString("guardian_name"), rs.getString("guardian_phone"), rs.getString("guardian_relation"),
                        rs.getString("status"), rs.getTimestamp("registered_at").toInstant(),
                        withdrawn != null ? withdrawn.toInstant() : null));
            }
        }
        return rows;
    }

    record ConsentEntry(String purpose, String action, String policyVersion, Instant at) {
    }
}
