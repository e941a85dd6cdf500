package cn.nanning.civic.gateway.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Insert and read only: the table refuses updates and deletes anyway. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRecordRepository extends GenericRepository<AuditRecord, Long> {

    AuditRecord save(AuditRecord record);

    @Query("""
            SELECT * FROM identity.audit_log
            WHERE (CAST(:actor AS text) IS NULL OR actor = :actor)
              AND (CAST(:action AS text) IS NULL OR action = :action)
              AND (CAST(:requestId AS text) IS NULL OR request_id = :requestId)
              AND occurred_at >= :since
              AND occurred_at < :until
            ORDER BY occurred_at DESC, id DESC
            LIMIT :limit""")
    List<AuditRecord> search(@Nullable String actor, @Nullable String action, @Nullable String requestId, Instant since,
                             Instant until, int limit);
}
