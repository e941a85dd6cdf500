package cn.nanning.civic.search.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base is content reviewed like code: every line meets its JSON schema, cites articles that exist in the
 * law corpus under the title and number given, points to catalogue items that exist, and the base covers every topic.
 */
class KnowledgeFileTest {

    static final Path CATALOGUE = Path.of("../services/proxy/src/main/resources/catalogue/standard-catalogue.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> lines() throws IOException {
        try (InputStream in = KnowledgeFileTest.class.getClassLoader().getResourceAsStream(KnowledgeFile.RESOURCE)) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        }
    }

    static Schema schema() throws IOException {
        try (InputStream in = KnowledgeFileTest.class.getClassLoader().getResourceAsStream("knowledge/everyday-questions.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void every_entry_meets_the_schema() throws IOException {
        Schema schema = schema();
        List<String> problems = new ArrayList<>();
        for (JsonNode entry : lines()) {
            for (Error error : schema.validate(entry)) {
                problems.add(entry.path("id").asText() + ": " + error);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_schema_refuses_an_entry_without_an_answer_or_with_a_made_up_topic() throws IOException {
        ObjectNode broken = (ObjectNode) lines().getFirst().deepCopy();
        broken.remove("answer");
        broken.put("topic", "astrology");
        ((ObjectNode) broken.path("nextStep")).remove("catalogueItem");

        List<Error> errors = schema().validate(broken);

        assertThat(errors.stream().map(Error::toString).collect(Collectors.joining("\n")))
                .contains("answer").contains("topic").contains("catalogueItem");
    }

    @Test
    void every_cited_article_exists_in_the_corpus_under_its_title() throws IOException {
        List<String> missing = new ArrayList<>();
        int cited = 0;
        for (JsonNode entry : lines()) {
            for (JsonNode article : entry.path("articles")) {
                cited++;
                Corpus.Law law = Corpus.laws().get(article.path("lawId").asText());
                if (law == null) {
                    missing.add(entry.path("id").asText() + ": no law " + article.path("lawId").asText());
                } else if (!law.title().equals(article.path("law").asText())) {
                    missing.add(entry.path("id").asText() + ": " + article.path("lawId").asText() + " is " + law.title());
                } else if (!law.articles().containsKey(article.path("no").asText())) {
                    missing.add(entry.path("id").asText() + ": " + law.title() + " has no " + article.path("no").asText());
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(cited).isGreaterThanOrEqualTo(lines().size());
    }

    @Test
    void next_steps_name_catalogue_items_that_exist() throws IOException {
        Set<String> codes = new HashSet<>();
        JSON.readTree(Files.readString(CATALOGUE)).forEach(item -> codes.add(item.path("code").asText()));
        List<String> unknown = new ArrayList<>();
        for (JsonNode entry : lines()) {
            String item = entry.path("nextStep").path("catalogueItem").asText(null);
            if (item != null && !codes.contains(item)) {
                unknown.add(entry.path("id").asText() + ": " + item);
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void at_least_300_entries_with_unique_ids_and_phrasings_over_every_topic() throws IOException {
        List<JsonNode> lines = lines();
        List<String> ids = lines.stream().map(e -> e.path("id").asText()).toList();
        List<String> phrasings = new ArrayList<>();
        lines.forEach(e -> e.path("questions").forEach(q -> phrasings.add(AnswerMatching.normalise(q.asText()))));

        assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(new HashSet<>(phrasings)).hasSameSizeAs(phrasings);
        Set<String> topics = lines.stream().map(e -> e.path("topic").asText()).collect(Collectors.toSet());
        assertThat(topics).containsExactlyInAnyOrderElementsOf(Arrays.stream(Topic.values()).map(Topic::code).toList());
        // Every entry reads into the record the service uses.
        assertThat(KnowledgeFile.bundled()).hasSize(lines.size());
    }
}
