package cn.nanning.civic.common.pii;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * After {@code PII_KEYS} rotates (a new key first), moves every encrypted value still under an older key to the current
 * one, batch by batch, so a retired key can later be removed from {@code PII_KEYS} without losing data. Runs every
 * {@code civic.pii.reencryption.interval} (6 h) and on demand ({@link #reencryptAll()}). A row changed meanwhile is
 * left for the next run (the update only applies to the value it read); a value that does not decrypt is counted and
 * logged, never overwritten. Blind indexes do not change: they use their own key.
 */
@Singleton
@Requires(beans = FieldCipher.class)
@Requires(classes = DataSourceResolver.class)
@Requires(beans = DataSource.class)
public class Reencryption {

    private static final Logger LOG = LoggerFactory.getLogger(Reencryption.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    private static final int BATCH = 500;

    /** What a run did: values moved to the current key, and values that did not decrypt. */
    public record Outcome(long reencrypted, long failed) {
    }

    private final FieldCipher cipher;
    private final DataSource pool;
    private final List<EncryptedColumns.Column> columns = new ArrayList<>();

    public Reencryption(FieldCipher cipher, DataSource dataSource, @Nullable DataSourceResolver resolver, List<EncryptedColumns> modules) {
        this.cipher = cipher;
        // The injected data source only hands out connections inside transactions; each batch here commits by itself.
        this.pool = (resolver != null ? resolver : DataSourceResolver.DEFAULT).resolve(dataSource);
        modules.forEach(m -> m.columns().forEach(c -> {
            for (String name : List.of(c.table(), c.idColumn(), c.column())) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a plain SQL name: " + name);
                }
            }
            columns.add(c);
        }));
    }

    @Scheduled(fixedDelay = "${civic.pii.reencryption.interval:6h}", initialDelay = "${civic.pii.reencryption.initial-delay:5m}")
    void scheduled() {
        try {
            Outcome outcome = reencryptAll();
            if (outcome.reencrypted() > 0 || outcome.failed() > 0) {
                LOG.info("Re-encrypted {} values under the current key ({} did not decrypt)", outcome.reencrypted(), outcome.failed());
            }
        } catch (RuntimeException e) {
            LOG.warn("Re-encryption paused: {}", e.getMessage());
        }
    }

    /** Moves every value of every registered column that is not under the current key. */
    public Outcome reencryptAll() {
        long moved = 0;
        long failed = 0;
        for (EncryptedColumns.Column column : columns) {
            Outcome outcome = reencrypt(column);
            moved += outcome.reencrypted();
            failed += outcome.failed();
        }
        return new Outcome(moved, failed);
    }

    private Outcome reencrypt(EncryptedColumns.Column c) {
        String current = cipher.currentKeyId() + ":";
        String select = "select " + c.idColumn() + ", " + c.column() + " from " + c.table() + " where " + c.column()
                + " is not null and " + c.column() + " not like ? and " + c.idColumn() + "::text > ? order by " + c.idColumn()
                + "::text limit " + BATCH;
        String update = "update " + c.table() + " set " + c.column() + " = ? where " + c.idColumn() + "::text = ? and "
                + c.column() + " = ?";
        long moved = 0;
        long failed = 0;
        String after = "";
        try (Connection db = pool.getConnection()) {
            db.setAutoCommit(true);
            while (true) {
                List<String[]> rows = new ArrayList<>();
                try (PreparedStatement query = db.prepareStatement(select)) {
                    query.setString(1, current.replace("_", "\\_").replace("%", "\\%") + "%");
                    query.setString(2, after);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new String[]{rs.getString(1), rs.getString(2)});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return new Outcome(moved, failed);
                }
                try (PreparedStatement write = db.prepareStatement(update)) {
                    for (String[] row : rows) {
                        after = row[0];
                        String fresh;
                        try {
                            fresh = cipher.encrypt(cipher.decrypt(row[1], c.context()), c.context());
                        } catch (IllegalStateException undecryptable) {
                            failed++;
                            LOG.error("{}.{} of row {} does not decrypt with any configured key; left as it is", c.table(), c.column(), row[0]);
                            continue;
                        }
                        write.setString(1, fresh);
                        write.setString(2, row[0]);
                        write.setString(3, row[1]);
                        moved += write.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("re-encrypting " + c.table() + "." + c.column() + " failed: " + e.getMessage(), e);
        }
    }
}
