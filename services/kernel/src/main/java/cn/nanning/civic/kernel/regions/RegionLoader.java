package cn.nanning.civic.kernel.regions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads Nanning's divisions from {@code nanning-regions.csv} in the data directory (read in place, never copied).
 * Idempotent: rows are upserted, so a restart or a newer file converges to the file's content.
 */
@Singleton
@Requires(property = "civic.regions.load", notEquals = "false")
public class RegionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RegionLoader.class);
    static final String FILE = "nanning-regions.csv";

    private final JdbcOperations jdbc;
    private final Path dataDir;

    RegionLoader(JdbcOperations jdbc, @Value("${civic.data-dir:../shared/data}") String dataDir) {
        this.jdbc = jdbc;
        this.dataDir = Path.of(dataDir);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Region data not found at " + file.toAbsolutePath()
                    + "; set CIVIC_DATA_DIR to the folder holding " + FILE);
        }
        try {
            int count = load(file);
            LOG.info("Regions loaded from {}: {} rows", file, count);
        } catch (IOException e) {
            throw new IllegalStateException("Could not load regions from " + file, e);
        }
    }

    @Transactional
    int load(Path file) throws IOException {
        List<String[]> rows = parse(file);
        jdbc.prepareStatement("""
                insert into kernel.region (code, name, level, parent_code) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
                where (region.name, region.level, region.parent_code) is distinct from (excluded.name, excluded.level, excluded.parent_code)
                """, upsert -> {
            for (String[] row : rows) {
                for (int i = 0; i < 4; i++) {
                    upsert.setString(i + 1, row[i]);
                }
                upsert.addBatch();
            }
            return upsert.executeBatch();
        });
        return rows.size();
    }

    static List<String[]> parse(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("code,name,level,parent_code")) {
                throw new IOException("unexpected header in " + file + ": " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 4) {
                    throw new IOException("malformed region line: " + line);
                }
                rows.add(new String[]{cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].isBlank() ? null : cells[3].strip()});
            }
        }
        return rows;
    }
}
