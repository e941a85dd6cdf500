package cn.nanning.civic.search.links;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.search.catalogue.CatalogueSettings;
import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import cn.nanning.civic.search.laws.LawSettings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
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

    static final String UNAVAILABLE_TYPE = "search-unavailable";
    static final String UNAVAILABLE_DETAIL = "搜索服务暂时不可用，请稍后再试。";
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
        Map<?, ?> item = call(() -> {
            GetResponse<Map> got = client.get(g -> g.index(catalogue.index()).id(code), Map.class);
            return got.found() ? got.source() : null;
        });
        if (item == null || Boolean.TRUE.equals(item.get("retired"))) {
            throw ProblemException.notFound("未找到该服务事项。");
        }
        String legalBasis = (String) item.get("legalBasis");
        List<String> titles = LegalBasis.titles(legalBasis);
        Map<String, CitedLaw> byTitle = new LinkedHashMap<>();
        titles.forEach(title -> byTitle.put(title, new CitedLaw(title, null, null, null, null)));
        if (!titles.isEmpty()) {
            List<FieldValue> values = titles.stream().map(FieldValue::of).toList();
            SearchResponse<Map> found = call(() -> client.search(s -> s.index(laws.index()).size(titles.size() * 4)
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
                            (String) law.get("category"), law.get("effective") == null ? null : law.get("effective").toString()));
                }
            }
        }
        return new ItemLegalBasis((String) item.get("code"), (String) item.get("name"), legalBasis, List.copyOf(byTitle.values()));
    }

    /** The live catalogue items whose legal basis cites the law (by its title, so every version of the law counts). */
    CitingServices citing(String lawId) {
        Map<?, ?> law = call(() -> {
            GetResponse<Map> got = client.get(g -> g.index(laws.index()).id(lawId), Map.class);
            return got.found() ? got.source() : null;
        });
        if (law == null) {
            throw ProblemException.notFound("未找到该法律法规。");
        }
        String title = (String) law.get("title");
        SearchResponse<Map> found = call(() -> client.search(s -> s.index(catalogue.index()).size(MAX_CITING)
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

    private <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null;
            }
            if (ElasticsearchFailures.isUnavailable(e)) {
                throw ProblemException.unavailable(UNAVAILABLE_TYPE, UNAVAILABLE_DETAIL);
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            if (ElasticsearchFailures.isUnavailable(e)) {
                throw ProblemException.unavailable(UNAVAILABLE_TYPE, UNAVAILABLE_DETAIL);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    @Serdeable
    record CitedLaw(String title, @Nullable String lawId, @Nullable String status, @Nullable String category,
                    @Nullable String effective) {
    }

    @Serdeable
    record ItemLegalBasis(String code, String name, @Nullable String legalBasis, List<CitedLaw> laws) {
    }

    @Serdeable
    record CitingService(String code, String name, String department, boolean proxyAllowed) {
    }

    @Serdeable
    record CitingServices(String lawId, String title, List<CitingService> services) {
    }
}
