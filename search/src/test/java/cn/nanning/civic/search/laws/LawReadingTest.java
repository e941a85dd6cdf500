package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.catalogue.SeededCatalogue;
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

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading the law from a search: whole articles with their neighbours, a law's table of contents, versions marked and
 * collapsed, next steps. Real laws of the corpus, the seeded catalogue, a real Elasticsearch.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LawReadingTest implements TestPropertyProvider {

    static final String INDEX = LawSlice.articlesIndex("reading");
    static final String CATALOGUE = "catalogue-test-reading-" + UUID.randomUUID().toString().substring(0, 8);

    static final String LABOUR_CONTRACT = "中华人民共和国劳动合同法";
    static final String NOISE = "中华人民共和国噪声污染防治法";
    static final String OLD_NOISE = "中华人民共和国环境噪声污染防治法";
    static final String MARRIAGE_INTERPRETATION = "最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（一）";
    static final String PROPERTY_RULES = "上海市住宅物业管理规定";
    static final String CIVIL_CODE = "中华人民共和国民法典";
    static final Set<String> TITLES = Set.of(LABOUR_CONTRACT, NOISE, OLD_NOISE, MARRIAGE_INTERPRETATION, PROPERTY_RULES, CIVIL_CODE);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.laws.articles-index", INDEX,
                "civic.search.laws.index", LawSlice.lawsIndex(INDEX),
                "civic.search.catalogue.index", CATALOGUE,
                "civic.search.catalogue.indexer-enabled", "false",
                "civic.search.laws.data-dir", LawSlice.dataDir().toString());
    }

    @BeforeAll
    void load() throws Exception {
        new LawLoader(elasticsearch, INDEX, LawSlice.lawsIndex(INDEX), new PrintStream(OutputStream.nullOutputStream()))
                .load(LawSlice.dataDir().resolve(LawLoader.FILE_NAME), line -> TITLES.stream().anyMatch(line::contains),
                        law -> TITLES.contains(law.title()));
        SeededCatalogue.load(elasticsearch, CATALOGUE);
    }

    @AfterAll
    void drop() throws Exception {
        LawSlice.drop(elasticsearch, INDEX);
        elasticsearch.indices().delete(d -> d.index(CATALOGUE).ignoreUnavailable(true));
    }

    @Test
    void an_article_comes_whole_with_its_law_its_chapter_and_its_neighbours() throws Exception {
        String lawId = LawSlice.currentLawId(elasticsearch, INDEX, LABOUR_CONTRACT);
        Map<String, Object> article = get("/api/v1/search/law-articles/" + LawLoader.articleId(lawId, 30));

        assertThat(article).containsEntry("no", "第三十条").containsEntry("ordinal", 30);
        assertThat((String) article.get("text")).contains("劳动报酬").doesNotContain("<em>");
        assertThat(article.get("headings")).isEqualTo(List.of("第三章 劳动合同的履行和变更"));
        assertThat(map(article, "law")).containsEntry("lawId", lawId).containsEntry("title", LABOUR_CONTRACT)
                .containsEntry("status", "current").containsEntry("statusLabel", "现行有效");
        assertThat(map(article, "previous")).containsEntry("articleId", LawLoader.articleId(lawId, 29)).containsEntry("no", "第二十九条");
        assertThat(map(article, "next")).containsEntry("articleId", LawLoader.articleId(lawId, 31)).containsEntry("no", "第三十一条");
    }

    @Test
    void the_civil_codes_articles_name_their_book_and_chapter() throws Exception {
        String lawId = LawSlice.currentLawId(elasticsearch, INDEX, CIVIL_CODE);
        Map<String, Object> article = get("/api/v1/search/law-articles/" + LawLoader.articleId(lawId, 1));

        assertThat(article.get("headings")).isEqualTo(List.of("总则", "第一章 基本规定"));
        assertThat(article).doesNotContainKey("previous");
        assertThat(map(article, "next")).containsEntry("no", "第二条");
    }

    @Test
    void an_article_cited_by_a_catalogue_item_leads_to_it_then_to_consultation_legal_aid_and_the_village_point() throws Exception {
        String lawId = LawSlice.currentLawId(elasticsearch, INDEX, LABOUR_CONTRACT);
        Map<String, Object> article = get("/api/v1/search/law-articles/" + LawLoader.articleId(lawId, 82));

        List<Map<String, Object>> steps = list(article, "nextSteps");
        assertThat(steps.stream().map(s -> s.get("kind")).toList())
                .containsExactly("CATALOGUE_ITEM", "CONSULTATION", "LEGAL_AID", "SERVICE_POINT");
        assertThat(steps.getFirst()).containsEntry("catalogueItem", "NN-LD-004");
        assertThat((String) steps.getFirst().get("label")).contains("未签订书面劳动合同投诉");
        assertThat(steps.stream().map(s -> s.get("label")).toList()).contains("预约免费法律咨询", "申请法律援助", "找我村的服务点");
    }

    @Test
    void an_unknown_article_or_law_is_a_chinese_404_problem() {
        for (String path : List.of("/api/v1/search/law-articles/no-such-article", "/api/v1/search/laws/no-such-law")) {
            HttpClientResponseException missing = assertThrows(HttpClientResponseException.class, () -> get(path));
            assertThat(missing.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
            assertThat(missing.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
            assertThat(missing.getResponse().getBody(String.class).orElseThrow()).containsPattern("未找到该(法条|法律法规)");
        }
    }

    @Test
    void a_laws_table_of_contents_lists_its_chapters_and_article_ids_without_texts() throws Exception {
        String lawId = LawSlice.currentLawId(elasticsearch, INDEX, LABOUR_CONTRACT);
        Map<String, Object> law = get("/api/v1/search/laws/" + lawId);

        assertThat(law).containsEntry("title", LABOUR_CONTRACT).containsEntry("status", "current")
                .containsEntry("statusLabel", "现行有效").containsEntry("articleCount", 98).doesNotContainKey("currentLawId");
        List<Map<String, Object>> sections = list(law, "contents");
        assertThat(sections.getFirst()).containsEntry("heading", "第一章 总则");
        assertThat(sections.stream().map(s -> s.get("heading")).toList()).contains("第三章 劳动合同的履行和变更", "第七章 法律责任");
        int articles = sections.stream().mapToInt(s -> ((List<?>) s.get("articles")).size()).sum();
        assertThat(articles).isEqualTo(98);
        Map<String, Object> first = ((List<Map<String, Object>>) sections.getFirst().get("articles")).getFirst();
        assertThat(first).containsOnlyKeys("articleId", "no", "ordinal").containsEntry("articleId", LawLoader.articleId(lawId, 1));
    }

    @Test
    void an_older_version_names_the_version_in_force() throws Exception {
        String current = LawSlice.currentLawId(elasticsearch, INDEX, PROPERTY_RULES);
        Map<String, Object> currentLaw = get("/api/v1/search/laws/" + current);
        List<Map<String, Object>> others = list(currentLaw, "otherVersions");
        assertThat(others).hasSize(1);
        assertThat(others.getFirst()).containsEntry("statusLabel", "已被修改").containsEntry("title", PROPERTY_RULES);

        Map<String, Object> older = get("/api/v1/search/laws/" + others.getFirst().get("lawId"));
        assertThat(older).containsEntry("status", "historical").containsEntry("statusLabel", "已被修改")
                .containsEntry("currentLawId", current);
    }

    @Test
    void a_law_its_successor_repealed_is_marked_repealed_though_the_corpus_lists_it_as_the_newest_version() throws Exception {
        String old = LawSlice.currentLawId(elasticsearch, INDEX, OLD_NOISE);
        String successor = LawSlice.currentLawId(elasticsearch, INDEX, NOISE);
        Map<String, Object> law = get("/api/v1/search/laws/" + old);

        assertThat(law).containsEntry("status", "repealed").containsEntry("statusLabel", "已废止")
                .containsEntry("repealedByLawId", successor);
        assertThat((String) law.get("statusNote")).contains(NOISE).contains("废止");
        assertThat(get("/api/v1/search/laws/" + successor)).containsEntry("statusLabel", "现行有效");
    }

    @Test
    void an_interpretation_of_a_law_the_civil_code_repealed_is_marked_no_longer_in_force() throws Exception {
        String lawId = LawSlice.currentLawId(elasticsearch, INDEX, MARRIAGE_INTERPRETATION);
        Map<String, Object> law = get("/api/v1/search/laws/" + lawId);

        assertThat(law).containsEntry("status", "repealed").containsEntry("statusLabel", "已失效");
        assertThat((String) law.get("statusNote")).contains("中华人民共和国婚姻法").contains(CIVIL_CODE);
    }

    @Test
    void search_shows_a_title_once_with_its_older_versions_under_it() throws Exception {
        List<Map<String, Object>> laws = laws(search(Map.of("q", "业主大会 业主委员会 选举", "size", "10")));

        List<Map<String, Object>> property = laws.stream().filter(l -> PROPERTY_RULES.equals(l.get("title"))).toList();
        assertThat(property).hasSize(1);
        assertThat(property.getFirst()).containsEntry("status", "current").containsEntry("statusLabel", "现行有效")
                .containsEntry("lawId", LawSlice.currentLawId(elasticsearch, INDEX, PROPERTY_RULES));
        List<Map<String, Object>> others = list(property.getFirst(), "otherVersions");
        assertThat(others).hasSize(1);
        assertThat(others.getFirst()).containsEntry("status", "historical").containsEntry("statusLabel", "已被修改").containsKey("lawId");
        assertThat(laws.stream().map(l -> l.get("title")).toList()).doesNotHaveDuplicates();
    }

    @Test
    void browsing_without_words_lists_each_title_once_with_its_older_versions_under_it() throws Exception {
        List<Map<String, Object>> laws = laws(search(Map.of("category", "地方性法规", "size", "10")));

        List<Map<String, Object>> property = laws.stream().filter(l -> PROPERTY_RULES.equals(l.get("title"))).toList();
        assertThat(property).hasSize(1);
        assertThat(property.getFirst()).containsEntry("status", "current");
        assertThat(list(property.getFirst(), "otherVersions")).extracting(o -> o.get("status")).containsExactly("historical");
        assertThat(laws(search(Map.of("category", "地方性法规", "status", "historical"))))
                .isNotEmpty().allSatisfy(l -> assertThat(l).containsEntry("status", "historical"));
    }

    @Test
    void search_marks_repealed_laws_and_the_current_filter_leaves_them_out() throws Exception {
        List<Map<String, Object>> all = laws(search(Map.of("q", "建筑施工噪声 夜间施工", "size", "10")));
        Map<String, Object> old = all.stream().filter(l -> OLD_NOISE.equals(l.get("title"))).findFirst().orElseThrow();
        assertThat(old).containsEntry("status", "repealed").containsEntry("statusLabel", "已废止");

        List<Map<String, Object>> current = laws(search(Map.of("q", "建筑施工噪声 夜间施工", "size", "10", "status", "current")));
        assertThat(current).isNotEmpty().noneSatisfy(l -> assertThat(l.get("title")).isEqualTo(OLD_NOISE));
        assertThat(current).allSatisfy(l -> assertThat(l).containsEntry("statusLabel", "现行有效"));

        List<Map<String, Object>> repealed = laws(search(Map.of("q", "噪声", "size", "10", "status", "repealed")));
        assertThat(repealed).isNotEmpty().allSatisfy(l -> assertThat(l).containsEntry("status", "repealed"));
    }

    @Test
    void every_law_hit_carries_next_steps_with_the_catalogue_items_citing_its_articles_first() throws Exception {
        List<Map<String, Object>> laws = laws(search(Map.of("q", "用人单位 未与劳动者订立书面劳动合同 二倍的工资", "size", "5")));

        assertThat(laws).isNotEmpty().allSatisfy(l -> assertThat(list(l, "nextSteps").stream().map(s -> s.get("kind")).toList())
                .endsWith("CONSULTATION", "LEGAL_AID", "SERVICE_POINT"));
        Map<String, Object> labour = laws.stream().filter(l -> LABOUR_CONTRACT.equals(l.get("title"))).findFirst().orElseThrow();
        assertThat(list(labour, "nextSteps")).anySatisfy(s -> assertThat(s).containsEntry("kind", "CATALOGUE_ITEM")
                .containsEntry("catalogueItem", "NN-LD-004"));
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> search(Map<String, String> params) {
        UriBuilder uri = UriBuilder.of("/api/v1/search/laws");
        params.forEach(uri::queryParam);
        return http.toBlocking().retrieve(HttpRequest.GET(uri.build()), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    private static List<Map<String, Object>> laws(Map<String, Object> body) {
        return list(body, "laws");
    }
}
