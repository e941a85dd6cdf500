package cn.nanning.civic.proxy.requests;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Rows of proxy.idempotency_key: which result a caller's key already produced. */
@Singleton
class IdempotencyKeyStore {

    private final JdbcOperations jdbc;

    IdempotencyKeyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> find(String caller, String scope, String key) {
        return jdbc.prepareStatement("select result_id from proxy.idempotency_key where caller = ? and scope = ? and key = ?", s -> {
            s.setString(1, caller);
            s.setString(2, scope);
            s.setString(3, key);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
    }

    /**
     * Records the key's result in the caller's transaction; false when the key is taken already (a concurrent attempt
     * with the same key committed first: PostgreSQL makes this insert wait for it, then skips it).
     */
    boolean remember(String caller, String scope, String key, UUID resultId, Instant at) {
        return jdbc.prepareStatement("""
                insert into proxy.idempotency_key (caller, scope, key, result_id, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", s -> {
            s.setString(1, caller);
            s.setString(2, scope);
            s.setString(3, key);
            s.setObject(4, resultId);
            s.setTimestamp(5, Timestamp.from(at));
            return s.executeUpdate() == 1;
        });
    }

    /** Keys older than {@code before}: a client repeats within minutes, not weeks. */
    int forgetOlderThan(Instant before) {
        return jdbc.prepareStatement("delete from proxy.idempotency_key where created_at < ?", s -> {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        });
    }
}
