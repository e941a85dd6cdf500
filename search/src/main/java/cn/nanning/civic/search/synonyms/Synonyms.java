package cn.nanning.civic.search.synonyms;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everyday words and the official terms for the same thing, from {@code synonyms/everyday-legal.txt}. Queries are
 * expanded in the service rather than by an index-time synonym filter: the filter lives in analysis-common, which the
 * embedded dev node lacks, and query-time expansion lets the list change without reindexing.
 */
@Singleton
public class Synonyms {

    private static final String RESOURCE = "synonyms/everyday-legal.txt";

    private final List<List<String>> groups;

    Synonyms() {
        this(load());
    }

    Synonyms(List<List<String>> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * The terms to add to a query: for every group with a term found in the text, the group's other terms.
     * Chinese has no spaces, so a term is found by containment.
     */
    public List<String> expansions(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> added = new LinkedHashSet<>();
        for (List<String> group : groups) {
            if (group.stream().anyMatch(text::contains)) {
                group.stream().filter(term -> !text.contains(term)).forEach(added::add);
            }
        }
        return List.copyOf(added);
    }

    static List<List<String>> parse(BufferedReader reader) throws IOException {
        List<List<String>> groups = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> terms = Arrays.stream(trimmed.split("[,，]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            if (terms.size() > 1) {
                groups.add(terms);
            }
        }
        return groups;
    }

    private static List<List<String>> load() {
        try (InputStream in = Synonyms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing classpath resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
