package cn.nanning.civic.proxy.requests;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Rows of proxy.proxy_referral: a request's referrals to legal aid or mediation. */
@Singleton
class ReferralStore {

    private final JdbcOperations jdbc;

    ReferralStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void save(Requests.Referral referral) {
        jdbc.prepareStatement("""
                insert into proxy.proxy_referral (id, request_id, target, reason, referred_by, referred_at) values (?, ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, referral.id());
            s.setObject(2, referral.requestId());
            s.setString(3, referral.target());
            s.setString(4, referral.reason());
            s.setString(5, referral.referredBy());
            s.setTimestamp(6, Timestamp.from(referral.referredAt()));
            return s.executeUpdate();
        });
    }

    Optional<Requests.Referral> find(UUID id) {
        return jdbc.prepareStatement("""
                select id, request_id, target, reason, referred_by, referred_at from proxy.proxy_referral where id = ?""", s -> {
            s.setObject(1, id);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<Requests.Referral>empty();
                }
                return Optional.of(new Requests.Referral(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant()));
            }
        });
    }
}
