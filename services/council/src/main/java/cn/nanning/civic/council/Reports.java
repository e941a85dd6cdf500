package cn.nanning.civic.council;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Residents' reports on what others published (opinions and topics), kept in one table keyed by the kind of item.
 * One report per resident and item (the primary key decides races). An item with at least {@link #QUEUE_THRESHOLD}
 * unsettled reports waits in the council's moderation queue until a moderator publishes (keeps) or hides it; either
 * decision settles its reports. Who reported stays with us: moderators see the reasons and times only.
 * Runs inside the caller's transaction.
 */
@Singleton
public class Reports {

    /** What was reported. */
    public enum Kind { OPINION, TOPIC }

    /** Unsettled reports that put a visible item in the moderators' queue (a single report always has). */
    public static final int QUEUE_THRESHOLD = 1;

    /** The request body of a report, the same for every kind of item. */
    @Serdeable
    public record NewReport(@NotBlank(message = "请说明举报理由。") @Size(max = 200, message = "举报理由不超过 200 个字。") String reason) {
    }

    /** A report as moderators see it. */
    @Serdeable
    public record ReportView(String reason, Instant at) {
    }

    private final Db db;

    Reports(Db db) {
        this.db = db;
    }

    /** @return false when this resident had already reported the item (nothing is written then) */
    public boolean file(Kind kind, UUID itemId, String accountId, String reason, Instant at) {
        return db.update("""
                insert into council.content_report (item_kind, item_id, account_id, reason, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", kind, itemId, accountId, reason.strip(), at) == 1;
    }

    /** A moderator decided on the item: its reports leave the queue. */
    public void settle(Kind kind, UUID itemId) {
        db.update("update council.content_report set settled = true where item_kind = ? and item_id = ? and not settled", kind, itemId);
    }

    /** Unsettled reports of the item, oldest first. */
    public List<ReportView> open(Kind kind, UUID itemId) {
        return db.list("""
                select reason, created_at from council.content_report where item_kind = ? and item_id = ? and not settled
                order by created_at""", rs -> new ReportView(rs.getString("reason"), Db.instant(rs, "created_at")), kind, itemId);
    }

    public long openCount(Kind kind, UUID itemId) {
        return db.count("select count(*) from council.content_report where item_kind = ? and item_id = ? and not settled", kind, itemId);
    }

    /**
     * An SQL condition, true when the item whose id is in {@code idColumn} (e.g. {@code o.id}) has reached the
     * queue threshold. Only our own constants go into the text.
     */
    public static String queued(Kind kind, String idColumn) {
        if (!idColumn.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException(idColumn);
        }
        return "(select count(*) from council.content_report r where r.item_kind = '" + kind.name() + "' and r.item_id = " + idColumn
                + " and not r.settled) >= " + QUEUE_THRESHOLD;
    }
}
