package cn.nanning.civic.search.catalogue;

import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import cn.nanning.civic.common.problem.ProblemException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import cn.nanning.civic.search.synonyms.Synonyms;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queries over the catalogue index: full-text search with filters and highlights, and name suggestions. */
@Singleton
class CatalogueSearch {


    /** Each analysed field with its weight: smartcn words first, cjk bigrams for recall with a lower weight. */
    private static final List<String> SEARCH_FIELDS = List.of(
            "name^4", "name.cjk^2",
            "conditions^1.5", "conditions.cjk^0.7",
            "materials", "materials.cjk^0.5",
            "legalBasis", "legalBasis.cjk^0.5");
    private static final List<String> CJK_FIELDS = List.of("name.cjk", "conditions.cjk", "materials.cjk", "legalBasis.cjk");
    private static final List<String> HIGHLIGHTED = List.of("name", "conditions", "materials", "legalBasis");
    private static final int SUGGESTIONS = 10;

    private final ElasticsearchClient client;
    private final CatalogueIndex index;
    private final Synonyms synonyms;
    private final ServiceVocabulary vocabulary;

    /** Catalogue words for an everyday description, weighted below the words as typed. */
    static final float VOCABULARY_WEIGHT = 0.8f;

    CatalogueSearch(ElasticsearchClient client, CatalogueIndex index, Synonyms synonyms, ServiceVocabulary vocabulary) {
        this.client = client;
        this.index = index;
        this.synonyms = synonyms;
        this.vocabulary = vocabulary;
    }

    ServiceSearchResults search(@Nullable String q, @Nullable String department, @Nullable String implementingLevel,
                                @Nullable Boolean proxyAllowed, int page, int size, double minScore) {
        String text = q == null ? "" : q.strip();
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .mustNot(m -> m.term(t -> t.field("retired").value(true)));
        if (department != null && !department.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("department").value(department.strip())));
        }
        if (implementingLevel != null && !implementingLevel.isBlank()) {
            bool.filter(f -> f.term(t -> t.field("implementingLevel").value(implementingLevel.strip())));
        }
        if (proxyAllowed != null) {
            bool.filter(f -> f.term(t -> t.field("proxyAllowed").value(proxyAllowed)));
        }
        if (!text.isEmpty()) {
            bool.must(textQuery(text));
            bool.filter(twoCharacters(text));
        }
        Query query = bool.build()._toQuery();
        SearchResponse<CatalogueDocument> response = run(() -> client.search(s -> {
            s.index(index.name()).query(query).from(page * size).size(size).trackTotalHits(t -> t.enabled(true));
            if (!text.isEmpty() && minScore > 0) {
                // Hits sharing a character or two with the words (a smartcn single-character token, one cjk bigram)
                // score far below an item that is about them; the floor leaves them out, and out of the total.
                s.minScore(minScore);
            }
            if (text.isEmpty()) {
                s.sort(o -> o.field(f -> f.field("code").order(SortOrder.Asc)));
            } else {
                s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fragmentSize(80).numberOfFragments(3)
                        .fields(highlightFields()));
            }
            return s;
        }, CatalogueDocument.class));
        if (response == null) {
            return new ServiceSearchResults(0, page, size, List.of());
        }
        List<ServiceSearchResults.ServiceHit> hits = response.hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(CatalogueSearch::toHit)
                .toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new ServiceSearchResults(total, page, size, hits);
    }

    /**
     * A hit must share at least two characters in a row with the question (a cjk bigram) or contain a catalogue word
     * for its everyday words: smartcn splits words it does not know into single characters, and one character in
     * common ("证" of 残疾人证) is no match. Not scored: the ranking stays with {@link #textQuery}.
     */
    private Query twoCharacters(String text) {
        BoolQuery.Builder any = new BoolQuery.Builder().minimumShouldMatch("1")
                .should(q -> q.multiMatch(mm -> mm.query(text).fields(CJK_FIELDS)));
        List<String> words = new ArrayList<>(synonyms.expansions(text));
        words.addAll(vocabulary.expansions(text));
        for (String word : words) {
            any.should(q -> q.multiMatch(mm -> mm.query(word).fields(SEARCH_FIELDS).type(TextQueryType.Phrase)));
        }
        return any.build()._toQuery();
    }

    /** The words as typed, or any official term for an everyday word in them (each as a phrase, weighted lower). */
    private Query textQuery(String text) {
        Query asTyped = Query.of(q -> q.multiMatch(mm -> mm.query(text).fields(SEARCH_FIELDS)
                .type(TextQueryType.BestFields).tieBreaker(0.3)));
        List<String> expansions = synonyms.expansions(text);
        List<String> catalogueWords = vocabulary.expansions(text);
        if (expansions.isEmpty() && catalogueWords.isEmpty()) {
            return asTyped;
        }
        BoolQuery.Builder either = new BoolQuery.Builder().should(asTyped).minimumShouldMatch("1");
        for (String term : expansions) {
            either.should(q -> q.multiMatch(mm -> mm.query(term).fields(SEARCH_FIELDS)
                    .type(TextQueryType.Phrase).boost(0.6f)));
        }
        for (String term : catalogueWords) {
            if (!expansions.contains(term)) {
                either.should(q -> q.multiMatch(mm -> mm.query(term).fields(SEARCH_FIELDS)
                        .type(TextQueryType.Phrase).boost(VOCABULARY_WEIGHT)));
            }
        }
        return either.build()._toQuery();
    }

    List<String> suggest(@Nullable String prefix) {
        String text = prefix == null ? "" : prefix.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        SearchResponse<CatalogueDocument> response = run(() -> client.search(s -> s.index(index.name())
                .size(SUGGESTIONS * 2)
                .source(src -> src.filter(f -> f.includes("name")))
                .query(q -> q.bool(b -> b
                        .mustNot(m -> m.term(t -> t.field("retired").value(true)))
                        // Names that start with the text first, then names containing it (cjk bigrams, last one a prefix).
                        .should(sh -> sh.prefix(p -> p.field("name.keyword").value(text).boost(3f)))
                        .should(sh -> sh.matchPhrasePrefix(p -> p.field("name.cjk").query(text)))
                        .minimumShouldMatch("1"))), CatalogueDocument.class));
        if (response == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Hit<CatalogueDocument> hit : response.hits().hits()) {
            if (hit.source() != null && hit.source().name() != null) {
                names.add(hit.source().name());
            }
            if (names.size() == SUGGESTIONS) {
                break;
            }
        }
        return List.copyOf(names);
    }

    private static List<NamedValue<HighlightField>> highlightFields() {
        List<NamedValue<HighlightField>> fields = new ArrayList<>();
        for (String field : HIGHLIGHTED) {
            fields.add(NamedValue.of(field, HighlightField.of(f -> f)));
            fields.add(NamedValue.of(field + ".cjk", HighlightField.of(f -> f)));
        }
        return fields;
    }

    private static ServiceSearchResults.ServiceHit toHit(Hit<CatalogueDocument> hit) {
        CatalogueDocument doc = hit.source();
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        // Prefer the word-level snippets; fall back to the bigram ones under the parent field's name.
        for (String field : HIGHLIGHTED) {
            List<String> snippets = hit.highlight().get(field);
            if (snippets == null || snippets.isEmpty()) {
                snippets = hit.highlight().get(field + ".cjk");
            }
            if (snippets != null && !snippets.isEmpty()) {
                highlights.put(field, snippets);
            }
        }
        return new ServiceSearchResults.ServiceHit(doc.code(), doc.name(), doc.department(),
                Boolean.TRUE.equals(doc.proxyAllowed()), hit.score(), highlights);
    }

    /** Runs a query; a missing index reads as empty (null), an unreachable cluster as a 503 problem. */
    private <T> SearchResponse<T> run(Call<SearchResponse<T>> call) {
        try {
            index.ensureExists();
            return call.run();
        } catch (ElasticsearchException e) {
            if (CatalogueIndex.isMissingIndex(e)) {
                index.forget();
                return null;
            }
            if (CatalogueIndex.isUnavailable(e)) {
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
