package cn.nanning.civic.search.knowledge;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everyday words residents type and the legal terms the articles use for them, one way ({@code 家暴 => 家庭暴力,
 * 人身安全保护令}), from {@code knowledge/everyday-vocabulary.txt}. Derived from the knowledge base: each everyday word
 * occurs in phrasings of its entries and each legal term in the articles those entries cite (a test keeps it so).
 */
@Singleton
public class EverydayVocabulary {

    public static final String RESOURCE = "knowledge/everyday-vocabulary.txt";

    private final Map<String, List<String>> terms;

    EverydayVocabulary() {
        this(load());
    }

    public EverydayVocabulary(Map<String, List<String>> terms) {
        this.terms = Map.copyOf(terms);
    }

    public Map<String, List<String>> terms() {
        return terms;
    }

    /** The legal terms for the everyday words in the text that the text does not already contain. */
    public List<String> expansions(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> added = new LinkedHashSet<>();
        terms.forEach((word, legal) -> {
            if (text.contains(word)) {
                legal.stream().filter(t -> !text.contains(t)).forEach(added::add);
            }
        });
        return List.copyOf(added);
    }

    public static Map<String, List<String>> parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int arrow = trimmed.indexOf("=>");
            if (arrow < 0) {
                throw new IOException("expected 'everyday => legal term, legal term': " + trimmed);
            }
            String word = trimmed.substring(0, arrow).strip();
            List<String> legal = Arrays.stream(trimmed.substring(arrow + 2).split("[,，]")).map(String::strip)
                    .filter(t -> !t.isEmpty()).toList();
            if (word.isEmpty() || legal.isEmpty()) {
                throw new IOException("an everyday word and at least one legal term are needed: " + trimmed);
            }
            terms.computeIfAbsent(word, w -> new ArrayList<>()).addAll(legal);
        }
        return terms;
    }

    private static Map<String, List<String>> load() {
        try (InputStream in = EverydayVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing classpath resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
