package cn.nanning.civic.bench;

import cn.nanning.civic.services.ServicesApplication;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every benchmark needs: reading ids and counts from the database, and printing and writing its figures. */
final class BenchSupport {

    /** Tokens in benchmarks are signed with this; the in-process services verify them with it. */
    static final String SECRET = "bench-only-jwt-secret-0123456789abcdef0123456789";
    static final String DATASOURCE_URL = System.getenv().getOrDefault("BENCH_DATASOURCE_URL",
            "jdbc:postgresql://127.0.0.1:5432/civic_bench");

    private BenchSupport() {
    }

    /**
     * The real services deployable in this JVM on a free port, against the bench database, with the outbox relay off
     * (benchmarks measure the API, not Kafka). {@code extra} adds or overrides settings.
     */
    static ApplicationContext startServices(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", DATASOURCE_URL,
                "datasources.default.maximum-pool-size", 16,
                "civic.outbox.relay.enabled", false,
                "micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET));
        properties.putAll(extra);
        return Micronaut.build(new String[0]).mainClass(ServicesApplication.class).banner(false).properties(properties).start();
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
