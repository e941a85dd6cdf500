package cn.nanning.civic.gateway.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of the citizens' in-app inbox ({@code identity.notification}) and of the delivery de-duplication table. */
@Singleton
class NotificationInbox {

    private final JdbcOperations jdbc;

    NotificationInbox(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One notice as its owner reads it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Notice(UUID id, String template, String title, String body, Map<String, String> data, @Nullable String page,
                  Instant createdAt, @Nullable Instant readAt, boolean read) {
    }

    /** A stored notice waiting for (or past) its WeChat send. */
    record Stored(UUID eventId, UUID accountId, String template, String outcome) {
    }

    Optional<Stored> byEvent(UUID eventId) {
        return jdbc.prepareStatement("select event_id, account_id, template, wechat_outcome from identity.notification where event_id = ?", s -> {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4))) : Optional.<Stored>empty();
            }
        });
    }

    /** Stores a notice (and its delivery row); false when this event was stored before. */
    boolean store(UUID eventId, UUID accountId, String template, String title, String body, String dataJson,
                  @Nullable String page, String outcome, Instant at) {
        boolean stored = jdbc.prepareStatement("""
                insert into identity.notification (id, event_id, account_id, template, title, body, data, page, created_at, wechat_outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""", s -> {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, eventId);
            s.setObject(3, accountId);
            s.setString(4, template);
            s.setString(5, title);
            s.setString(6, body);
            s.setString(7, dataJson);
            s.setString(8, page);
            s.setTimestamp(9, Timestamp.from(at));
            s.setString(10, outcome);
            return s.executeUpdate() == 1;
        });
        if (stored) {
            jdbc.prepareStatement("""
                    insert into identity.notification_delivery (event_id, account_id, template, outcome, delivered_at)
                    values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""", s -> {
                s.setObject(1, eventId);
                s.setObject(2, accountId);
                s.setString(3, template);
                s.setString(4, outcome);
                s.setTimestamp(5, Timestamp.from(at));
                return s.executeUpdate();
            });
        }
        return stored;
    }

    @Transactional
    public void outcome(UUID eventId, String outcome) {
        for (String table : List.of("notification set wechat_outcome", "notification_delivery set outcome")) {
            jdbc.prepareStatement("update identity." + table + " = ? where event_id = ?", s -> {
                s.setString(1, outcome);
                s.setObject(2, eventId);
                return s.executeUpdate();
            });
        }
    }

    @Transactional(readOnly = true)
    public List<Notice> page(UUID accountId, boolean unreadOnly, int offset, int size, NoticeData data) {
        return jdbc.prepareStatement("select * from identity.notification where account_id = ?"
                + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id limit ? offset ?", s -> {
            s.setObject(1, accountId);
            s.setInt(2, size);
            s.setInt(3, offset);
            List<Notice> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs, data));
                }
            }
            return found;
        });
    }

    @Transactional(readOnly = true)
    public long count(UUID accountId, boolean unreadOnly) {
        return jdbc.prepareStatement("select count(*) from identity.notification where account_id = ?"
                + (unreadOnly ? " and read_at is null" : ""), s -> {
            s.setObject(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Marks the account's notice read (the first time only); empty when it is not the account's notice. */
    @Transactional
    public Optional<Notice> markRead(UUID accountId, UUID id, Instant at, NoticeData data) {
        jdbc.prepareStatement("update identity.notification set read_at = ? where id = ? and account_id = ? and read_at is null", s -> {
            s.setTimestamp(1, Timestamp.from(at));
            s.setObject(2, id);
            s.setObject(3, accountId);
            return s.executeUpdate();
        });
        return jdbc.prepareStatement("select * from identity.notification where id = ? and account_id = ?", s -> {
            s.setObject(1, id);
            s.setObject(2, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(map(rs, data)) : Optional.<Notice>empty();
            }
        });
    }

    /** Reads the stored JSON of a notice's template fields. */
    interface NoticeData {
        Map<String, String> read(String json);
    }

    private static Notice map(ResultSet rs, NoticeData data) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notice(rs.getObject("id", UUID.class), rs.getString("template"), rs.getString("title"), rs.getString("body"),
                data.read(rs.getString("data")), rs.getString("page"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(), read != null);
    }
}
