package cn.nanning.civic.kernel.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRepository extends CrudRepository<OutboxEvent, Long> {

    /**
     * Whether this transaction may relay: one PostgreSQL advisory lock, held until the transaction ends (and released
     * by the server when the holder's connection dies, so a crashed instance hands over at once).
     */
    @Query(value = "select pg_try_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")", nativeQuery = true)
    boolean tryRelayLock();

    /** The oldest unpublished events, in order. Only the holder of the relay lock reads them. */
    @Query(value = """
            select * from kernel.outbox where published_at is null
            order by seq limit :limit for update""", nativeQuery = true)
    List<OutboxEvent> lockNextBatch(int limit);

    @Query(value = "update kernel.outbox set published_at = :publishedAt where seq = :seq", nativeQuery = true)
    void markPublished(long seq, Instant publishedAt);

    @Query(value = "update kernel.outbox set attempts = attempts + 1, last_error = :error where seq = :seq", nativeQuery = true)
    void markFailed(long seq, String error);

    @Query(value = "select count(*) from kernel.outbox where published_at is null", nativeQuery = true)
    long countUnpublished();
}
