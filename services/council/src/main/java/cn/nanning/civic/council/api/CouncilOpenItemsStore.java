package cn.nanning.civic.council.api;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/** A citizen's topics still collecting support and meetings they registered for that are still ahead. */
@Singleton
public class CouncilOpenItemsStore {

    private final JdbcOperations jdbc;

    CouncilOpenItemsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    public record OpenItems(int openTopics, int upcomingMeetings) {
    }

    @Transactional(readOnly = true)
    public OpenItems of(String accountId, Instant now) {
        return jdbc.prepareStatement("""
                select
                  (select count(*) from council.topic t where t.proposer_account = ? and t.status = 'OPEN') as topics,
                  (select count(*) from council.meeting_registration r join council.meeting m on m.id = r.meeting_id
                    where r.account_id = ? and m.status = 'SCHEDULED' and m.starts_at > ?) as meetings""", s -> {
            s.setString(1, accountId);
            s.setString(2, accountId);
            s.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new OpenItems(rs.getInt("topics"), rs.getInt("meetings"));
            }
        });
    }
}
