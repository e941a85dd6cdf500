package cn.nanning.civic.search.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our everyday-question evaluation file (eval/everyday-queries.jsonl, the law-queries format) is written apart from the
 * knowledge base: no question of it is a phrasing of the knowledge base or nearly one, it covers every topic with
 * several questions, and its expected articles exist in the corpus.
 */
class EverydayQueriesFileTest {

    static final Path FILE = Path.of("eval/everyday-queries.jsonl");
    /** Character-bigram overlap (Dice) above which a question counts as a copy of a knowledge-base phrasing. */
    static final double NEAR_COPY = 0.8;

    static List<JsonNode> queries() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> queries = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                queries.add(json.readTree(line));
            }
        }
        return queries;
    }

    @Test
    void no_question_is_a_phrasing_of_the_knowledge_base_or_nearly_one() throws IOException {
        List<String> phrasings = KnowledgeFile.bundled().stream().flatMap(e -> e.questions().stream())
                .map(AnswerMatching::normalise).toList();
        List<String> copies = new ArrayList<>();
        for (JsonNode q : queries()) {
            String question = AnswerMatching.normalise(q.path("query").asText());
            int[] bigrams = AnswerMatching.bigrams(question);
            for (String p : phrasings) {
                if (p.equals(question) || AnswerMatching.dice(bigrams, AnswerMatching.bigrams(p)) >= NEAR_COPY) {
                    copies.add(q.path("query").asText() + " ~ " + p);
                }
            }
        }
        assertThat(copies).isEmpty();
    }

    @Test
    void at_least_150_questions_several_per_topic() throws IOException {
        List<JsonNode> queries = queries();
        Map<String, Long> perTopic = queries.stream().collect(Collectors.groupingBy(q -> q.path("topic").asText(), Collectors.counting()));

        assertThat(queries).hasSizeGreaterThanOrEqualTo(150);
        assertThat(perTopic.keySet()).hasSize(Topic.values().length);
        assertThat(perTopic.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(queries.stream().map(q -> q.path("query").asText()).distinct().count()).isEqualTo(queries.size());
    }

    @Test
    void expected_articles_exist_in_the_corpus() throws IOException {
        List<String> missing = new ArrayList<>();
        for (JsonNode q : queries()) {
            assertThat(q.path("expected_articles")).isNotEmpty();
            for (JsonNode a : q.path("expected_articles")) {
                Corpus.Law law = Corpus.laws().get(a.path("law_id").asText());
                if (law == null || !law.title().equals(a.path("law").asText()) || !law.articles().containsKey(a.path("no").asText())) {
                    missing.add(q.path("query").asText() + ": " + a);
                }
                if (!q.path("expected_laws").toString().contains(a.path("law").asText())) {
                    missing.add(q.path("query").asText() + ": expected_laws lacks " + a.path("law").asText());
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
