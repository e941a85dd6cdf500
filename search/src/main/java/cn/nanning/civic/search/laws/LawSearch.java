package cn.nanning.civic.search.laws;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import cn.nanning.civic.search.knowledge.AnswerSettings;
import cn.nanning.civic.search.knowledge.EverydayVocabulary;
import cn.nanning.civic.search.knowledge.KnowledgeBase;
import cn.nanning.civic.search.knowledge.KnowledgeStore;
import cn.nanning.civic.search.semantic.QuestionVectors;
import cn.nanning.civic.search.synonyms.Synonyms;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Article-level search grouped by law. Scores are BM25 over the article text (smartcn words, cjk bigrams at a lower
 * weight, phrases of official terms for everyday words), plus constant bonuses: versions in force above historical
 * ones, national law above other provinces' local regulations (the corpus has none from Guangxi, so those never apply
 * to a Nanning resident). Laws are ranked in the service from their best articles (see {@link #ranked}).
 */
@Singleton
class LawSearch {

    private static final String INNER = "articles";

    /**
     * Articles fetched to rank laws; laws beyond them are not paged to (a question is answered in the first pages).
     * 200 is the build docs/benchmarks.md measured on the test file; 100 ranked the same on the first 400 dev questions.
     */
    static final int WINDOW = 200;
    static final int TOTAL_CAP = 10_000;
    static final int SNIPPET_LENGTH = 150;
    /** A law's score: best article + DECAY × second + DECAY² × third … (tuned on law-queries-dev.jsonl only). */
    static final int SUPPORTING_ARTICLES = 10;
    static final double SUPPORT_DECAY = 0.5;
    /** Tuned on law-queries-dev.jsonl only (see docs/benchmarks.md). */
    static final float TEXT_CJK_WEIGHT = 0.7f;
    /**
     * An article's place in the article list also reflects its law: score × (1 + CONTEXT × law score / best law score).
     * Law titles are not searched: everyday words (工资, 物业) match the titles of many local regulations and pulled
     * them above the national law that answers (law recall@5 on the dev file 0.80 with titles, 0.86 without).
     */
    static final double LAW_CONTEXT = 0.3;
    static final float SYNONYM_WEIGHT = 0.6f;
    /**
     * Document expansion: the questions an article answered before ({@link QuestionLoader}), matched in smartcn words
     * and cjk bigrams. Chosen by 5-fold cross-validation on law-queries-dev.jsonl (see docs/benchmarks.md).
     */
    static final float QUESTION_WEIGHT = 0.7f;
    static final float QUESTION_CJK_WEIGHT = 0.7f;
    /**
     * The semantic signal (bge-small-zh-v1.5 sentence embeddings, {@link QuestionVectors}): the {@link #KNN_K}
     * articles nearest to the question (HNSW, {@link #KNN_CANDIDATES_FACTOR} × k candidates) join the articles found by
     * words, and each adds SEMANTIC_WEIGHT × max(0, cosine − SEMANTIC_FLOOR) to its score (word scores of the top
     * articles run ~35–140, cosines of the nearest ~0.55–0.75). Chosen on the dev file's cross-validated folds (see
     * docs/benchmarks.md): a plateau around floor 0.45–0.55, weight 200–400; k 100 ranks within 0.002 of k 300.
     */
    static final double SEMANTIC_WEIGHT = 300;
    static final double SEMANTIC_FLOOR = 0.5;
    static final int KNN_K = 100;
    static final int KNN_CANDIDATES_FACTOR = 2;
    /** Legal terms for everyday words ({@link EverydayVocabulary}) as phrases on the article text. */
    static final float VOCABULARY_WEIGHT = 0.6f;
    /**
     * The knowledge base, both ways (chosen on our own files, see docs/benchmarks.md). Each of the
     * {@link #KNOWN_MATCHES} entries nearest to the question (similarity s, {@link KnowledgeBase#match}) adds
     * ANSWER_WEIGHT × max(0, s − ANSWER_FLOOR) to the articles it cites (the first cited in full, later ones by
     * CITED_DECAY per place): a question close to a known one goes straight to its articles. Entries at
     * {@link #DIRECT_ANSWER} or above are shown with their plain answer and next step.
     */
    static final int KNOWN_MATCHES = 10;
    static final double ANSWER_WEIGHT = 400;
    static final double ANSWER_FLOOR = 0.65;
    static final double CITED_DECAY = 0.8;
    static final double DIRECT_ANSWER = 0.95;
    static final int MAX_ANSWERS = 3;
    /**
     * Second stage, within a law: its articles are re-ordered by their score + RERANK_WEIGHT × max(0, s − RERANK_FLOOR)
     * for every near entry citing them, so that among a large law's (the Civil Code's) many matching articles the ones
     * answering questions like this one come first. The law's own rank stays as the first stage set it.
     */
    static final double RERANK_WEIGHT = 100;
    static final double RERANK_FLOOR = 0.55;
    static final float CURRENT_BONUS = 3.0f;
    static final Map<String, Float> CATEGORY_BONUS = Map.of(
            "法律", 18.0f,
            "司法解释", 15.0f,
            "行政法规", 12.0f,
            "宪法", 6.0f,
            "部门规章", 6.0f);

    private final ElasticsearchClient client;
    private final LawSettings settings;
    private final Synonyms synonyms;
    private final QuestionVectors vectors;
    private final KnowledgeBase knowledge;
    private final EverydayVocabulary vocabulary;

    /** Without version marks and next steps (tuning harnesses). */
    LawSearch(ElasticsearchClient client, LawSettings settings, Synonyms synonyms, QuestionVectors vectors,
              KnowledgeBase knowledge, EverydayVocabulary vocabulary, AnswerSettings answers) {
        this(client, settings, synonyms, vectors, knowledge, vocabulary, answers, null, null);
    }

    @jakarta.inject.Inject
    LawSearch(ElasticsearchClient client, LawSettings settings, Synonyms synonyms, QuestionVectors vectors,
              KnowledgeBase knowledge, EverydayVocabulary vocabulary, AnswerSettings answers,
              @Nullable LawVersions versions, @Nullable CitingItems citing) {
        this.versions = versions;
        this.citing = citing;
        this.client = client;
        this.settings = settings;
        this.synonyms = synonyms;
        this.vectors = vectors;
        this.knowledge = knowledge;
        this.vocabulary = answers.enabled() ? vocabulary : new EverydayVocabulary(Map.of());
        this.useKnowledge = answers.enabled();
    }

    private final boolean useKnowledge;
    private final @Nullable LawVersions versions;
    private final @Nullable CitingItems citing;

    private List<KnowledgeBase.Match> known(String text, Optional<float[]> vector) {
        return useKnowledge ? knowledge.match(text, vector, KNOWN_MATCHES) : List.of();
    }

    record Filters(@Nullable String category, @Nullable String region, @Nullable String issuer,
                   @Nullable String status, @Nullable LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {
    }

    LawSearchResults search(@Nullable String q, Filters filters, int page, int size, int perLaw) {
        String text = q == null ? "" : q.strip();
        List<Query> filterQueries = filters(filters);
        addRepealFilter(filterQueries, filters.status());
        if (text.isEmpty()) {
            // Browsing lists each title once too: its newest version, older ones in otherVersions (unless asked for).
            List<Query> browsing = new ArrayList<>(filterQueries);
            if (filters.status() == null) {
                browsing.add(Query.of(f -> f.bool(b -> b.mustNot(n -> n.term(t -> t.field("status").value(LawStatus.HISTORICAL))))));
            }
            return browse(query(text, browsing, false), page, size, perLaw);
        }
        Query words = query(text, filterQueries, false);
        boolean filtered = !filterQueries.isEmpty();
        if (!vectors.ready()) {
            Known known = new Known(known(text, Optional.empty()), filtered);
            return ranked(byWords(words), null, known, text, page, size, perLaw);
        }
        // The word search runs while the question is embedded and its nearest articles are looked up.
        CompletableFuture<ResponseBody<Map>> lexical = CompletableFuture.supplyAsync(() -> byWords(words), PARALLEL);
        Optional<float[]> vector = vectors.embed(text);
        Known known = new Known(known(text, vector), filtered);
        ResponseBody<Map> byMeaning = vector.map(v -> byMeaning(nearest(v, filterQueries, KNN_K))).orElse(null);
        ResponseBody<Map> response;
        try {
            response = lexical.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return ranked(response, byMeaning, known, text, page, size, perLaw);
    }

    /**
     * The knowledge-base entries near the question and what they add: per article document, the first-stage boost
     * and the within-law vote; the entries close enough to show; the cited articles' documents.
     */
    static final class Known {
        final List<KnowledgeBase.Match> matches;
        final Map<String, Double> boost = new HashMap<>();
        final Map<String, Double> vote = new HashMap<>();
        final Map<String, Map<String, Object>> docs = new HashMap<>();
        final List<KnowledgeBase.Match> direct = new ArrayList<>();
        final boolean filtered;

        Known(List<KnowledgeBase.Match> matches, boolean filtered) {
            this.matches = matches;
            this.filtered = filtered;
            for (KnowledgeBase.Match m : matches) {
                if (m.score() >= DIRECT_ANSWER && direct.size() < MAX_ANSWERS) {
                    direct.add(m);
                }
                double weight = 1;
                for (KnowledgeStore.ArticleDoc doc : m.known().articles()) {
                    if (doc != null) {
                        double b = weight * ANSWER_WEIGHT * Math.max(0, m.score() - ANSWER_FLOOR);
                        double v = weight * RERANK_WEIGHT * Math.max(0, m.score() - RERANK_FLOOR);
                        if (b > 0) {
                            boost.merge(doc.id(), b, Double::sum);
                        }
                        if (v > 0) {
                            vote.merge(doc.id(), v, Double::sum);
                        }
                        docs.putIfAbsent(doc.id(), doc.fields());
                    }
                    weight *= CITED_DECAY;
                }
            }
        }
    }

    private static final Executor PARALLEL = Executors.newVirtualThreadPerTaskExecutor();

    private ResponseBody<Map> byWords(Query words) {
        return run(() -> client.search(s -> s.index(settings.articlesIndex()).query(words)
                .size(WINDOW).trackTotalHits(t -> t.count(TOTAL_CAP))
                .source(src -> src.filter(f -> f.includes(RANKING_FIELDS))), Map.class));
    }

    private ResponseBody<Map> byMeaning(Query nearest) {
        return run(() -> client.search(s -> s.index(settings.articlesIndex()).query(nearest)
                .size(KNN_K).trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(RANKING_FIELDS))), Map.class));
    }

    static List<Query> filters(Filters filters) {
        List<Query> filterQueries = new ArrayList<>();
        keyword(filterQueries, "category", filters.category());
        keyword(filterQueries, "region", filters.region());
        keyword(filterQueries, "issuer", filters.issuer());
        // The indices know current and historical; which versions in force the corpus repealed is known at read time.
        if (!LawVersions.REPEALED.equals(filters.status())) {
            keyword(filterQueries, "status", filters.status());
        }
        if (filters.effectiveFrom() != null || filters.effectiveTo() != null) {
            filterQueries.add(Query.of(f -> f.range(r -> r.date(d -> {
                d.field("effective");
                if (filters.effectiveFrom() != null) {
                    d.gte(filters.effectiveFrom().toString());
                }
                if (filters.effectiveTo() != null) {
                    d.lte(filters.effectiveTo().toString());
                }
                return d;
            }))));
        }
        return filterQueries;
    }

    /** status=current leaves out the versions the corpus repealed; status=repealed keeps only them. */
    private void addRepealFilter(List<Query> filterQueries, @Nullable String status) {
        if (versions == null || status == null) {
            return;
        }
        List<FieldValue> repealed = versions.repealedIds().stream().map(FieldValue::of).toList();
        if (LawStatus.CURRENT.equals(status) && !repealed.isEmpty()) {
            filterQueries.add(Query.of(f -> f.bool(b -> b.mustNot(n -> n.terms(t -> t.field("lawId").terms(v -> v.value(repealed)))))));
        } else if (LawVersions.REPEALED.equals(status)) {
            filterQueries.add(Query.of(f -> f.terms(t -> t.field("lawId").terms(v -> v.value(repealed)))));
        }
    }

    /**
     * The word query: filters, the words, constant bonuses. {@code named} names the word clause "words" for tuning
     * harnesses ({@code include_named_queries_score}).
     */
    Query query(String text, List<Query> filterQueries, boolean named) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(filterQueries);
        if (!text.isEmpty()) {
            bool.must(textQuery(text, named));
            // Constant bonuses (no scripts on the dev node): a should clause adds its boost when it matches.
            bool.should(s -> s.constantScore(c -> c.filter(f -> f.term(t -> t.field("status").value(LawStatus.CURRENT)))
                    .boost(CURRENT_BONUS)));
            CATEGORY_BONUS.forEach((category, bonus) -> bool.should(s -> s.constantScore(c -> c
                    .filter(f -> f.term(t -> t.field("category").value(category))).boost(bonus))));
        }
        return bool.build()._toQuery();
    }

    /**
     * The articles nearest to the question vector among the filtered ones (the filters go into the kNN search, so it
     * looks for k matching articles rather than filtering k found ones away). Score (1 + cosine) / 2.
     */
    static Query nearest(float[] vector, List<Query> filterQueries, int k) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        return Query.of(m -> m.knn(n -> n.field(LawLoader.VECTOR_FIELD).queryVector(values).k(k)
                .numCandidates(KNN_CANDIDATES_FACTOR * k).filter(filterQueries)));
    }

    /** The constant bonuses of {@link #query} for an article found only by meaning. */
    static double bonus(Map<?, ?> doc) {
        double bonus = LawStatus.CURRENT.equals(doc.get("status")) ? CURRENT_BONUS : 0;
        Float category = doc.get("category") == null ? null : CATEGORY_BONUS.get(doc.get("category").toString());
        return bonus + (category == null ? 0 : category);
    }

    /** An article's score by meaning, added to its score by words: SEMANTIC_WEIGHT × max(0, cosine − SEMANTIC_FLOOR). */
    static double meaning(double knnScore) {
        double cosine = 2 * knnScore - 1;
        return SEMANTIC_WEIGHT * Math.max(0, cosine - SEMANTIC_FLOOR);
    }

    /**
     * Ranks laws by their best articles: the best {@link #WINDOW} articles by words and, with a question vector, the
     * {@link #KNN_K} nearest by meaning (two searches at once; no highlighting, small source); each article
     * scores its words (with the bonuses) plus {@link #meaning}, the best {@link #WINDOW} are kept; the service groups
     * them by law (a law's score is its best article's score plus decayed shares of its next ones, so a law that
     * answers with several articles rises), then a second query highlights only the articles on the page. Cheap
     * queries instead of collapsing with inner hits, which cost one search per law.
     */
    private LawSearchResults ranked(@Nullable ResponseBody<Map> response, @Nullable ResponseBody<Map> byMeaning, Known known,
                                    String text, int page, int size, int perLaw) {
        if (response == null) {
            return new LawSearchResults(0, 0, page, size, List.of(), List.of());
        }
        Map<String, RankedArticle> candidates = new LinkedHashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            if (hit.source() != null && hit.source().get("lawId") != null) {
                candidates.put(hit.id(), new RankedArticle(hit.id(), hit.source(), hit.score() == null ? 0 : hit.score()));
            }
        }
        int byMeaningOnly = 0;
        if (byMeaning != null) {
            for (Hit<Map> hit : byMeaning.hits().hits()) {
                if (hit.source() == null || hit.source().get("lawId") == null || hit.score() == null) {
                    continue;
                }
                double added = meaning(hit.score());
                RankedArticle found = candidates.get(hit.id());
                if (found != null) {
                    candidates.put(hit.id(), new RankedArticle(hit.id(), found.doc(), found.score() + added));
                } else if (added > 0) {
                    candidates.put(hit.id(), new RankedArticle(hit.id(), hit.source(), bonus(hit.source()) + added));
                    byMeaningOnly++;
                }
            }
        }
        // The knowledge base: articles cited by entries near the question rise; ones neither search found join (not
        // under filters, which they might not pass).
        for (Map.Entry<String, Double> b : known.boost.entrySet()) {
            RankedArticle found = candidates.get(b.getKey());
            if (found != null) {
                candidates.put(b.getKey(), new RankedArticle(found.id(), found.doc(), found.score() + b.getValue()));
            } else if (!known.filtered) {
                Map<String, Object> doc = known.docs.get(b.getKey());
                candidates.put(b.getKey(), new RankedArticle(b.getKey(), doc, bonus(doc) + b.getValue()));
                byMeaningOnly++;
            }
        }
        List<RankedArticle> window = new ArrayList<>(candidates.values());
        window.sort(Comparator.comparingDouble(RankedArticle::score).reversed());
        Map<String, RankedLaw> byLaw = new LinkedHashMap<>();
        for (RankedArticle article : window.subList(0, Math.min(WINDOW, window.size()))) {
            Map<?, ?> doc = article.doc();
            byLaw.computeIfAbsent(doc.get("lawId").toString(), id -> new RankedLaw(doc)).add(article.id(), doc, article.score());
        }
        List<RankedLaw> ordered = new ArrayList<>(byLaw.values());
        ordered.sort(Comparator.comparingDouble(RankedLaw::score).reversed());
        // Second stage: within each law, the articles near entries cite move up; the law keeps its place.
        for (RankedLaw law : ordered) {
            law.rerank(known.vote);
        }
        ordered = collapse(ordered);
        int from = Math.min(page * size, ordered.size());
        List<RankedLaw> shown = ordered.subList(from, Math.min(from + size, ordered.size()));
        Map<String, List<String>> snippets = highlights(text, shown.stream()
                .flatMap(law -> law.articles.stream().limit(perLaw)).map(RankedArticle::id).toList());
        List<LawSearchResults.LawHit> laws = new ArrayList<>();
        double best = ordered.isEmpty() ? 1 : Math.max(ordered.getFirst().score(), 1e-9);
        for (RankedLaw law : shown) {
            double context = 1 + LAW_CONTEXT * law.score() / best;
            List<LawSearchResults.ArticleHit> articles = law.articles.stream().limit(perLaw)
                    .map(a -> new LawSearchResults.ArticleHit(a.id, str(a.doc.get("no")), str(a.doc.get("chapter")),
                            a.doc.get("ordinal") instanceof Number n ? n.intValue() : 0, a.score * context,
                            snippets.getOrDefault(a.id, List.of())))
                    .toList();
            laws.add(lawHit(law.doc, law.score(), articles));
        }
        laws = withNextSteps(laws);
        long articles = (response.hits().total() == null ? 0 : response.hits().total().value()) + byMeaningOnly;
        List<LawSearchResults.Answer> answers = page > 0 ? List.of() : known.direct.stream().map(LawSearchResults.Answer::of).toList();
        return new LawSearchResults(ordered.size(), articles, page, size, answers, laws);
    }

    private static final List<String> RANKING_FIELDS = List.of("lawId", "title", "category", "region", "issuer",
            "promulgated", "effective", "status", "no", "chapter", "ordinal");

    /** Highlighted snippets of the given articles only, by article id; an article without a match shows its opening. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> highlights(String text, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // The articles are already chosen: fetch them by id and highlight the words of the question (and the official
        // terms for its everyday words) in the smartcn field only; re-running the scoring query there cost ~30 ms.
        BoolQuery.Builder words = new BoolQuery.Builder().should(s -> s.match(m -> m.field("text").query(text)));
        for (String term : synonyms.expansions(text)) {
            words.should(s -> s.matchPhrase(m -> m.field("text").query(term)));
        }
        for (String term : vocabulary.expansions(text)) {
            words.should(s -> s.matchPhrase(m -> m.field("text").query(term)));
        }
        Query highlightQuery = words.build()._toQuery();
        SearchResponse<Map> response = run(() -> client.search(s -> s.index(settings.articlesIndex())
                .query(q -> q.ids(i -> i.values(ids))).size(ids.size()).trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes("text")))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fragmentSize(SNIPPET_LENGTH).numberOfFragments(1).noMatchSize(SNIPPET_LENGTH)
                        .highlightQuery(highlightQuery)
                        .fields(NamedValue.of("text", HighlightField.of(f -> f)))),
                Map.class));
        Map<String, List<String>> byId = new HashMap<>();
        if (response == null) {
            return byId;
        }
        for (Hit<Map> hit : response.hits().hits()) {
            List<String> snippets = hit.highlight().get("text");
            if (snippets == null || snippets.isEmpty()) {
                Object body = hit.source() == null ? null : ((Map<String, Object>) hit.source()).get("text");
                String t = body == null ? "" : body.toString();
                snippets = t.isEmpty() ? List.of() : List.of(escape(t.length() > SNIPPET_LENGTH ? t.substring(0, SNIPPET_LENGTH) + "…" : t));
            }
            byId.put(hit.id(), snippets);
        }
        return byId;
    }

    /** One law while ranking: its metadata and its matching articles, best first. */
    private static final class RankedLaw {
        final Map<?, ?> doc;
        final List<RankedArticle> articles = new ArrayList<>();
        /** The first-stage score, kept once the second stage has changed the articles' scores. */
        Double frozen;

        RankedLaw(Map<?, ?> doc) {
            this.doc = doc;
        }

        void add(String id, Map<?, ?> article, double score) {
            articles.add(new RankedArticle(id, article, score));
        }

        /** Adds each article's within-law vote to its score and re-orders; the law's score was taken before. */
        void rerank(Map<String, Double> votes) {
            if (votes.isEmpty()) {
                return;
            }
            double before = score();
            boolean changed = false;
            for (int i = 0; i < articles.size(); i++) {
                Double v = votes.get(articles.get(i).id());
                if (v != null) {
                    RankedArticle a = articles.get(i);
                    articles.set(i, new RankedArticle(a.id(), a.doc(), a.score() + v));
                    changed = true;
                }
            }
            if (changed) {
                articles.sort(Comparator.comparingDouble(RankedArticle::score).reversed());
            }
            frozen = before;
        }

        double score() {
            if (frozen != null) {
                return frozen;
            }
            double total = 0;
            double weight = 1;
            for (int i = 0; i < Math.min(articles.size(), SUPPORTING_ARTICLES); i++) {
                total += weight * articles.get(i).score;
                weight *= SUPPORT_DECAY;
            }
            return total;
        }
    }

    private record RankedArticle(String id, Map<?, ?> doc, double score) {
    }

    /** Browsing without words: the newest laws first, each with its first articles. */
    private LawSearchResults browse(Query query, int page, int size, int perLaw) {
        SearchResponse<Map> response = run(() -> client.search(s -> {
            s.index(settings.articlesIndex()).query(query).from(page * size).size(size)
                    .source(src -> src.filter(f -> f.includes("lawId", "title", "category", "region", "issuer",
                            "promulgated", "effective", "status")))
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("laws", a -> a.cardinality(c -> c.field("lawId")))
                    .collapse(c -> c.field("lawId").innerHits(ih -> {
                        ih.name(INNER).size(perLaw)
                                .source(src -> src.filter(f -> f.includes("no", "chapter", "ordinal", "text")));
                        ih.sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)));
                        return ih;
                    }));
            s.sort(o -> o.field(f -> f.field("promulgated").order(SortOrder.Desc).missing("_last")));
            return s;
        }, Map.class));
        if (response == null) {
            return new LawSearchResults(0, 0, page, size, List.of(), List.of());
        }
        List<LawSearchResults.LawHit> laws = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            laws.add(toLaw(hit));
        }
        laws = withNextSteps(laws);
        long articles = response.hits().total() == null ? 0 : response.hits().total().value();
        long total = response.aggregations().get("laws") == null ? laws.size()
                : response.aggregations().get("laws").cardinality().value();
        return new LawSearchResults(total, articles, page, size, List.of(), laws);
    }

    /**
     * The words as typed (smartcn words, cjk bigrams), an official term for an everyday word, or the words of an
     * earlier question the article answered.
     */
    private Query textQuery(String text, boolean named) {
        BoolQuery.Builder either = new BoolQuery.Builder().minimumShouldMatch("1")
                .should(s -> s.match(m -> m.field("text").query(text).operator(Operator.Or)))
                .should(s -> s.match(m -> m.field("text.cjk").query(text).boost(TEXT_CJK_WEIGHT)));
        for (String term : synonyms.expansions(text)) {
            either.should(s -> s.matchPhrase(m -> m.field("text").query(term).boost(SYNONYM_WEIGHT)));
        }
        for (String term : vocabulary.expansions(text)) {
            either.should(s -> s.matchPhrase(m -> m.field("text").query(term).boost(VOCABULARY_WEIGHT)));
        }
        either.should(s -> s.match(m -> m.field(QuestionLoader.FIELD).query(text).boost(QUESTION_WEIGHT)));
        either.should(s -> s.match(m -> m.field(QuestionLoader.FIELD + ".cjk").query(text).boost(QUESTION_CJK_WEIGHT)));
        if (named) {
            either.queryName("words");
        }
        return either.build()._toQuery();
    }

    private static void keyword(List<Query> filters, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Query.of(f -> f.term(t -> t.field(field).value(FieldValue.of(value.strip())))));
        }
    }

    private LawSearchResults.LawHit toLaw(Hit<Map> hit) {
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
        return lawHit(law, score, articles);
    }

    /**
     * One hit per title: the versions of a title that matched are shown once, at the place of the best-ranked one, as
     * the version in force when it matched (else the best-ranked version); the others are listed under it
     * ({@code otherVersions}) instead of as a second hit of the same title.
     */
    private List<RankedLaw> collapse(List<RankedLaw> ordered) {
        Map<String, List<RankedLaw>> byTitle = new LinkedHashMap<>();
        for (RankedLaw law : ordered) {
            byTitle.computeIfAbsent(String.valueOf(law.doc.get("title")), t -> new ArrayList<>()).add(law);
        }
        if (byTitle.size() == ordered.size()) {
            return ordered;
        }
        List<RankedLaw> collapsed = new ArrayList<>(byTitle.size());
        for (List<RankedLaw> group : byTitle.values()) {
            RankedLaw shown = group.getFirst();
            for (RankedLaw law : group) {
                if (inForce(law.doc)) {
                    shown = law;
                    break;
                }
            }
            collapsed.add(shown);
        }
        return collapsed;
    }

    /** Whether this is the version of its title in force (or, where the corpus repealed the title, its newest). */
    private boolean inForce(Map<?, ?> doc) {
        String lawId = str(doc.get("lawId"));
        if (versions != null && lawId != null) {
            Optional<LawVersions.Version> v = versions.of(lawId);
            if (v.isPresent()) {
                return v.get().currentLawId() == null;
            }
        }
        return LawStatus.CURRENT.equals(doc.get("status"));
    }

    /** A law hit with its version marks (from {@link LawVersions}, else the index's status) and no next steps yet. */
    private LawSearchResults.LawHit lawHit(Map<?, ?> d, @Nullable Double score, List<LawSearchResults.ArticleHit> articles) {
        String lawId = str(d.get("lawId"));
        String title = str(d.get("title"));
        LawVersions.Standing standing = versions == null ? LawVersions.fromIndex(str(d.get("status")))
                : versions.standing(lawId, str(d.get("status")));
        List<LawSearchResults.OtherVersion> others = versions == null ? List.of() : versions.othersOf(title, lawId);
        return new LawSearchResults.LawHit(lawId, title, str(d.get("category")),
                str(d.get("region")), str(d.get("issuer")), str(d.get("promulgated")), str(d.get("effective")),
                standing.status(), standing.statusLabel(), standing.note(), standing.currentLawId(),
                score, articles, others, List.of());
    }

    /** Every hit's next steps: the catalogue items citing its shown articles (one query for the page), then the fixed ones. */
    private List<LawSearchResults.LawHit> withNextSteps(List<LawSearchResults.LawHit> laws) {
        List<CitingItems.Cited> shown = new ArrayList<>();
        for (LawSearchResults.LawHit law : laws) {
            for (LawSearchResults.ArticleHit a : law.articles()) {
                if (a.no() != null && law.title() != null) {
                    shown.add(new CitingItems.Cited(a.articleId(), law.title(), a.no()));
                }
            }
        }
        Map<String, List<CitingItems.Item>> cited = citing == null || shown.isEmpty() ? Map.of() : citing.citing(shown);
        return laws.stream().map(law -> law.withSteps(NextStep.of(
                law.articles().stream().map(LawSearchResults.ArticleHit::articleId).toList(), cited, NextStep.ITEMS_PER_HIT)))
                .toList();
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
        return new LawSearchResults.ArticleHit(hit.id(), str(doc.get("no")), str(doc.get("chapter")),
                ordinal instanceof Number n ? n.intValue() : 0, hit.score(), snippets);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#x27;");
    }

    private static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** Runs a query; a missing index reads as empty (null), an unreachable cluster as a 503 problem. */
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
