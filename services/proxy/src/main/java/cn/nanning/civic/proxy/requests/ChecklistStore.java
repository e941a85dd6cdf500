package cn.nanning.civic.proxy.requests;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A request's materials checklist as stored at acceptance ({@code proxy_request_material}) and the uploads tied to its
 * lines ({@code proxy_request_file.checklist_item}; uploads without a line are not read here).
 */
@Singleton
class ChecklistStore {

    /** A line as ticked at acceptance. */
    record Line(String name, boolean ticked) {
    }

    /** An upload tied to a checklist line. */
    record LineUpload(String line, UUID id, String displayName, Instant uploadedAt) {
    }

    private final JdbcOperations jdbc;

    ChecklistStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The checklist recorded at acceptance, in order; empty before acceptance. */
    List<Line> recorded(UUID requestId) {
        List<Line> lines = new ArrayList<>();
        jdbc.prepareStatement("select name, ticked from proxy.proxy_request_material where request_id = ? order by position", s -> {
            s.setObject(1, requestId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    lines.add(new Line(rows.getString(1), rows.getBoolean(2)));
                }
            }
            return null;
        });
        return lines;
    }

    /** The uploads tied to a line of the request's checklist, oldest first. */
    List<LineUpload> uploads(UUID requestId) {
        List<LineUpload> uploads = new ArrayList<>();
        jdbc.prepareStatement("""
                select checklist_item, id, display_name, uploaded_at from proxy.proxy_request_file
                where request_id = ? and checklist_item is not null order by uploaded_at, id""", s -> {
            s.setObject(1, requestId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    uploads.add(new LineUpload(rows.getString(1), rows.getObject(2, UUID.class), rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return null;
        });
        return uploads;
    }
}
