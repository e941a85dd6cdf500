package cn.nanning.civic.search.knowledge;

import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrators' entries in Elasticsearch (index {@code civic.search.answers.index}, default {@code law-answers}):
 * entries they added, entries of the bundled file they replaced, and bundled entries they retired. Every search
 * instance reads them, so all answer the same. Also looks up the article documents the entries cite.
 */
@Singleton
public class KnowledgeStore {

    static final String MAPPING = """
            {"settings":{"number_of_shards":1,"auto_expand_replicas":"0-1"},
             "mappings":{"dynamic":"strict","properties":{
              "id":{"type":"keyword"},"topic":{"type":"keyword"},"retired":{"type":"boolean"},
              "updatedAt":{"type":"date"},"updatedBy":{"type":"keyword"},
              "entry":{"type":"object","enabled":false}}}}""";
    /** Fields of an article document that ranking needs (as {@code LawSearch} fetches them). */
    public static final List<String> ARTICLE_FIELDS = List.of("lawId", "title", "category", "region", "issuer",
            "promulgated", "effective", "status", "no", "chapter", "ordinal");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final AnswerSettings settings;

    public KnowledgeStore(ElasticsearchClient client, AnswerSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** An administrator's document: a new or replacing entry, or a retired id (entry then null). */
    public record Stored(String id, KnowledgeEntry entry, boolean retired, Instant updatedAt, String updatedBy) {
    }

    public void put(KnowledgeEntry entry, String by) {
        write(entry.id(), entry, false, by);
    }

    public void retire(String id, String by) {
        write(id, null, true, by);
    }

    /** Many entries in one request (evaluation runs write a fold's entries at once). */
    public void putAll(List<KnowledgeEntry> entries, String by) {
        if (entries.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (KnowledgeEntry entry : entries) {
            Map<String, Object> doc = document(entry.id(), entry, false, by);
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(settings.index()).id(entry.id()).document(doc))));
        }
        bulk(operations);
    }

    /** Removes many administrators' documents in one request. */
    public void removeAll(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        bulk(ids.stream().map(id -> BulkOperation.of(op -> op.delete(d -> d.index(settings.index()).id(id)))).toList());
    }

    private void bulk(List<BulkOperation> operations) {
        run(() -> {
            ensureIndex();
            BulkResponse response = client.bulk(b -> b.operations(operations).refresh(Refresh.WaitFor));
            if (response.errors()) {
                throw new IOException("writing knowledge-base entries failed: " + response.items().stream()
                        .filter(i -> i.error() != null).map(i -> i.id() + " " + i.error().reason()).limit(3).toList());
            }
            return null;
        });
    }

    private static Map<String, Object> document(String id, KnowledgeEntry entry, boolean retired, String by) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("topic", entry == null ? null : entry.topic());
        doc.put("retired", retired);
        doc.put("updatedAt", Instant.now().toString());
        doc.put("updatedBy", by);
        doc.put("entry", entry == null ? null : JSON.convertValue(entry, Map.class));
        return doc;
    }

    private void write(String id, KnowledgeEntry entry, boolean retired, String by) {
        Map<String, Object> doc = document(id, entry, retired, by);
        run(() -> {
            ensureIndex();
            client.index(i -> i.index(settings.index()).id(id).document(doc).refresh(Refresh.WaitFor));
            return null;
        });
    }

    /** Every administrator's document; empty when the index does not exist yet. */
    @SuppressWarnings("unchecked")
    public List<Stored> all() {
        List<Stored> stored = new ArrayList<>();
        SearchResponse<Map> response = run(() -> client.search(s -> s.index(settings.index()).size(10_000)
                .query(q -> q.matchAll(m -> m)).trackTotalHits(t -> t.enabled(false)), Map.class));
        if (response == null) {
            return stored;
        }
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> doc = hit.source();
            if (doc == null) {
                continue;
            }
            Object entry = doc.get("entry");
            stored.add(new Stored(hit.id(), entry == null ? null : JSON.convertValue(entry, KnowledgeEntry.class),
                    Boolean.TRUE.equals(doc.get("retired")),
                    doc.get("updatedAt") == null ? null : Instant.parse(doc.get("updatedAt").toString()),
                    doc.get("updatedBy") == null ? null : doc.get("updatedBy").toString()));
        }
        return stored;
    }

    /** Puts back a document as it was (evaluation runs restore what administrators had). */
    public void restore(Stored stored) {
        write(stored.id(), stored.entry(), stored.retired(), stored.updatedBy());
    }

    /** Removes one administrator's document, so the bundled entry of that id (if any) applies again. */
    public void remove(String id) {
        run(() -> client.delete(d -> d.index(settings.index()).id(id).refresh(Refresh.WaitFor)));
    }

    /** Removes every administrator's document (tests and evaluation runs start clean). */
    public void clear() {
        run(() -> client.indices().delete(d -> d.index(settings.index()).ignoreUnavailable(true)));
    }

    /** An article document the knowledge base cites: its id and the fields ranking needs. */
    public record ArticleDoc(String id, Map<String, Object> fields) {
    }

    /**
     * The article documents of the given references, by {@link #key};  references not in the index are absent (a
     * number can occur twice in a law, e.g. in an annex: the first by position wins).
     */
    @SuppressWarnings("unchecked")
    public Map<String, ArticleDoc> articles(String articlesIndex, List<KnowledgeEntry.ArticleRef> refs) {
        Map<String, List<String>> byLaw = new LinkedHashMap<>();
        for (KnowledgeEntry.ArticleRef ref : refs) {
            List<String> numbers = byLaw.computeIfAbsent(ref.lawId(), id -> new ArrayList<>());
            if (!numbers.contains(ref.no())) {
                numbers.add(ref.no());
            }
        }
        Map<String, ArticleDoc> found = new HashMap<>();
        List<Map.Entry<String, List<String>>> laws = new ArrayList<>(byLaw.entrySet());
        for (int from = 0; from < laws.size(); from += 100) {
            List<Map.Entry<String, List<String>>> chunk = laws.subList(from, Math.min(from + 100, laws.size()));
            BoolQuery.Builder any = new BoolQuery.Builder().minimumShouldMatch("1");
            int expected = 0;
            for (var law : chunk) {
                List<FieldValue> numbers = law.getValue().stream().map(FieldValue::of).toList();
                expected += numbers.size();
                any.should(s -> s.bool(b -> b.filter(f -> f.term(t -> t.field("lawId").value(law.getKey())))
                        .filter(f -> f.terms(t -> t.field("no").terms(v -> v.value(numbers))))));
            }
            int size = Math.min(10_000, expected * 4 + 10);
            SearchResponse<Map> response = run(() -> client.search(s -> s.index(articlesIndex)
                    .query(q -> q.constantScore(c -> c.filter(any.build()._toQuery()))).size(size)
                    .source(src -> src.filter(f -> f.includes(ARTICLE_FIELDS))).trackTotalHits(t -> t.enabled(false)), Map.class));
            if (response == null) {
                continue;
            }
            for (Hit<Map> hit : response.hits().hits()) {
                Map<String, Object> doc = hit.source();
                if (doc == null) {
                    continue;
                }
                String key = key(String.valueOf(doc.get("lawId")), String.valueOf(doc.get("no")));
                ArticleDoc known = found.get(key);
                int ordinal = doc.get("ordinal") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
                if (known == null || (known.fields().get("ordinal") instanceof Number m && m.intValue() > ordinal)) {
                    found.put(key, new ArticleDoc(hit.id(), doc));
                }
            }
        }
        return found;
    }

    /** How {@link #articles} keys an article: law version id and article number. */
    public static String key(String lawId, String no) {
        return lawId + "|" + no;
    }

    private void ensureIndex() throws IOException {
        if (client.indices().exists(e -> e.index(settings.index())).value()) {
            return;
        }
        try {
            client.indices().create(c -> c.index(settings.index()).withJson(new StringReader(MAPPING)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** Runs a call; a missing index reads as null, an unreachable cluster as a 503 problem. */
    private <R> R run(Call<R> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return null;
            }
            if (ElasticsearchFailures.isUnavailable(e)) {
                throw ElasticsearchFailures.unavailable();
            }
            throw e;
        } catch (IOException e) {
            throw ElasticsearchFailures.unavailable();
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
