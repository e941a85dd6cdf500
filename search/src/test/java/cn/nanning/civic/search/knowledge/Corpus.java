package cn.nanning.civic.search.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** The national laws of laws.jsonl.gz (read once, in place from the data directory): title and article texts by id. */
final class Corpus {

    record Law(String id, String title, Map<String, String> articles) {
    }

    private static Map<String, Law> laws;

    private Corpus() {
    }

    static Path dataDir() {
        String configured = System.getenv("CIVIC_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? "../../shared/data" : configured);
    }

    static synchronized Map<String, Law> laws() {
        if (laws != null) {
            return laws;
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Law> read = new HashMap<>();
        try (InputStream raw = Files.newInputStream(dataDir().resolve("laws.jsonl.gz"));
             BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // Other provinces' regulations are never cited; skipping them early keeps this cheap.
                if (line.isBlank() || line.contains("\"region\": \"") && !line.contains("\"region\": \"\"")) {
                    continue;
                }
                JsonNode law = json.readTree(line);
                if (!law.path("region").asText("").isEmpty()) {
                    continue;
                }
                Map<String, String> articles = new LinkedHashMap<>();
                for (JsonNode a : law.path("articles")) {
                    articles.putIfAbsent(a.path("no").asText(), a.path("text").asText());
                }
                read.put(law.path("id").asText(), new Law(law.path("id").asText(), law.path("title").asText(), articles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        laws = Map.copyOf(read);
        return laws;
    }
}
