package cn.nanning.civic.volunteers.api;

import cn.nanning.civic.volunteers.hours.StarLevel;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The volunteers module's answer to "is this citizen a volunteer, and how far along": for other modules and the
 * citizen's own summary ({@code GET /api/v1/me}), without their reading the module's tables.
 */
@Singleton
public class VolunteerStandingStore {

    private final JdbcOperations jdbc;

    VolunteerStandingStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** An active volunteer's standing: stars in effect (after their public notice), confirmed hours, sign-ups ahead. */
    @Serdeable
    public record Standing(int starLevel, String starLabel, BigDecimal confirmedHours, int upcomingSignups) {
    }

    /** Empty when the account has no active volunteer record. */
    @Transactional(readOnly = true)
    public Optional<Standing> of(String accountId, Instant now) {
        return jdbc.prepareStatement("""
                select
                  (select coalesce(max(n.stars), 0) from volunteers.star_notice n
                    where n.volunteer_id = v.id and n.status = 'EFFECTIVE') as stars,
                  (select coalesce(sum(l.minutes), 0) from volunteers.hours_ledger l where l.volunteer_id = v.id) as minutes,
                  (select count(*) from volunteers.signup s join volunteers.activity a on a.id = s.activity_id
                    where s.volunteer_id = v.id and s.status <> 'CANCELLED' and a.starts_at > ?) as upcoming
                from volunteers.volunteer v where v.account_id = ? and v.status = 'ACTIVE'""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, accountId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Standing>empty();
                }
                int stars = Math.min(rs.getInt("stars"), 5);
                BigDecimal hours = BigDecimal.valueOf(rs.getLong("minutes")).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN);
                return Optional.of(new Standing(stars, StarLevel.label(stars), hours, rs.getInt("upcoming")));
            }
        });
    }
}
