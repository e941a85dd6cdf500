package cn.nanning.civic.kernel.inbox;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Makes event consumers idempotent: a consumer asks, inside the transaction that applies the event's effect,
 * whether it sees this event for the first time. A redelivered event then changes nothing.
 */
@Singleton
public class Inbox {

    private final JdbcOperations jdbc;

    Inbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as processed by {@code consumer}; false when it already was. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.prepareStatement(
                "insert into kernel.inbox (consumer, event_id) values (?, ?) on conflict do nothing",
                statement -> {
                    statement.setString(1, consumer);
                    statement.setObject(2, eventId);
                    return statement.executeUpdate() == 1;
                });
    }
}
