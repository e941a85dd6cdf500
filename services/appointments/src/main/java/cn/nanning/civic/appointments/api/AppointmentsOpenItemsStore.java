package cn.nanning.civic.appointments.api;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/** A citizen's appointments still ahead and legal-aid applications not yet decided, for the citizen's own summary. */
@Singleton
public class AppointmentsOpenItemsStore {

    private final JdbcOperations jdbc;

    AppointmentsOpenItemsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts: confirmed bookings still to come; applications under review; of those, waiting for the citizen's supplement. */
    @Serdeable
    public record OpenItems(int upcomingBookings, int legalAidApplications, int legalAidSupplementsRequested) {
    }

    @Transactional(readOnly = true)
    public OpenItems of(String accountId, Instant now) {
        return jdbc.prepareStatement("""
                select
                  (select count(*) from appointments.booking b
                    where b.citizen_account_id = ? and b.status = 'CONFIRMED' and b.starts_at > ?) as bookings,
                  (select count(*) from appointments.legal_aid_application a
                    where a.citizen_account_id = ? and a.status in ('UNDER_REVIEW', 'SUPPLEMENT_REQUESTED')) as applications,
                  (select count(*) from appointments.legal_aid_application a
                    where a.citizen_account_id = ? and a.status = 'SUPPLEMENT_REQUESTED') as supplements""", s -> {
            s.setString(1, accountId);
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, accountId);
            s.setString(4, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new OpenItems(rs.getInt("bookings"), rs.getInt("applications"), rs.getInt("supplements"));
            }
        });
    }
}
