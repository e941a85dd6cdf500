package cn.nanning.civic.search.links;

import cn.nanning.civic.search.catalogue.CatalogueSettings;
import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import cn.nanning.civic.search.laws.CitingItems;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue items citing law articles, for the next steps of law search and the article page: one search for the
 * items whose legal basis names any of the articles' laws, then the same reading of each legal basis as
 * {@link LegalBasisLinks#citingArticle} (that title, that article number after it).
 */
@Singleton
class CatalogueCitations implements CitingItems {

    private static final int MAX_ITEMS = 200;

    private final ElasticsearchClient client;
    private final CatalogueSettings catalogue;

    CatalogueCitations(ElasticsearchClient client, CatalogueSettings catalogue) {
        this.client = client;
        this.catalogue = catalogue;
    }

    @Override
    public Map<String, List<Item>> citing(List<Cited> articles) {
        Set<String> titles = new LinkedHashSet<>();
        for (Cited cited : articles) {
            if (cited.title() != null && cited.no() != null) {
                titles.add(cited.title());
            }
        }
        if (titles.isEmpty()) {
            return Map.of();
        }
        BoolQuery.Builder anyTitle = new BoolQuery.Builder().minimumShouldMatch("1")
                .mustNot(n -> n.term(t -> t.field("retired").value(true)));
        for (String title : titles) {
            anyTitle.should(s -> s.matchPhrase(p -> p.field("legalBasis").query(title)));
        }
        SearchResponse<Map> found;
        try {
            found = client.search(s -> s.index(catalogue.index()).size(MAX_ITEMS).query(anyTitle.build()._toQuery())
                    .source(src -> src.filter(f -> f.includes("code", "name", "legalBasis"))), Map.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Map.of();
            }
            if (ElasticsearchFailures.isUnavailable(e)) {
                throw ElasticsearchFailures.unavailable();
            }
            throw e;
        } catch (IOException e) {
            throw ElasticsearchFailures.unavailable();
        }
        List<Map<?, ?>> items = new ArrayList<>();
        for (Hit<Map> hit : found.hits().hits()) {
            if (hit.source() != null && hit.source().get("code") != null) {
                items.add(hit.source());
            }
        }
        items.sort(Comparator.comparing(item -> item.get("code").toString()));
        Map<String, List<Item>> byArticle = new LinkedHashMap<>();
        for (Cited cited : articles) {
            for (Map<?, ?> item : items) {
                if (LegalBasis.cites((String) item.get("legalBasis"), cited.title(), cited.no())) {
                    byArticle.computeIfAbsent(cited.articleId(), id -> new ArrayList<>())
                            .add(new Item(item.get("code").toString(), String.valueOf(item.get("name"))));
                }
            }
        }
        return byArticle;
    }
}
