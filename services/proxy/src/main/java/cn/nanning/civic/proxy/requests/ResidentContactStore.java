package cn.nanning.civic.proxy.requests;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rows of proxy_request_contact: only requests whose resident has no mobile of their own have one. */
@Singleton
class ResidentContactStore {

    /** Kind and relation of one request's contact (kind SELF when there is no row). */
    record Row(String kind, String relation) {
        static final Row SELF = new Row("SELF", null);
    }

    private final JdbcOperations jdbc;

    ResidentContactStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID requestId, ResidentContact contact) {
        if (contact.kind() == ResidentContact.Kind.SELF) {
            return;
        }
        jdbc.prepareStatement("insert into proxy.proxy_request_contact (request_id, kind, relation) values (?, ?, ?)", s -> {
            s.setObject(1, requestId);
            s.setString(2, contact.kind().name());
            s.setString(3, contact.relation());
            return s.executeUpdate();
        });
    }

    Map<UUID, Row> of(Collection<UUID> requestIds) {
        Map<UUID, Row> found = new HashMap<>();
        if (requestIds.isEmpty()) {
            return found;
        }
        jdbc.prepareStatement("select request_id, kind, relation from proxy.proxy_request_contact where request_id = any(?)", s -> {
            s.setArray(1, s.getConnection().createArrayOf("uuid", requestIds.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject(1, UUID.class), new Row(rows.getString(2), rows.getString(3)));
                }
            }
            return null;
        });
        return found;
    }

    Row of(UUID requestId) {
        return of(List.of(requestId)).getOrDefault(requestId, Row.SELF);
    }
}
