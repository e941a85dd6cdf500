package cn.nanning.civic.kernel.homeregion;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** SQL of {@code kernel.citizen_home_region}. */
@Singleton
class HomeRegionStore {

    private final JdbcOperations jdbc;

    HomeRegionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> regionOf(String accountId) {
        return jdbc.prepareStatement("select region_code from kernel.citizen_home_region where account_id = ?", s -> {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    void save(String accountId, String regionCode, Instant at) {
        jdbc.prepareStatement("""
                insert into kernel.citizen_home_region (account_id, region_code, updated_at) values (?, ?, ?)
                on conflict (account_id) do update set region_code = excluded.region_code, updated_at = excluded.updated_at""", s -> {
            s.setString(1, accountId);
            s.setString(2, regionCode);
            s.setTimestamp(3, Timestamp.from(at));
            return s.executeUpdate();
        });
    }
}
