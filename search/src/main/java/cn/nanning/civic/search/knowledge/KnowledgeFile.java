package cn.nanning.civic.search.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads knowledge-base entries, one JSON object a line: the bundled file or one an administrator points to. */
public final class KnowledgeFile {

    /** The knowledge base written by the team, reviewed like code. */
    public static final String RESOURCE = "knowledge/everyday-questions.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private KnowledgeFile() {
    }

    public static List<KnowledgeEntry> bundled() {
        try (InputStream in = KnowledgeFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing classpath resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<KnowledgeEntry> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static List<KnowledgeEntry> read(BufferedReader reader) throws IOException {
        List<KnowledgeEntry> entries = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(JSON.readValue(line, KnowledgeEntry.class));
            } catch (IOException e) {
                throw new IOException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }
}
