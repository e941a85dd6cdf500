package cn.nanning.civic.bench.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the suite reads from the platform's database to check its invariants (as the superuser, read only). Every
 * call opens its own connection: PostgreSQL itself is restarted during the run.
 */
final class ChaosStore {

    private ChaosStore() {
    }

    /** The proxy requests among {@code ids} that exist. */
    static Set<String> existingRequests(Collection<String> ids) throws SQLException {
        return existing("select id::text from proxy.proxy_request where id = any(?)", ids, "uuid");
    }

    static Set<String> existingReferrals(Collection<String> ids) throws SQLException {
        return existing("select id::text from proxy.proxy_referral where id = any(?)", ids, "uuid");
    }

    static Set<String> existingBookings(Collection<String> ids) throws SQLException {
        return existing("select id::text from appointments.booking where id = any(?)", ids, "uuid");
    }

    static Set<String> existingCatalogueItems(Collection<String> codes) throws SQLException {
        return existing("select code from proxy.catalogue_item where code = any(?)", codes, "text");
    }

    /** Per proxy request, how many status notices reached the citizen's inbox (the gateway's notifier). */
    static Map<String, Integer> noticesPerRequest(Collection<String> requestIds) throws SQLException {
        Set<String> pages = new HashSet<>();
        requestIds.forEach(id -> pages.add("pages/proxy/detail?id=" + id));
        return counts("""
                select substring(page from 'id=(.*)$'), count(*) from identity.notification
                where template = 'proxy-status' and page = any(?) group by page""", pages, "text");
    }

    /** Per referred proxy request, how many referral cases appointments opened from the event. */
    static Map<String, Integer> referralCasesPerRequest(Collection<String> requestIds) throws SQLException {
        return counts("select source_id::text, count(*) from appointments.referral where source_id = any(?) group by source_id",
                requestIds, "uuid");
    }

    /** Pairs of bookings of one provider whose blocked times overlap, neither cancelled: must be none. */
    static long doubleBookings() throws SQLException {
        return single("""
                select count(*) from appointments.booking a join appointments.booking b
                  on a.provider_id = b.provider_id and a.id < b.id and a.blocked && b.blocked
                where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'""");
    }

    /**
     * Citizens' requests at the point that no Idempotency-Key produced: each citizen write carries a key, so any such
     * row is a duplicate made by a repeated attempt. Must be none.
     */
    static long requestsWithoutTheirKey(String pointId) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                select count(*) from proxy.proxy_request r where r.point_id = ? and r.consent_channel = 'MINI_PROGRAM'
                and not exists (select 1 from proxy.idempotency_key k where k.scope = 'request' and k.result_id = r.id)""")) {
            s.setObject(1, UUID.fromString(pointId));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Outbox events not yet published to Kafka. */
    static long unpublishedEvents() throws SQLException {
        return single("select count(*) from kernel.outbox where published_at is null");
    }

    // ------------------------------------------------------------------ helpers

    private static Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(ChaosPlatform.datasourceUrl(), "postgres", "");
        connection.setReadOnly(true);
        return connection;
    }

    private static Set<String> existing(String sql, Collection<String> ids, String type) throws SQLException {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, array(c, type, ids));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private static Map<String, Integer> counts(String sql, Collection<String> keys, String type) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, array(c, type, keys));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Array array(Connection c, String type, Collection<String> values) throws SQLException {
        Object[] elements = type.equals("uuid") ? values.stream().map(UUID::fromString).toArray() : values.toArray();
        return c.createArrayOf(type, elements);
    }
}
