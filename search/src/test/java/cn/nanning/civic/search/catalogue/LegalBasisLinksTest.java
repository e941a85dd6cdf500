package cn.nanning.civic.search.catalogue;

import cn.nanning.civic.search.laws.LawSlice;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An item's legal basis links to the laws in the corpus, and a law lists the services that cite it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegalBasisLinksTest implements TestPropertyProvider {

    static final String INDEX = TestRun.index("links");
    static final String LAWS = LawSlice.articlesIndex("links");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    final CatalogueEvents events = new CatalogueEvents();

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.catalogue.index", INDEX, "civic.search.catalogue.consumer-group", TestRun.group("links"),
                "civic.search.laws.articles-index", LAWS, "civic.search.laws.index", LawSlice.lawsIndex(LAWS));
    }

    @BeforeAll
    void loadLawsAndPublishItems() throws Exception {
        LawSlice.load(elasticsearch, LAWS);
        String department = TestRun.department("南宁市人力资源和社会保障局");
        events.published(new CatalogueEvents.Item(TestRun.code("contract"), "劳动合同争议调解", department, "与用人单位发生劳动合同争议",
                "居民身份证", "《中华人民共和国劳动合同法》第七十七条；《南宁市不存在的条例》", true, 1));
        events.published(new CatalogueEvents.Item(TestRun.code("labour"), "劳动保障监察投诉", department, "用人单位违反劳动保障法律",
                "投诉书", "《中华人民共和国劳动法》", true, 1));
        events.published(new CatalogueEvents.Item(TestRun.code("rules"), "劳动合同备案", department, "用人单位招用劳动者",
                "劳动合同文本", "《中华人民共和国劳动合同法实施条例》", false, 1));
        events.published(new CatalogueEvents.Item(TestRun.code("signing"), "劳动合同订立咨询", department, "用人单位招用劳动者",
                "居民身份证", "《中华人民共和国劳动合同法》第十条、第八十二条第一款", true, 1));
        for (String suffix : List.of("contract", "labour", "rules", "signing")) {
            awaitIndexed(TestRun.code(suffix));
        }
        // awaitIndexed reads by id, which is real-time; the citing lists search, which sees documents after a refresh.
        elasticsearch.indices().refresh(r -> r.index(INDEX));
    }

    @AfterAll
    void dropIndices() throws Exception {
        events.close();
        LawSlice.drop(elasticsearch, LAWS);
        elasticsearch.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    @Test
    void anItemsLegalBasisLinksToTheLawInForceAndNamesACitationTheCorpusLacks() {
        Map<String, Object> basis = get("/api/v1/search/services/" + TestRun.code("contract") + "/legal-basis");

        List<Map<String, Object>> laws = list(basis.get("laws"));
        assertThat(laws).extracting(l -> l.get("title")).containsExactly("中华人民共和国劳动合同法", "南宁市不存在的条例");
        assertThat(laws.get(0).get("lawId")).as("found in the corpus").isNotNull();
        assertThat(laws.get(0)).containsEntry("status", "current");
        assertThat(laws.get(1).get("lawId")).as("not in the corpus: named, not linked").isNull();
        assertThat(laws.get(1)).containsKey("articles");
        assertThat(list(laws.get(1).get("articles"))).as("the whole law is cited").isEmpty();
    }

    @Test
    void aLawListsExactlyTheServicesCitingIt() {
        String lawId = list(get("/api/v1/search/services/" + TestRun.code("contract") + "/legal-basis").get("laws"))
                .getFirst().get("lawId").toString();

        Map<String, Object> citing = get("/api/v1/search/laws/" + lawId + "/services");

        assertThat(citing).containsEntry("title", "中华人民共和国劳动合同法");
        // The topic also carries other runs' items (e.g. the standard catalogue); only this run's codes are asserted.
        assertThat(list(citing.get("services"))).extracting(s -> s.get("code")).contains(TestRun.code("contract"))
                .as("the 实施条例 and the 劳动法 are other laws").doesNotContain(TestRun.code("labour"), TestRun.code("rules"));
    }

    @Test
    void citedArticleNumbersResolveToArticlesOfTheLinkedVersion() {
        List<Map<String, Object>> laws = list(get("/api/v1/search/services/" + TestRun.code("signing") + "/legal-basis").get("laws"));

        List<Map<String, Object>> articles = list(laws.getFirst().get("articles"));
        assertThat(articles).extracting(a -> a.get("no")).containsExactly("第十条", "第八十二条");
        for (Map<String, Object> article : articles) {
            Map<String, Object> cited = get("/api/v1/search/law-articles/" + article.get("articleId") + "/services");
            assertThat(cited).containsEntry("no", article.get("no")).containsEntry("title", "中华人民共和国劳动合同法")
                    .containsEntry("lawId", laws.getFirst().get("lawId"));
        }
    }

    @Test
    void anArticleListsOnlyTheServicesCitingThatArticle() {
        Map<String, Object> contract = list(get("/api/v1/search/services/" + TestRun.code("contract") + "/legal-basis").get("laws")).getFirst();
        Map<String, Object> signing = list(get("/api/v1/search/services/" + TestRun.code("signing") + "/legal-basis").get("laws")).getFirst();
        String article77 = list(contract.get("articles")).getFirst().get("articleId").toString();
        String article10 = list(signing.get("articles")).getFirst().get("articleId").toString();

        assertThat(list(get("/api/v1/search/law-articles/" + article77 + "/services").get("services")))
                .extracting(s -> s.get("code")).contains(TestRun.code("contract")).doesNotContain(TestRun.code("signing"));
        assertThat(list(get("/api/v1/search/law-articles/" + article10 + "/services").get("services")))
                .extracting(s -> s.get("code")).contains(TestRun.code("signing")).doesNotContain(TestRun.code("contract"));
        // The law itself lists both.
        assertThat(list(get("/api/v1/search/laws/" + contract.get("lawId") + "/services").get("services")))
                .extracting(s -> s.get("code")).contains(TestRun.code("contract"), TestRun.code("signing"));
    }

    @Test
    void unknownItemsAndLawsAreNotFoundInChinese() {
        HttpClientResponseException item = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/search/services/NO-SUCH-ITEM/legal-basis"), String.class));
        assertThat(item.getStatus().getCode()).isEqualTo(404);
        assertThat(item.getResponse().getBody(String.class).orElseThrow()).contains("未找到该服务事项");
        HttpClientResponseException law = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/search/laws/no-such-law/services"), String.class));
        assertThat(law.getStatus().getCode()).isEqualTo(404);
        HttpClientResponseException article = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/search/law-articles/no-such-article/services"), String.class));
        assertThat(article.getStatus().getCode()).isEqualTo(404);
        assertThat(article.getResponse().getBody(String.class).orElseThrow()).contains("未找到该法条");
    }

    private void awaitIndexed(String code) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                get("/api/v1/search/services/" + code + "/legal-basis");
                return;
            } catch (HttpClientResponseException notYet) {
                Thread.sleep(300);
            }
        }
        throw new AssertionError(code + " was not indexed in time");
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
