package cn.nanning.civic.gateway.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** SQL of the citizens' one-time subscribe-message subscriptions ({@code identity.notification_consent}). */
@Singleton
class NotificationConsents {

    /** WeChat keeps one-time subscriptions without a documented limit; we count no further than this. */
    static final int MAX_REMAINING = 50;

    private final JdbcOperations jdbc;

    NotificationConsents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one answer of the citizen to wx.requestSubscribeMessage for one template. */
    void answer(UUID accountId, String template, boolean accepted, Instant at) {
        jdbc.prepareStatement("""
                insert into identity.notification_consent (account_id, template, remaining, accepted, rejected, answered_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (account_id, template) do update set
                  remaining = least(notification_consent.remaining + excluded.remaining, ?),
                  accepted = notification_consent.accepted + excluded.accepted,
                  rejected = notification_consent.rejected + excluded.rejected,
                  answered_at = excluded.answered_at""", s -> {
            s.setObject(1, accountId);
            s.setString(2, template);
            s.setInt(3, accepted ? 1 : 0);
            s.setInt(4, accepted ? 1 : 0);
            s.setInt(5, accepted ? 0 : 1);
            s.setTimestamp(6, Timestamp.from(at));
            s.setInt(7, MAX_REMAINING);
            return s.executeUpdate();
        });
    }

    /** Uses up one accepted subscription; false when none is left. */
    boolean take(UUID accountId, String template) {
        return jdbc.prepareStatement("""
                update identity.notification_consent set remaining = remaining - 1
                where account_id = ? and template = ? and remaining > 0""", s -> {
            s.setObject(1, accountId);
            s.setString(2, template);
            return s.executeUpdate() == 1;
        });
    }

    /** WeChat says the citizen holds no subscription of this template (any more): count none left. */
    void none(UUID accountId, String template) {
        jdbc.prepareStatement("update identity.notification_consent set remaining = 0 where account_id = ? and template = ?", s -> {
            s.setObject(1, accountId);
            s.setString(2, template);
            return s.executeUpdate();
        });
    }

    /** Subscriptions left per template key. */
    Map<String, Integer> remaining(UUID accountId) {
        return jdbc.prepareStatement("select template, remaining from identity.notification_consent where account_id = ?", s -> {
            s.setObject(1, accountId);
            Map<String, Integer> found = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getInt(2));
                }
            }
            return found;
        });
    }
}
