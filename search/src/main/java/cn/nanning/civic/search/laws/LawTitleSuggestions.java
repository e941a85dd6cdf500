package cn.nanning.civic.search.laws;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.search.elastic.ElasticsearchFailures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Law titles offered while someone types, from the law-level index: titles that start with the text first, then
 * titles containing it. People type 劳动合同法 for 中华人民共和国劳动合同法, so a title starting with the text after
 * 中华人民共和国 counts as starting with it. A title kept in a current and a historical version is offered once.
 */
@Singleton
public class LawTitleSuggestions {

    public static final int MAX = 10;
    private static final String NATIONAL = "中华人民共和国";

    private final ElasticsearchClient client;
    private final LawSettings settings;

    LawTitleSuggestions(ElasticsearchClient client, LawSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Up to {@link #MAX} distinct titles; none when the text is blank or the laws are not loaded. */
    public List<String> suggest(@Nullable String prefix) {
        String text = prefix == null ? "" : prefix.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        SearchResponse<Map> response;
        try {
            response = client.search(s -> s.index(settings.index()).ignoreUnavailable(true)
                    .size(MAX * 2).trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(f -> f.includes("title")))
                    .query(q -> q.bool(b -> b
                            .must(m -> m.bool(either -> either
                                    .should(sh -> sh.prefix(p -> p.field("title.keyword").value(text).boost(3f)))
                                    // national laws are called by their short names: 民法典, 劳动合同法
                                    .should(sh -> sh.prefix(p -> p.field("title.keyword").value(NATIONAL + text).boost(3f)))
                                    // cjk bigrams, the last one typed taken as a prefix
                                    .should(sh -> sh.matchPhrasePrefix(p -> p.field("title.cjk").query(text)))
                                    .minimumShouldMatch("1")))
                            // the version in force first, so its title is the one kept
                            .should(sh -> sh.term(t -> t.field("status").value(LawStatus.CURRENT).boost(0.5f)))))
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("title.keyword").order(SortOrder.Asc))), Map.class);
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return List.of();
            }
            if (ElasticsearchFailures.isUnavailable(e)) {
                throw ElasticsearchFailures.unavailable();
            }
            throw e;
        } catch (IOException e) {
            throw ElasticsearchFailures.unavailable();
        }
        Set<String> titles = new LinkedHashSet<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Object title = hit.source() == null ? null : hit.source().get("title");
            if (title != null) {
                titles.add(title.toString());
            }
            if (titles.size() == MAX) {
                break;
            }
        }
        return List.copyOf(titles);
    }
}
