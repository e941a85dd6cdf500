package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads whole articles and a law's articles in order from the law indices (the texts as loaded, nothing ranked). */
@Singleton
class LawTexts {

    /** The longest law of the corpus (the Civil Code) has 1,260 articles. */
    static final int MAX_ARTICLES = 5_000;

    private final ElasticsearchClient client;
    private final LawSettings settings;

    LawTexts(ElasticsearchClient client, LawSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** One article document as stored. */
    record Article(String id, String lawId, String title, @Nullable String category, @Nullable String effective,
                   @Nullable String status, @Nullable String no, @Nullable String chapter, int ordinal, @Nullable String text) {
    }

    /** An article's place in its law: id, number, position, heading path. */
    record Entry(String id, @Nullable String no, @Nullable String chapter, int ordinal) {
    }

    Optional<Article> article(String articleId) {
        Map<?, ?> doc = ElasticsearchFailures.readOrNull(() -> {
            GetResponse<Map> got = client.get(g -> g.index(settings.articlesIndex()).id(articleId)
                    .sourceIncludes("lawId", "title", "category", "effective", "status", "no", "chapter", "ordinal", "text"), Map.class);
            return got.found() ? got.source() : null;
        });
        if (doc == null || doc.get("lawId") == null) {
            return Optional.empty();
        }
        return Optional.of(new Article(articleId, str(doc.get("lawId")), str(doc.get("title")), str(doc.get("category")),
                str(doc.get("effective")), str(doc.get("status")), str(doc.get("no")), str(doc.get("chapter")),
                doc.get("ordinal") instanceof Number n ? n.intValue() : 0, str(doc.get("text"))));
    }

    /** The articles right before and after an ordinal in the same law (either may be missing). */
    List<Entry> around(String lawId, int ordinal) {
        SearchResponse<Map> found = ElasticsearchFailures.readOrNull(() -> client.search(s -> s.index(settings.articlesIndex()).size(2)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("lawId").value(lawId)))
                        .filter(f -> f.terms(t -> t.field("ordinal").terms(v -> v.value(List.of(
                                co.elastic.clients.elasticsearch._types.FieldValue.of(ordinal - 1),
                                co.elastic.clients.elasticsearch._types.FieldValue.of(ordinal + 1))))))))
                .source(src -> src.filter(f -> f.includes("no", "chapter", "ordinal"))), Map.class));
        return entries(found);
    }

    /** The law document (metadata, history); empty when the index lacks it. */
    Optional<Map<?, ?>> law(String lawId) {
        return Optional.ofNullable(ElasticsearchFailures.readOrNull(() -> {
            GetResponse<Map> got = client.get(g -> g.index(settings.index()).id(lawId), Map.class);
            return got.found() ? got.source() : null;
        }));
    }

    /** Every article of a law in order, without texts. */
    List<Entry> contents(String lawId) {
        SearchResponse<Map> found = ElasticsearchFailures.readOrNull(() -> client.search(s -> s.index(settings.articlesIndex()).size(MAX_ARTICLES)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("lawId").value(lawId)))))
                .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)))
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes("no", "chapter", "ordinal"))), Map.class));
        return entries(found);
    }

    private static List<Entry> entries(@Nullable SearchResponse<Map> found) {
        List<Entry> entries = new ArrayList<>();
        if (found == null) {
            return entries;
        }
        for (Hit<Map> hit : found.hits().hits()) {
            Map<?, ?> doc = hit.source();
            if (doc != null) {
                entries.add(new Entry(hit.id(), str(doc.get("no")), str(doc.get("chapter")),
                        doc.get("ordinal") instanceof Number n ? n.intValue() : 0));
            }
        }
        entries.sort(java.util.Comparator.comparingInt(Entry::ordinal));
        return entries;
    }

    private static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
