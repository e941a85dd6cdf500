package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.semantic.SentenceEmbeddings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hc.core5.util.Timeout;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tuning harness (not a test): for each cross-validation fold of a law-queries file, indexes the other folds' answered
 * questions, then dumps for each held-out question the per-clause scores of the word query (as {@link LawSearch} builds
 * it) and the nearest articles by meaning, so fusion weights can be explored offline. The confirmation run goes
 * through the API ({@code ./civic search-eval FILE --folds 5}). Args: FILE ES_URL OUT [FOLDS] [K].
 */
public final class SemanticTuningDump {

    private SemanticTuningDump() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int folds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int k = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        ObjectMapper json = new ObjectMapper();
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                queries.add(json.readTree(line).path("query").asText());
            }
        }
        SentenceEmbeddings model = SentenceEmbeddings.load();
        List<float[]> vectors = new ArrayList<>();
        for (String q : queries) {
            vectors.add(model.question(q));
        }
        try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(URI.create(args[1]))
                .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofMinutes(2))).build(), new JacksonJsonpMapper());
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            QuestionLoader loader = new QuestionLoader(client, "law-articles", new PrintStream(OutputStream.nullOutputStream()));
            LawSearch search = new LawSearch(client, new LawSettings("law-articles", "laws"), synonyms(), null, null,
                    new cn.nanning.civic.search.knowledge.EverydayVocabulary(java.util.Map.of()),
                    new cn.nanning.civic.search.knowledge.AnswerSettings("law-answers", "", false));
            LawSearch.Filters none = new LawSearch.Filters(null, null, null, null, null, null);
            for (int fold = 0; fold < folds; fold++) {
                int held = fold;
                loader.apply(AnsweredQuestions.read(file, i -> i % folds != held));
                for (int i = held; i < queries.size(); i += folds) {
                    Query words = search.query(queries.get(i), LawSearch.filters(none), true);
                    SearchResponse<Map> lex = client.search(s -> s.index("law-articles").query(words).size(400)
                            .includeNamedQueriesScore(true).trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes("lawId", "title", "no", "category", "status"))), Map.class);
                    Query nearest = LawSearch.nearest(vectors.get(i), List.of(), k);
                    SearchResponse<Map> knn = client.search(s -> s.index("law-articles").query(nearest)
                            .size(k).trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes("lawId", "title", "no", "category", "status"))), Map.class);
                    ObjectNode row = json.createObjectNode().put("i", i).put("fold", held);
                    hits(row.putArray("lex"), lex, true);
                    hits(row.putArray("knn"), knn, false);
                    out.write(json.writeValueAsString(row));
                    out.newLine();
                }
                System.out.printf("fold %d done%n", fold + 1);
            }
            loader.apply(AnsweredQuestions.read(file));
        }
    }

    private static cn.nanning.civic.search.synonyms.Synonyms synonyms() throws ReflectiveOperationException {
        var constructor = cn.nanning.civic.search.synonyms.Synonyms.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static void hits(ArrayNode array, SearchResponse<Map> response, boolean named) {
        for (Hit<Map> hit : response.hits().hits()) {
            Map<?, ?> d = hit.source();
            ArrayNode h = array.addArray().add(hit.id()).add(String.valueOf(d.get("lawId"))).add(String.valueOf(d.get("title")))
                    .add(String.valueOf(d.get("no"))).add(String.valueOf(d.get("category"))).add(String.valueOf(d.get("status")))
                    .add(hit.score() == null ? 0 : hit.score());
            if (named) {
                Double words = hit.matchedQueries() == null ? null : hit.matchedQueries().get("words");
                h.add(words == null ? 0 : words);
            }
        }
    }
}
