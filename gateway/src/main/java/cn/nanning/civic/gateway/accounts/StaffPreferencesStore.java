package cn.nanning.civic.gateway.accounts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

/** The preferences columns of identity.staff_account: read and written only by the member themselves. */
@Singleton
class StaffPreferencesStore {

    /** What the member chose; defaults for a member who never chose. */
    record Preferences(boolean largeText) {
    }

    private final JdbcOperations jdbc;

    StaffPreferencesStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The preferences of an enabled staff account; empty for a citizen, a disabled or an unknown account. */
    @Transactional(readOnly = true)
    Optional<Preferences> of(UUID accountId) {
        return jdbc.prepareStatement("select large_text from identity.staff_account where id = ? and enabled", ps -> {
            ps.setObject(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Preferences(rs.getBoolean(1))) : Optional.empty();
            }
        });
    }

    /** Stores the preferences; false when there is no enabled staff account of that id. */
    @Transactional
    boolean save(UUID accountId, Preferences preferences) {
        return jdbc.prepareStatement("update identity.staff_account set large_text = ? where id = ? and enabled", ps -> {
            ps.setBoolean(1, preferences.largeText());
            ps.setObject(2, accountId);
            return ps.executeUpdate() == 1;
        });
    }
}
