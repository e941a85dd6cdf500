package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes answered questions into the {@code questions} field of the articles they name (and their number into
 * {@code questionCount}) with partial updates, and clears the field on articles no longer named, so the FAQ can
 * change without reloading the laws. Articles are found by law id and article number; a law loaded again keeps no
 * questions until this runs again ({@link LoadLaws} runs it after every load).
 */
public final class QuestionLoader {

    static final String FIELD = "questions";
    static final String COUNT_FIELD = "questionCount";
    private static final int LAWS_PER_LOOKUP = 100;
    private static final int PAGE = 1_000;
    private static final int BATCH = 1_000;

    private final ElasticsearchClient client;
    private final String articlesIndex;
    private final PrintStream progress;

    public QuestionLoader(ElasticsearchClient client, String articlesIndex, PrintStream progress) {
        this.client = client;
        this.articlesIndex = articlesIndex;
        this.progress = progress;
    }

    /** Articles that got questions, questions indexed, articles cleared, and article refs not found in the index. */
    public record Result(int articles, int questions, int cleared, int unresolved, long millis) {
    }

    public Result apply(AnsweredQuestions questions) throws IOException {
        long started = System.nanoTime();
        LawIndices.ensureQuestionFields(client, articlesIndex);
        Set<String> before = articlesWithQuestions();
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        int unresolved = 0;
        List<Map.Entry<String, List<AnsweredQuestions.ArticleRef>>> laws = new ArrayList<>(questions.byLaw().entrySet());
        for (int from = 0; from < laws.size(); from += LAWS_PER_LOOKUP) {
            List<Map.Entry<String, List<AnsweredQuestions.ArticleRef>>> chunk = laws.subList(from, Math.min(from + LAWS_PER_LOOKUP, laws.size()));
            Map<AnsweredQuestions.ArticleRef, List<String>> ids = documents(chunk);
            for (var law : chunk) {
                for (AnsweredQuestions.ArticleRef ref : law.getValue()) {
                    List<String> found = ids.get(ref);
                    if (found == null) {
                        unresolved++;
                        continue;
                    }
                    for (String id : found) {
                        Set<String> merged = new LinkedHashSet<>(byDocument.getOrDefault(id, List.of()));
                        merged.addAll(questions.byArticle().get(ref));
                        byDocument.put(id, List.copyOf(merged));
                    }
                }
            }
        }
        List<BulkOperation> operations = new ArrayList<>();
        int cleared = 0;
        for (String id : before) {
            if (!byDocument.containsKey(id)) {
                // The client leaves null values out of a partial document, so an empty list and 0 clear the fields.
                operations.add(update(id, Map.of(FIELD, List.of(), COUNT_FIELD, 0)));
                cleared++;
            }
        }
        byDocument.forEach((id, list) -> operations.add(update(id, Map.of(FIELD, list, COUNT_FIELD, list.size()))));
        for (int from = 0; from < operations.size(); from += BATCH) {
            bulk(operations.subList(from, Math.min(from + BATCH, operations.size())));
        }
        client.indices().refresh(r -> r.index(articlesIndex));
        long millis = (System.nanoTime() - started) / 1_000_000L;
        progress.printf("Questions: %,d on %,d articles, %,d articles cleared, %,d article references not found (%.1f s)%n",
                questions.questionCount(), byDocument.size(), cleared, unresolved, millis / 1000.0);
        return new Result(byDocument.size(), questions.questionCount(), cleared, unresolved, millis);
    }

    private BulkOperation update(String id, Map<String, Object> fields) {
        return BulkOperation.of(op -> op.update(u -> u.index(articlesIndex).id(id).action(a -> a.doc(fields))));
    }

    /** The documents of the given laws' named articles (a number can occur twice in a law, e.g. in an annex). */
    private Map<AnsweredQuestions.ArticleRef, List<String>> documents(List<Map.Entry<String, List<AnsweredQuestions.ArticleRef>>> laws)
            throws IOException {
        BoolQuery.Builder any = new BoolQuery.Builder().minimumShouldMatch("1");
        int expected = 0;
        for (var law : laws) {
            List<FieldValue> numbers = law.getValue().stream().map(r -> FieldValue.of(r.no())).toList();
            expected += numbers.size();
            any.should(s -> s.bool(b -> b.filter(f -> f.term(t -> t.field("lawId").value(law.getKey())))
                    .filter(f -> f.terms(t -> t.field("no").terms(v -> v.value(numbers))))));
        }
        int size = Math.min(10_000, expected * 4 + 10);
        SearchResponse<Map> response = client.search(s -> s.index(articlesIndex).query(q -> q.constantScore(c -> c.filter(any.build()._toQuery())))
                .size(size).source(src -> src.filter(f -> f.includes("lawId", "no"))).trackTotalHits(t -> t.enabled(false)), Map.class);
        Map<AnsweredQuestions.ArticleRef, List<String>> ids = new HashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<?, ?> doc = hit.source();
            if (doc != null) {
                ids.computeIfAbsent(new AnsweredQuestions.ArticleRef(String.valueOf(doc.get("lawId")), String.valueOf(doc.get("no"))),
                        r -> new ArrayList<>()).add(hit.id());
            }
        }
        return ids;
    }

    /** Ids of the articles that hold questions now (a count of at least 1), paged in (lawId, ordinal) order. */
    private Set<String> articlesWithQuestions() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> cursor = after;
            SearchResponse<Void> page = client.search(s -> {
                s.index(articlesIndex).query(q -> q.range(r -> r.number(n -> n.field(COUNT_FIELD).gte(1.0)))).size(PAGE).source(src -> src.fetch(false))
                        .trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("lawId").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)));
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, Void.class);
            List<Hit<Void>> hits = page.hits().hits();
            hits.forEach(h -> ids.add(h.id()));
            if (hits.size() < PAGE) {
                return ids;
            }
            after = hits.getLast().sort();
        }
    }

    private void bulk(List<BulkOperation> operations) throws IOException {
        BulkResponse response = client.bulk(b -> b.operations(operations));
        if (response.errors()) {
            List<String> reasons = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && reasons.size() < 5) {
                    reasons.add(item.id() + ": " + item.error().reason());
                }
            }
            throw new IOException("updating questions failed for some articles, e.g. " + reasons);
        }
    }
}
