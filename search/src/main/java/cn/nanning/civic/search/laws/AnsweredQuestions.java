package cn.nanning.civic.search.laws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Questions people asked, each with the articles that answered it (a curated FAQ kept by lawyers and clerks; the
 * format of {@code law-queries-*.jsonl}: {@code {query, expected_articles:[{law_id, no}]}}). Indexed next to the
 * article text (document expansion), so a new question worded like an answered one finds the same articles even
 * when the article itself uses other words.
 */
public record AnsweredQuestions(Map<ArticleRef, List<String>> byArticle) {

    /** Default file, read in place from the data directory. */
    public static final String DEFAULT_FILE = "law-queries-dev.jsonl";
    /** Setting the file to this value indexes no questions. */
    public static final String NONE = "none";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** An article named the way the corpus names it: the law (version) id and the article number, e.g. 第十九条. */
    public record ArticleRef(String lawId, String no) {
    }

    public AnsweredQuestions {
        byArticle = Map.copyOf(byArticle);
    }

    public static AnsweredQuestions none() {
        return new AnsweredQuestions(Map.of());
    }

    /** Every question of the file. */
    public static AnsweredQuestions read(Path file) throws IOException {
        return read(file, line -> true);
    }

    /**
     * The questions on the lines (0-based, blank lines not counted) that pass {@code include}; cross-validation uses
     * this to leave one fold out.
     */
    public static AnsweredQuestions read(Path file, IntPredicate include) throws IOException {
        Map<ArticleRef, Set<String>> collected = new LinkedHashMap<>();
        int index = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            if (include.test(index++)) {
                JsonNode node = JSON.readTree(line);
                String query = node.path("query").asText("").strip();
                if (query.isEmpty()) {
                    continue;
                }
                for (JsonNode article : node.path("expected_articles")) {
                    String lawId = article.path("law_id").asText("");
                    String no = article.path("no").asText("");
                    if (!lawId.isEmpty() && !no.isEmpty()) {
                        collected.computeIfAbsent(new ArticleRef(lawId, no), r -> new LinkedHashSet<>()).add(query);
                    }
                }
            }
        }
        Map<ArticleRef, List<String>> byArticle = new LinkedHashMap<>();
        collected.forEach((ref, questions) -> byArticle.put(ref, List.copyOf(questions)));
        return new AnsweredQuestions(byArticle);
    }

    /**
     * The configured source: {@code CIVIC_SEARCH_QUESTIONS_FILE} (a path, relative ones resolved in the data
     * directory; default {@value #DEFAULT_FILE}; {@value #NONE} for no questions). Empty when the setting is
     * {@value #NONE}.
     */
    public static java.util.Optional<Path> configuredFile(String dataDir, String setting) {
        String value = setting == null || setting.isBlank() ? DEFAULT_FILE : setting.strip();
        if (NONE.equalsIgnoreCase(value)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(dataDir).resolve(value));
    }

    /** The phrasings of knowledge-base entries, each on the articles its entry cites (they were answered with them). */
    public static AnsweredQuestions of(List<cn.nanning.civic.search.knowledge.KnowledgeEntry> entries) {
        Map<ArticleRef, Set<String>> collected = new LinkedHashMap<>();
        for (var entry : entries) {
            for (var article : entry.articles()) {
                collected.computeIfAbsent(new ArticleRef(article.lawId(), article.no()), r -> new LinkedHashSet<>()).addAll(entry.questions());
            }
        }
        Map<ArticleRef, List<String>> byArticle = new LinkedHashMap<>();
        collected.forEach((ref, questions) -> byArticle.put(ref, List.copyOf(questions)));
        return new AnsweredQuestions(byArticle);
    }

    /** Both sources' questions, article by article. */
    public AnsweredQuestions and(AnsweredQuestions other) {
        Map<ArticleRef, Set<String>> collected = new LinkedHashMap<>();
        byArticle.forEach((ref, questions) -> collected.computeIfAbsent(ref, r -> new LinkedHashSet<>()).addAll(questions));
        other.byArticle.forEach((ref, questions) -> collected.computeIfAbsent(ref, r -> new LinkedHashSet<>()).addAll(questions));
        Map<ArticleRef, List<String>> merged = new LinkedHashMap<>();
        collected.forEach((ref, questions) -> merged.put(ref, List.copyOf(questions)));
        return new AnsweredQuestions(merged);
    }

    public int questionCount() {
        return (int) byArticle.values().stream().flatMap(List::stream).distinct().count();
    }

    /** The articles of one law that questions name, for resolving them to documents law by law. */
    Map<String, List<ArticleRef>> byLaw() {
        Map<String, List<ArticleRef>> laws = new LinkedHashMap<>();
        byArticle.keySet().forEach(ref -> laws.computeIfAbsent(ref.lawId(), id -> new ArrayList<>()).add(ref));
        return laws;
    }
}
