package cn.nanning.civic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What every benchmark needs: reading ids and counts from the database, and printing and writing its figures. */
final class BenchSupport {

    private BenchSupport() {
    }

    static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); var rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Prints the figures and writes them to {@code .civic/bench/<name>.json}. */
    static void report(String name, String title, String json) throws IOException {
        Path out = Path.of(".civic/bench/" + name + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json + "\n");
        System.out.println(title + ": " + json);
        System.out.println("Written to " + out.toAbsolutePath());
    }
}
