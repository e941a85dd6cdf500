package cn.nanning.civic.search.laws;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import cn.nanning.civic.search.synonyms.Synonyms;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Article-level search grouped by law (field collapsing on the law id, the best articles of each law as inner hits).
 * Scores are plain BM25 over the article text (smartcn words, cjk bigrams at a lower weight) and the law title, plus
 * constant bonuses: versions in force above historical ones, national law above other provinces' local regulations
 * (the corpus has none from Guangxi, so those never apply to a Nanning resident).
 */
@Singleton
class LawSearch {

    static final String UNAVAILABLE_TYPE = "search-unavailable";
    static final String UNAVAILABLE_DETAIL = "搜索服务暂时不可用，请稍后再试。";
    private static final String INNER = "articles";

    /** Tuned on law-queries-dev.jsonl only (see docs/benchmarks.md). */
    static final float TEXT_CJK_WEIGHT = 0.5f;
    static final float TITLE_WEIGHT = 1.0f;
    static final float SYNONYM_WEIGHT = 0.6f;
    static final float CURRENT_BONUS = 3.0f;
    static final Map<String, Float> CATEGORY_BONUS = Map.of(
            "法律", 6.0f,
            "司法解释", 5.0f,
            "行政法规", 4.0f,
            "宪法", 2.0f,
            "部门规章", 2.0f);

    private final ElasticsearchClient client;
    private final LawSettings settings;
    private final Synonyms synonyms;

    LawSearch(ElasticsearchClient client, LawSettings settings, Synonyms synonyms) {
        this.client = client;
        this.settings = settings;
        this.synonyms = synonyms;
    }

    record Filters(@Nullable String category, @Nullable String region, @Nullable String issuer,
                   @Nullable String status, @Nullable LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {
    }

    LawSearchResults search(@Nullable String q, Filters filters, int page, int size, int perLaw) {
        String text = q == null ? "" : q.strip();
        BoolQuery.Builder bool = new BoolQuery.Builder();
        keyword(bool, "category", filters.category());
        keyword(bool, "region", filters.region());
        keyword(bool, "issuer", filters.issuer());
        keyword(bool, "status", filters.status());
        if (filters.effectiveFrom() != null || filters.effectiveTo() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("effective");
                if (filters.effectiveFrom() != null) {
                    d.gte(filters.effectiveFrom().toString());
                }
                if (filters.effectiveTo() != null) {
                    d.lte(filters.effectiveTo().toString());
                }
                return d;
            })));
        }
        if (!text.isEmpty()) {
            bool.must(textQuery(text));
            // Constant bonuses (no scripts on the dev node): a should clause adds its boost when it matches.
            bool.should(s -> s.constantScore(c -> c.filter(f -> f.term(t -> t.field("status").value(LawStatus.CURRENT)))
                    .boost(CURRENT_BONUS)));
            CATEGORY_BONUS.forEach((category, bonus) -> bool.should(s -> s.constantScore(c -> c
                    .filter(f -> f.term(t -> t.field("category").value(category))).boost(bonus))));
        }
        Query query = bool.build()._toQuery();
        SearchResponse<Map> response = run(() -> client.search(s -> {
            s.index(settings.articlesIndex()).query(query).from(page * size).size(size)
                    .source(src -> src.filter(f -> f.includes("lawId", "title", "category", "region", "issuer",
                            "promulgated", "effective", "status")))
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("laws", a -> a.cardinality(c -> c.field("lawId")))
                    .collapse(c -> c.field("lawId").innerHits(ih -> {
                        ih.name(INNER).size(perLaw)
                                .source(src -> src.filter(f -> f.includes("no", "chapter", "ordinal", "text")));
                        if (!text.isEmpty()) {
                            ih.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                                    .fragmentSize(120).numberOfFragments(2).noMatchSize(120)
                                    .fields(NamedValue.of("text", HighlightField.of(f -> f)), NamedValue.of("text.cjk", HighlightField.of(f -> f))));
                        } else {
                            ih.sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)));
                        }
                        return ih;
                    }));
            if (text.isEmpty()) {
                s.sort(o -> o.field(f -> f.field("promulgated").order(SortOrder.Desc).missing("_last")));
            }
            return s;
        }, Map.class));
        if (response == null) {
            return new LawSearchResults(0, 0, page, size, List.of());
        }
        List<LawSearchResults.LawHit> laws = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            laws.add(toLaw(hit));
        }
        long articles = response.hits().total() == null ? 0 : response.hits().total().value();
        long total = response.aggregations().get("laws") == null ? laws.size()
                : response.aggregations().get("laws").cardinality().value();
        return new LawSearchResults(total, articles, page, size, laws);
    }

    /** The words as typed (smartcn words, cjk bigrams, the law title), or an official term for an everyday word. */
    private Query textQuery(String text) {
        BoolQuery.Builder either = new BoolQuery.Builder().minimumShouldMatch("1")
                .should(s -> s.match(m -> m.field("text").query(text).operator(Operator.Or)))
                .should(s -> s.match(m -> m.field("text.cjk").query(text).boost(TEXT_CJK_WEIGHT)))
                .should(s -> s.match(m -> m.field("title").query(text).boost(TITLE_WEIGHT)));
        for (String term : synonyms.expansions(text)) {
            either.should(s -> s.matchPhrase(m -> m.field("text").query(term).boost(SYNONYM_WEIGHT)));
        }
        return either.build()._toQuery();
    }

    private static void keyword(BoolQuery.Builder bool, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f -> f.term(t -> t.field(field).value(FieldValue.of(value.strip()))));
        }
    }

    private static LawSearchResults.LawHit toLaw(Hit<Map> hit) {
        Map<?, ?> law = hit.source() == null ? Map.of() : hit.source();
        List<LawSearchResults.ArticleHit> articles = new ArrayList<>();
        InnerHitsResult inner = hit.innerHits().get(INNER);
        if (inner != null) {
            for (Hit<JsonData> article : inner.hits().hits()) {
                articles.add(toArticle(article));
            }
        }
        Double score = hit.score();
        if (score == null && !articles.isEmpty()) {
            score = articles.getFirst().score();
        }
        return new LawSearchResults.LawHit(str(law.get("lawId")), str(law.get("title")), str(law.get("category")),
                str(law.get("region")), str(law.get("issuer")), str(law.get("promulgated")), str(law.get("effective")),
                str(law.get("status")), score, articles);
    }

    @SuppressWarnings("unchecked")
    private static LawSearchResults.ArticleHit toArticle(Hit<JsonData> hit) {
        Map<String, Object> doc = hit.source() == null ? Map.of() : hit.source().to(Map.class);
        List<String> snippets = hit.highlight().get("text");
        if (snippets == null || snippets.isEmpty()) {
            snippets = hit.highlight().get("text.cjk");
        }
        if (snippets == null || snippets.isEmpty()) {
            String text = str(doc.get("text"));
            snippets = text == null ? List.of() : List.of(escape(text.length() > 120 ? text.substring(0, 120) + "…" : text));
        }
        Object ordinal = doc.get("ordinal");
        return new LawSearchResults.ArticleHit(str(doc.get("no")), str(doc.get("chapter")),
                ordinal instanceof Number n ? n.intValue() : 0, hit.score(), snippets);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#x27;");
    }

    private static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** Runs a query; a missing index reads as empty (null), an unreachable cluster as a 503 problem. */
    private <T> SearchResponse<T> run(Call<SearchResponse<T>> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return null;
            }
            if (ElasticsearchFailures.isUnavailable(e)) {
                throw ProblemException.unavailable(UNAVAILABLE_TYPE, UNAVAILABLE_DETAIL);
            }
            throw e;
        } catch (IOException e) {
            throw ProblemException.unavailable(UNAVAILABLE_TYPE, UNAVAILABLE_DETAIL);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }
}
