package cn.nanning.civic.kernel.audit;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Writes the append-only audit log. A database trigger refuses updates, deletes and truncation, and in production
 * the application's role holds only INSERT and SELECT on the table.
 */
@Singleton
public class AuditLog {

    private final JdbcOperations jdbc;

    AuditLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction when there is one, so the audit row and the audited change commit together. */
    @Transactional
    public void record(AuditEntry entry) {
        jdbc.prepareStatement("""
                insert into kernel.audit_log (actor, actor_roles, action, target_type, target_id, outcome, request_id, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setString(1, entry.actor());
            statement.setString(2, entry.actorRoles());
            statement.setString(3, entry.action());
            statement.setString(4, entry.targetType());
            statement.setString(5, entry.targetId());
            statement.setString(6, entry.outcome().name());
            statement.setString(7, RequestIds.current());
            statement.setString(8, entry.detail());
            return statement.executeUpdate();
        });
    }
}
