package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.knowledge.AnswerMatching;
import cn.nanning.civic.search.knowledge.AnswerSettings;
import cn.nanning.civic.search.knowledge.EverydayVocabulary;
import cn.nanning.civic.search.knowledge.KnowledgeBase;
import cn.nanning.civic.search.knowledge.KnowledgeEntry;
import cn.nanning.civic.search.knowledge.KnowledgeStore;
import cn.nanning.civic.search.semantic.QuestionVectors;
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

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tuning harness for the knowledge-base ranking (not a test): dumps, per question, what {@link LawSearch} ranks from
 * (the word query's best 200 articles with scores, the 100 nearest by meaning) and, for every knowledge-base entry, the
 * cosine and character overlap of each of its phrasings, so the weights can be chosen offline on our own files. The
 * questions are those of an everyday law-queries file and every phrasing of the knowledge base (which the simulation
 * then leaves out of its own entry). Args: ES_URL OUT EVERYDAY_FILE [VOCABULARY on|off].
 */
public final class KnowledgeTuningDump {

    private KnowledgeTuningDump() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var make = QuestionVectors.class.getDeclaredConstructor(boolean.class);
        make.setAccessible(true);
        QuestionVectors vectors = make.newInstance(true);
        if (!vectors.awaitReady(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no embedding model");
        }
        boolean vocabularyOn = args.length < 4 || "on".equals(args[3]);
        EverydayVocabulary vocabulary = vocabularyOn ? loadVocabulary() : new EverydayVocabulary(Map.of());
        try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(URI.create(args[0]))
                .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.ofMinutes(2))).build(), new JacksonJsonpMapper());
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            KnowledgeStore store = new KnowledgeStore(client, new AnswerSettings("law-answers-tuning-none", "", true));
            KnowledgeBase knowledge = new KnowledgeBase(store, vectors, new AnswerSettings("law-answers-tuning-none", "", true), "law-articles");
            knowledge.refresh();
            LawSearch search = new LawSearch(client, new LawSettings("law-articles", "laws"), synonyms(), vectors, knowledge, vocabulary,
                    new AnswerSettings("law-answers-tuning-none", "", true));
            // Entries: id, cited article documents.
            ObjectNode header = json.createObjectNode().put("type", "entries");
            ArrayNode entries = header.putArray("entries");
            for (KnowledgeBase.Known k : knowledge.snapshot().entries()) {
                ObjectNode e = entries.addObject().put("id", k.entry().id()).put("topic", k.entry().topic());
                ArrayNode cited = e.putArray("articles");
                for (KnowledgeStore.ArticleDoc doc : k.articles()) {
                    if (doc == null) {
                        cited.addNull();
                    } else {
                        cited.addArray().add(doc.id()).add(String.valueOf(doc.fields().get("lawId"))).add(String.valueOf(doc.fields().get("title")))
                                .add(String.valueOf(doc.fields().get("no"))).add(String.valueOf(doc.fields().get("category")))
                                .add(String.valueOf(doc.fields().get("status")));
                    }
                }
                ArrayNode ps = e.putArray("questions");
                k.entry().questions().forEach(ps::add);
            }
            out.write(json.writeValueAsString(header));
            out.newLine();
            List<String[]> queries = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    List<String> expected = new ArrayList<>();
                    node.path("expected_articles").forEach(a -> expected.add(a.path("law").asText() + "|" + a.path("no").asText()));
                    queries.add(new String[]{"everyday", node.path("query").asText(), String.join(";", expected), ""});
                }
            }
            for (KnowledgeBase.Known k : knowledge.snapshot().entries()) {
                List<String> expected = k.entry().articles().stream().map(a -> a.law() + "|" + a.no()).toList();
                for (String q : k.entry().questions()) {
                    queries.add(new String[]{"kb", q, String.join(";", expected), k.entry().id()});
                }
            }
            int n = 0;
            for (String[] q : queries) {
                String text = q[1];
                Query words = search.query(text, List.of(), false);
                SearchResponse<Map> lex = client.search(s -> s.index("law-articles").query(words).size(LawSearch.WINDOW)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes("lawId", "title", "no", "category", "status"))), Map.class);
                Optional<float[]> v = vectors.embed(text);
                Query nearest = LawSearch.nearest(v.orElseThrow(), List.of(), LawSearch.KNN_K);
                SearchResponse<Map> knn = client.search(s -> s.index("law-articles").query(nearest).size(LawSearch.KNN_K)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes("lawId", "title", "no", "category", "status"))), Map.class);
                ObjectNode row = json.createObjectNode().put("type", q[0]).put("query", text).put("expected", q[2]).put("entry", q[3]);
                hits(row.putArray("lex"), lex);
                hits(row.putArray("knn"), knn);
                // Every entry: per phrasing [cosine, overlap].
                String normalised = AnswerMatching.normalise(text);
                int[] bigrams = AnswerMatching.bigrams(normalised);
                ArrayNode kb = row.putArray("kb");
                for (KnowledgeBase.Known k : knowledge.snapshot().entries()) {
                    ArrayNode per = kb.addArray();
                    for (KnowledgeBase.Phrasing p : k.phrasings()) {
                        per.addArray().add(Math.round(AnswerMatching.dot(v.get(), p.vector()) * 10000) / 10000.0)
                                .add(Math.round(AnswerMatching.dice(bigrams, p.bigrams()) * 10000) / 10000.0);
                    }
                }
                out.write(json.writeValueAsString(row));
                out.newLine();
                if (++n % 100 == 0) {
                    System.out.printf("%d of %d questions%n", n, queries.size());
                }
            }
        }
        System.exit(0);
    }

    private static EverydayVocabulary loadVocabulary() throws Exception {
        try (var in = KnowledgeTuningDump.class.getClassLoader().getResourceAsStream(EverydayVocabulary.RESOURCE)) {
            return new EverydayVocabulary(EverydayVocabulary.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        }
    }

    private static cn.nanning.civic.search.synonyms.Synonyms synonyms() throws ReflectiveOperationException {
        var constructor = cn.nanning.civic.search.synonyms.Synonyms.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static void hits(ArrayNode array, SearchResponse<Map> response) {
        for (Hit<Map> hit : response.hits().hits()) {
            Map<?, ?> d = hit.source();
            array.addArray().add(hit.id()).add(String.valueOf(d.get("lawId"))).add(String.valueOf(d.get("title")))
                    .add(String.valueOf(d.get("no"))).add(String.valueOf(d.get("category"))).add(String.valueOf(d.get("status")))
                    .add(hit.score() == null ? 0 : Math.round(hit.score() * 1000) / 1000.0);
        }
    }
}
