package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LawSearchTest implements TestPropertyProvider {

    static final String INDEX = LawSlice.articlesIndex("api");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.laws.articles-index", INDEX,
                "civic.search.laws.index", LawSlice.lawsIndex(INDEX),
                "civic.search.catalogue.indexer-enabled", "false");
    }

    @BeforeAll
    void loadSlice() throws Exception {
        LawLoader.Result loaded = LawSlice.load(elasticsearch, INDEX);
        assertThat(loaded.laws()).isEqualTo(LawSlice.LAWS);
    }

    @AfterAll
    void dropSlice() throws Exception {
        LawSlice.drop(elasticsearch, INDEX);
    }

    @Test
    void an_everyday_question_finds_the_labour_law_articles_with_highlighted_snippets() {
        Map<String, Object> body = search(Map.of("q", "老板拖欠工资怎么办"));

        List<Map<String, Object>> laws = laws(body);
        assertThat(laws).isNotEmpty();
        assertThat(laws.getFirst().get("title").toString()).startsWith("中华人民共和国劳动");
        List<Map<String, Object>> articles = articles(laws.getFirst());
        assertThat(articles).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(articles.getFirst().get("no").toString()).startsWith("第").endsWith("条");
        @SuppressWarnings("unchecked")
        List<String> snippets = (List<String>) articles.getFirst().get("snippets");
        // 老板 and 工资 are everyday words: the article says 用人单位 and 劳动报酬 or 工资.
        assertThat(String.join("", snippets)).containsPattern("<em>(用人单位|劳动报酬|工资|拖欠)</em>");
    }

    @Test
    void hits_are_grouped_by_law_so_no_law_appears_twice_on_a_page() {
        List<Map<String, Object>> laws = laws(search(Map.of("q", "劳动合同 解除 经济补偿", "size", "10")));

        assertThat(laws.stream().map(l -> l.get("lawId")).toList()).doesNotHaveDuplicates();
        assertThat(laws.stream().map(l -> l.get("title")).toList()).contains("中华人民共和国劳动合同法");
    }

    @Test
    void the_version_in_force_is_shown_once_with_its_historical_version_listed_under_it() {
        List<Map<String, Object>> laws = laws(search(Map.of("q", "业主大会 业主委员会 选举", "size", "10")));

        List<Map<String, Object>> hits = laws.stream().filter(l -> "上海市住宅物业管理规定".equals(l.get("title"))).toList();
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst()).containsEntry("status", "current");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> others = (List<Map<String, Object>>) hits.getFirst().get("otherVersions");
        assertThat(others).extracting(o -> o.get("status")).containsExactly("historical");
    }

    @Test
    void filters_narrow_by_category_and_by_status() {
        List<Map<String, Object>> local = laws(search(Map.of("q", "物业 维修资金", "category", "地方性法规")));
        assertThat(local).isNotEmpty().allSatisfy(l -> assertThat(l).containsEntry("category", "地方性法规"));

        List<Map<String, Object>> historical = laws(search(Map.of("q", "赔偿", "status", "historical")));
        assertThat(historical).isNotEmpty().allSatisfy(l -> assertThat(l).containsEntry("status", "historical"));
    }

    @Test
    void pages_move_through_the_laws_and_oversized_pages_are_refused_in_chinese() {
        Map<String, Object> first = search(Map.of("q", "劳动者", "size", "1", "page", "0"));
        Map<String, Object> second = search(Map.of("q", "劳动者", "size", "1", "page", "1"));

        assertThat(((Number) first.get("total")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(laws(first).getFirst().get("lawId")).isNotEqualTo(laws(second).getFirst().get("lawId"));

        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> search(Map.of("q", "劳动者", "size", "51")));
        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("每页条数");
    }

    @Test
    void a_page_beyond_the_integer_range_is_a_400_not_an_overflow() {
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> search(Map.of("q", "劳动者", "page", String.valueOf(Integer.MAX_VALUE), "size", "10")));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("最多只能翻看前");
    }

    @Test
    void loading_the_same_laws_again_does_not_duplicate_them() throws Exception {
        Map<String, Object> before = search(Map.of("q", "劳动合同"));

        LawSlice.load(elasticsearch, INDEX);

        Map<String, Object> after = search(Map.of("q", "劳动合同"));
        assertThat(after.get("articles")).isEqualTo(before.get("articles"));
        assertThat(after.get("total")).isEqualTo(before.get("total"));
    }

    @Test
    void law_titles_are_suggested_while_typing_and_a_title_with_two_versions_once() {
        // A short name finds the full title; 中华人民共和国劳动法 has no 劳动合同 in it.
        assertThat(suggest("劳动合同").get("laws")).asList().containsExactly("中华人民共和国劳动合同法");
        assertThat(suggest("劳动").get("laws")).asList()
                .containsExactlyInAnyOrder("中华人民共和国劳动合同法", "中华人民共和国劳动法");
        // Current and historical versions of the same title are one suggestion.
        assertThat(suggest("上海市住宅").get("laws")).asList().containsExactly("上海市住宅物业管理规定");
        assertThat(suggest("最高人民法院关于审理").get("laws")).asList()
                .containsExactly("最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释");
        // Nothing in the slice is about taxes.
        assertThat(suggest("个人所得税").get("laws")).asList().isEmpty();
    }

    private Map<String, Object> suggest(String prefix) {
        URI built = UriBuilder.of("/api/v1/search/services/suggest").queryParam("prefix", prefix).build();
        return http.toBlocking().retrieve(HttpRequest.GET(built.toString()), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> search(Map<String, String> params) {
        UriBuilder uri = UriBuilder.of("/api/v1/search/laws");
        params.forEach(uri::queryParam);
        URI built = uri.build();
        return http.toBlocking().retrieve(HttpRequest.GET(built.toString()), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> laws(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("laws");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> articles(Map<String, Object> law) {
        return (List<Map<String, Object>>) law.get("articles");
    }
}
