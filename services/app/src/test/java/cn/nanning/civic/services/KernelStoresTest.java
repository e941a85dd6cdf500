package cn.nanning.civic.services;

import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.inbox.Inbox;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class KernelStoresTest {

    @Inject
    AuditLog audit;

    @Inject
    Inbox inbox;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void auditRowsCanBeWrittenButNeverChangedOrDeleted() {
        String target = UUID.randomUUID().toString();
        audit.record(new AuditEntry("tester", "ADMIN", "test.audit", "thing", target, AuditEntry.Outcome.SUCCESS, null));
        assertThat(countAudit(target)).isEqualTo(1);
        assertThatThrownBy(() -> tx.executeWrite(s -> jdbc.prepareStatement("update kernel.audit_log set outcome = 'FAILURE' where target_id = ?", ps -> {
            ps.setString(1, target);
            return ps.executeUpdate();
        }))).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> tx.executeWrite(s -> jdbc.prepareStatement("delete from kernel.audit_log where target_id = ?", ps -> {
            ps.setString(1, target);
            return ps.executeUpdate();
        }))).hasStackTraceContaining("append-only");
        assertThat(countAudit(target)).isEqualTo(1);
    }

    @Test
    void theInboxAcceptsAnEventOncePerConsumer() {
        UUID event = UUID.randomUUID();
        assertThat(deliver("indexer", event)).isTrue();
        assertThat(deliver("indexer", event)).isFalse();
        assertThat(deliver("notifier", event)).isTrue();
    }

    @Test
    void anInboxEntryRolledBackWithItsEffectLetsTheEventBeRetried() {
        UUID event = UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWrite(s -> {
            inbox.firstDelivery("indexer", event);
            throw new IllegalStateException("effect failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(deliver("indexer", event)).isTrue();
    }

    private boolean deliver(String consumer, UUID event) {
        Boolean first = tx.executeWrite(s -> inbox.firstDelivery(consumer, event));
        return first;
    }

    private long countAudit(String target) {
        return tx.executeRead(s -> jdbc.prepareStatement("select count(*) from kernel.audit_log where target_id = ?", ps -> {
            ps.setString(1, target);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }));
    }
}
