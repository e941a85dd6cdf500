package cn.nanning.civic.search.catalogue;

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
 * Everyday descriptions of a situation and the catalogue's words for the item that helps ({@code
 * synonyms/everyday-services.txt}): "邻居装修噪音" also looks for 人民调解 and 民间纠纷. One way only, service search only.
 */
@Singleton
class ServiceVocabulary {

    static final String RESOURCE = "synonyms/everyday-services.txt";

    record Rule(List<String> typed, List<String> catalogueWords) {
    }

    private final List<Rule> rules;

    ServiceVocabulary() {
        this(load());
    }

    ServiceVocabulary(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The catalogue words for the everyday words in the text, each once, in the file's order. */
    List<String> expansions(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.typed().stream().anyMatch(text::contains)) {
                words.addAll(rule.catalogueWords());
            }
        }
        return List.copyOf(words);
    }

    static List<Rule> parse(BufferedReader reader) throws IOException {
        List<Rule> rules = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] sides = l.split("=>");
            if (sides.length != 2) {
                throw new IllegalArgumentException("not a rule (words => catalogue words): " + l);
            }
            rules.add(new Rule(split(sides[0]), split(sides[1])));
        }
        return rules;
    }

    private static List<String> split(String side) {
        return Arrays.stream(side.split("[,，]")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private static List<Rule> load() {
        try (InputStream in = ServiceVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
