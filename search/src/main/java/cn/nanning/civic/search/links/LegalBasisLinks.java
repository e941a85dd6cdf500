package cn.nanning.civic.search.links;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.search.catalogue.CatalogueSettings;
import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import cn.nanning.civic.search.laws.LawSettings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Links between the service catalogue and the law corpus, resolved when asked: an item's legal basis names laws by
 * title; the laws index knows them by title. Resolving at read time keeps links right whichever index was filled first.
 */
@Singleton
class LegalBasisLinks {

    private static final int MAX_CITING = 100;

    private final ElasticsearchClient client;
    private final CatalogueSettings catalogue;
    private final LawSettings laws;

    LegalBasisLinks(ElasticsearchClient client, CatalogueSettings catalogue, LawSettings laws) {
        this.client = client;
        this.catalogue = catalogue;
        this.laws = laws;
    }

    /** A catalogue item with the laws its legal basis cites; a cited law not in the corpus has no lawId. */
    ItemLegalBasis ofItem(String code) {
        Map<?, ?> item = ElasticsearchFailures.readOrNull(() -> {
            GetResponse<Map> got = client.get(g -> g.index(catalogue.index()).id(code), Map.class);
            return got.found() ? got.source() : null;
        });
        if (item == null || Boolean.TRUE.equals(item.get("retired"))) {
            throw ProblemException.notFound("未找到该服务事项。");
        }
        String legalBasis = (String) item.get("legalBasis");
        List<LegalBasis.Citation> citations = LegalBasis.citations(legalBasis);
        List<String> titles = citations.stream().map(LegalBasis.Citation::title).toList();
        Map<String, CitedLaw> byTitle = new LinkedHashMap<>();
        citations.forEach(c -> byTitle.put(c.title(), new CitedLaw(c.title(), null, null, null, null, unresolved(c.articles()))));
        if (!titles.isEmpty()) {
            List<FieldValue> values = titles.stream().map(FieldValue::of).toList();
            SearchResponse<Map> found = ElasticsearchFailures.readOrNull(() -> client.search(s -> s.index(laws.index()).size(titles.size() * 4)
                    .query(q -> q.terms(t -> t.field("title.keyword").terms(v -> v.value(values))))
                    .source(src -> src.filter(f -> f.includes("lawId", "title", "status", "category", "effective"))), Map.class));
            List<Map<?, ?>> candidates = new ArrayList<>();
            for (Hit<Map> hit : found.hits().hits()) {
                if (hit.source() != null) {
                    candidates.add(hit.source());
                }
            }
            // Prefer the version in force; among equals, the most recent.
            candidates.sort(Comparator.comparing((Map<?, ?> law) -> !"current".equals(law.get("status")))
                    .thenComparing(law -> String.valueOf(law.get("effective")), Comparator.reverseOrder()));
            for (Map<?, ?> law : candidates) {
                String title = (String) law.get("title");
                CitedLaw cited = byTitle.get(title);
                if (cited != null && cited.lawId() == null) {
                    byTitle.put(title, new CitedLaw(title, (String) law.get("lawId"), (String) law.get("status"),
                            (String) law.get("category"), law.get("effective") == null ? null : law.get("effective").toString(),
                            cited.articles()));
                }
            }
            byTitle.replaceAll((title, cited) -> cited.lawId() == null || cited.articles().isEmpty() ? cited : withArticleIds(cited));
        }
        return new ItemLegalBasis((String) item.get("code"), (String) item.get("name"), legalBasis, List.copyOf(byTitle.values()));
    }

    /** The live catalogue items whose legal basis cites the law (by its title, so every version of the law counts). */
    CitingServices citing(String lawId) {
        Map<?, ?> law = ElasticsearchFailures.readOrNull(() -> {
            GetResponse<Map> got = client.get(g -> g.index(laws.index()).id(lawId), Map.class);
            return got.found() ? got.source() : null;
        });
        if (law == null) {
            throw ProblemException.notFound("未找到该法律法规。");
        }
        String title = (String) law.get("title");
        SearchResponse<Map> found = ElasticsearchFailures.readOrNull(() -> client.search(s -> s.index(catalogue.index()).size(MAX_CITING)
                .query(q -> q.bool(b -> b.must(m -> m.matchPhrase(p -> p.field("legalBasis").query(title)))
                        .mustNot(n -> n.term(t -> t.field("retired").value(true)))))
                .source(src -> src.filter(f -> f.includes("code", "name", "department", "proxyAllowed", "legalBasis"))), Map.class));
        List<CitingService> services = found.hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                // The phrase query also matches longer titles that contain this one; keep exact citations only.
                .filter(item -> LegalBasis.titles((String) item.get("legalBasis")).contains(title))
                .map(item -> new CitingService((String) item.get("code"), (String) item.get("name"),
                        (String) item.get("department"), Boolean.TRUE.equals(item.get("proxyAllowed"))))
                .sorted(Comparator.comparing(CitingService::code))
                .toList();
        return new CitingServices(lawId, title, services);
    }

    /**
     * The catalogue items whose legal basis cites this article: by the article's law title and number, so an item
     * citing an article of an older version of the law is listed under the same article of every version.
     */
    CitingArticle citingArticle(String articleId) {
        Map<?, ?> article = ElasticsearchFailures.readOrNull(() -> {
            GetResponse<Map> got = client.get(g -> g.index(laws.articlesIndex()).id(articleId)
                    .sourceIncludes("lawId", "title", "no"), Map.class);
            return got.found() ? got.source() : null;
        });
        if (article == null) {
            throw ProblemException.notFound("未找到该法条。");
        }
        String title = (String) article.get("title");
        String no = (String) article.get("no");
        SearchResponse<Map> found = ElasticsearchFailures.readOrNull(() -> client.search(s -> s.index(catalogue.index()).size(MAX_CITING)
                .query(q -> q.bool(b -> b.filter(f -> f.matchPhrase(p -> p.field("legalBasis").query(title)))
                        .filter(f -> f.matchPhrase(p -> p.field("legalBasis").query(no)))
                        .mustNot(n -> n.term(t -> t.field("retired").value(true)))))
                .source(src -> src.filter(f -> f.includes("code", "name", "department", "proxyAllowed", "legalBasis"))), Map.class));
        List<CitingService> services = found == null ? List.of() : found.hits().hits().stream().map(Hit::source)
                .filter(Objects::nonNull)
                // The phrases may sit under another cited law; keep items that cite this number after this title.
                .filter(item -> LegalBasis.cites((String) item.get("legalBasis"), title, no))
                .map(item -> new CitingService((String) item.get("code"), (String) item.get("name"),
                        (String) item.get("department"), Boolean.TRUE.equals(item.get("proxyAllowed"))))
                .sorted(Comparator.comparing(CitingService::code))
                .toList();
        return new CitingArticle(articleId, (String) article.get("lawId"), title, no, services);
    }

    private static List<CitedArticle> unresolved(List<String> numbers) {
        return numbers.stream().map(no -> new CitedArticle(no, null)).toList();
    }

    /** Resolves the cited article numbers to article ids within the linked version; a number it lacks keeps no id. */
    private CitedLaw withArticleIds(CitedLaw cited) {
        List<FieldValue> numbers = cited.articles().stream().map(a -> FieldValue.of(a.no())).toList();
        SearchResponse<Map> found = ElasticsearchFailures.readOrNull(() -> client.search(s -> s.index(laws.articlesIndex()).size(numbers.size())
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("lawId").value(cited.lawId())))
                        .filter(f -> f.terms(t -> t.field("no").terms(v -> v.value(numbers))))))
                .source(src -> src.filter(f -> f.includes("no"))), Map.class));
        Map<String, String> idByNo = new LinkedHashMap<>();
        if (found != null) {
            for (Hit<Map> hit : found.hits().hits()) {
                if (hit.source() != null && hit.source().get("no") != null) {
                    idByNo.putIfAbsent(hit.source().get("no").toString(), hit.id());
                }
            }
        }
        List<CitedArticle> articles = cited.articles().stream().map(a -> new CitedArticle(a.no(), idByNo.get(a.no()))).toList();
        return new CitedLaw(cited.title(), cited.lawId(), cited.status(), cited.category(), cited.effective(), articles);
    }


    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CitedLaw(String title, @Nullable String lawId, @Nullable String status, @Nullable String category,
                    @Nullable String effective, List<CitedArticle> articles) {
    }

    /** A cited article number and, when the linked version has it, the article's id in the articles index. */
    @Serdeable
    record CitedArticle(String no, @Nullable String articleId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CitingArticle(String articleId, String lawId, String title, String no, List<CitingService> services) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemLegalBasis(String code, String name, @Nullable String legalBasis, List<CitedLaw> laws) {
    }

    @Serdeable
    record CitingService(String code, String name, String department, boolean proxyAllowed) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CitingServices(String lawId, String title, List<CitingService> services) {
    }
}
