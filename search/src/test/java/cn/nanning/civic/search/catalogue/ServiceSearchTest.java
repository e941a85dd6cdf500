package cn.nanning.civic.search.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceSearchTest implements TestPropertyProvider {

    static final Duration INDEXED_WITHIN = Duration.ofSeconds(30);
    static final String INDEX = TestRun.index("api");
    static final String GROUP = TestRun.group("api");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String jwtSecret;

    final CatalogueEvents events = new CatalogueEvents();

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.catalogue.index", INDEX, "civic.search.catalogue.consumer-group", GROUP);
    }

    @AfterAll
    void removeTestIndex() throws Exception {
        events.close();
        elasticsearch.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    @Test
    void a_published_item_is_found_by_chinese_words_with_highlighted_snippets() throws Exception {
        String department = TestRun.department("南宁市人力资源和社会保障局");
        CatalogueEvents.Item item = new CatalogueEvents.Item(TestRun.code("unemployment"), "失业保险金申领", department,
                "失业前用人单位和本人已缴纳失业保险费满一年，非因本人意愿中断就业，已进行失业登记并有求职要求",
                "居民身份证；社会保障卡", "《中华人民共和国社会保险法》第四十五条", true, 1);
        events.published(item);

        Map<String, Object> body = awaitHit("失业保险金怎么领", department, item.code());

        Map<String, Object> hit = hit(body, item.code());
        assertThat(hit).containsEntry("name", "失业保险金申领").containsEntry("department", department)
                .containsEntry("proxyAllowed", true);
        assertThat(((Number) hit.get("score")).doubleValue()).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, List<String>> highlights = (Map<String, List<String>>) hit.get("highlights");
        assertThat(highlights.get("name")).anySatisfy(snippet -> assertThat(snippet).contains("<em>").contains("</em>"));
        assertThat(body).containsEntry("page", 0).containsEntry("size", 10);
    }

    @Test
    void words_from_the_conditions_find_the_item_and_are_highlighted_there() throws Exception {
        String department = TestRun.department("南宁市民政局");
        CatalogueEvents.Item item = new CatalogueEvents.Item(TestRun.code("subsistence"), "最低生活保障申请", department,
                "共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定",
                "户口簿；家庭收入情况声明", "《社会救助暂行办法》第九条", true, 1);
        events.published(item);

        Map<String, Object> body = awaitHit("家庭成员人均收入", department, item.code());

        @SuppressWarnings("unchecked")
        Map<String, List<String>> highlights = (Map<String, List<String>>) hit(body, item.code()).get("highlights");
        assertThat(highlights.get("conditions")).anySatisfy(snippet -> assertThat(snippet).contains("<em>"));
    }

    @Test
    void everyday_words_find_the_item_written_in_official_terms() throws Exception {
        String department = TestRun.department("南宁市劳动保障监察支队");
        CatalogueEvents.Item item = new CatalogueEvents.Item(TestRun.code("wage-arrears"), "劳动保障监察投诉", department,
                "用人单位拖欠或者克扣劳动者劳动报酬", "投诉书；劳动关系证明", "《劳动保障监察条例》第十一条", true, 1);
        events.published(item);
        awaitHit("劳动保障监察投诉", department, item.code());

        Map<String, Object> body = search(Map.of("q", "老板不给工资", "department", department));

        assertThat(codes(body)).containsExactly(item.code());
        @SuppressWarnings("unchecked")
        Map<String, List<String>> highlights = (Map<String, List<String>>) hit(body, item.code()).get("highlights");
        assertThat(highlights.get("conditions")).anySatisfy(snippet -> assertThat(snippet).contains("<em>"));
    }

    @Test
    void an_older_version_arriving_late_does_not_overwrite_the_newer_one() throws Exception {
        String department = TestRun.department("南宁市医疗保障局");
        CatalogueEvents.Item v2 = new CatalogueEvents.Item(TestRun.code("medical"), "城乡居民基本医疗保险参保登记", department,
                "未参加职工医保的城乡居民", "居民身份证", "《中华人民共和国社会保险法》第二十五条", true, 2);
        events.published(v2);
        awaitHit("医疗保险参保", department, v2.code());

        RecordMetadata stale = events.published(v2.withVersion(1, "医保参保旧名称"));
        RecordMetadata replay = events.published(v2);
        Waiting.until("the indexer committed past the stale and the replayed event", INDEXED_WITHIN,
                () -> events.committedOffset(GROUP, replay) > replay.offset() && replay.offset() > stale.offset());

        Map<String, Object> body = search(Map.of("q", "医保参保旧名称 城乡居民基本医疗保险", "department", department));
        assertThat(hit(body, v2.code())).containsEntry("name", "城乡居民基本医疗保险参保登记");
        assertThat(((Number) body.get("total")).longValue()).isEqualTo(1);
    }

    @Test
    void a_newer_version_replaces_the_indexed_item() throws Exception {
        String department = TestRun.department("南宁市退役军人事务局");
        CatalogueEvents.Item v1 = new CatalogueEvents.Item(TestRun.code("veteran"), "退役军人优待证申领", department,
                "退役军人", "居民身份证；退役证件", "《中华人民共和国退役军人保障法》", false, 1);
        events.published(v1);
        awaitHit("优待证", department, v1.code());

        events.published(v1.withVersion(2, "退役军人优待证补领换领"));

        // Version 1's name shares no two characters in a row with 补领换领: it is not found until version 2 is indexed.
        Waiting.until("version 2's name is searchable", INDEXED_WITHIN, () -> codes(search(Map.of("q", "补领换领", "department", department)))
                .contains(v1.code()));
        assertThat(hit(search(Map.of("q", "补领换领", "department", department)), v1.code())).containsEntry("name", "退役军人优待证补领换领");
    }

    @Test
    void a_retired_item_is_no_longer_found() throws Exception {
        String department = TestRun.department("南宁市残疾人联合会");
        CatalogueEvents.Item item = new CatalogueEvents.Item(TestRun.code("disability"), "残疾人证办理", department,
                "持有本市户籍的残疾人", "居民身份证；近期免冠照片", "《中华人民共和国残疾人保障法》", true, 1);
        events.published(item);
        awaitHit("残疾人证", department, item.code());

        events.retired(item.code(), 2);

        Waiting.until("the retired item left the results", INDEXED_WITHIN,
                () -> ((Number) search(Map.of("q", "残疾人证", "department", department)).get("total")).longValue() == 0);
        // A replay of the old publication must not bring it back.
        RecordMetadata replay = events.published(item);
        Waiting.until("the replayed publication was consumed", INDEXED_WITHIN,
                () -> events.committedOffset(GROUP, replay) > replay.offset());
        assertThat(((Number) search(Map.of("q", "残疾人证", "department", department)).get("total")).longValue()).isZero();
    }

    @Test
    void results_can_be_limited_to_items_that_can_be_handled_by_proxy_and_to_an_implementing_level() throws Exception {
        String department = TestRun.department("南宁市农业农村局");
        CatalogueEvents.Item proxied = new CatalogueEvents.Item(TestRun.code("subsidy"), "耕地地力保护补贴申报", department,
                "承包耕地的农户", "承包合同", "财政部 农业农村部补贴资金管理办法", true, 1);
        CatalogueEvents.Item inPerson = new CatalogueEvents.Item(TestRun.code("machinery"), "农机购置补贴申报", department,
                "购买农业机械的农户", "购机发票", "农机购置与应用补贴实施意见", false, 1);
        events.published(proxied);
        events.published(inPerson);
        Waiting.until("both items are indexed", INDEXED_WITHIN,
                () -> ((Number) search(Map.of("q", "补贴", "department", department)).get("total")).longValue() == 2);

        Map<String, Object> onlyProxy = search(Map.of("q", "补贴", "department", department, "proxyAllowed", "true"));
        Map<String, Object> onlyInPerson = search(Map.of("q", "补贴", "department", department, "proxyAllowed", "false"));

        Map<String, Object> countyLevel = search(Map.of("q", "补贴", "department", department, "implementingLevel", "县级"));
        Map<String, Object> cityLevel = search(Map.of("q", "补贴", "department", department, "implementingLevel", "市级"));

        assertThat(codes(onlyProxy)).containsExactly(proxied.code());
        assertThat(codes(onlyInPerson)).containsExactly(inPerson.code());
        assertThat(codes(countyLevel)).containsExactlyInAnyOrder(proxied.code(), inPerson.code());
        assertThat(codes(cityLevel)).isEmpty();
    }

    @Test
    void names_are_suggested_while_typing() throws Exception {
        String department = TestRun.department("南宁市公安局");
        String name = "居住证签注" + TestRun.ID;
        CatalogueEvents.Item item = new CatalogueEvents.Item(TestRun.code("residence"), name, department,
                "在本市居住半年以上", "居住证", "《居住证暂行条例》", true, 1);
        events.published(item);
        awaitHit("居住证签注", department, item.code());

        Map<String, Object> startsWith = get("/api/v1/search/services/suggest", Map.of("prefix", "居住证签"));
        Map<String, Object> contains = get("/api/v1/search/services/suggest", Map.of("prefix", "证签注"));

        assertThat(startsWith.get("suggestions")).asList().contains(name).hasSizeLessThanOrEqualTo(10);
        assertThat(contains.get("suggestions")).asList().contains(name);
    }

    @Test
    void more_than_fifty_results_per_page_are_refused_with_a_chinese_problem() {
        HttpClientResponseException refused = refused(Map.of("q", "社保", "size", "51"));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getContentType()).hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
        String problem = refused.getResponse().getBody(String.class).orElseThrow();
        assertThat(problem).contains("每页条数须在 1 到 50 之间").contains("\"field\":\"size\"").contains("\"status\":400");
    }

    @Test
    void a_negative_page_is_refused_with_a_chinese_problem() {
        HttpClientResponseException refused = refused(Map.of("q", "社保", "page", "-1"));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("页码不能小于 0");
    }

    @Test
    void a_page_beyond_the_integer_range_is_a_400_not_an_overflow() {
        HttpClientResponseException refused = refused(Map.of("q", "社保", "page", String.valueOf(Integer.MAX_VALUE), "size", "50"));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("最多只能翻看前").contains("\"field\":\"page\"");
    }

    @Test
    void search_is_public_and_health_details_need_a_token_signed_with_our_secret() throws Exception {
        HttpResponse<String> anonymous = http.toBlocking().exchange(
                HttpRequest.GET(uri("/api/v1/search/services", Map.of("q", "社保"))), String.class);
        Map<String, Object> forged = http.toBlocking().retrieve(HttpRequest.GET("/health")
                .bearerAuth(token("not-the-secret-0123456789abcdef0123456789")), Argument.mapOf(String.class, Object.class));
        Map<String, Object> signed = http.toBlocking().retrieve(HttpRequest.GET("/health")
                .bearerAuth(token(jwtSecret)), Argument.mapOf(String.class, Object.class));

        assertThat(anonymous.getStatus().getCode()).isEqualTo(200);
        assertThat(forged).containsEntry("status", "UP").doesNotContainKey("details");
        assertThat(signed).containsKey("details");
    }

    @Test
    void health_shows_elasticsearch_up_to_a_signed_in_caller() throws Exception {
        HttpResponse<Map<String, Object>> health = http.toBlocking().exchange(
                HttpRequest.GET("/health").bearerAuth(token(jwtSecret)), Argument.mapOf(String.class, Object.class));

        assertThat(health.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) health.body().get("details");
        @SuppressWarnings("unchecked")
        Map<String, Object> elasticsearch = (Map<String, Object>) details.get("elasticsearch");
        assertThat(elasticsearch).containsEntry("status", "UP");
    }

    @Test
    void metrics_and_the_openapi_document_are_public() {
        String metrics = http.toBlocking().retrieve("/prometheus");
        String openapi = http.toBlocking().retrieve("/swagger/civic-search.yml");

        assertThat(metrics).contains("jvm_memory_used_bytes");
        assertThat(openapi).contains("/api/v1/search/services").contains("/api/v1/search/services/suggest");
    }

    private Map<String, Object> awaitHit(String q, String department, String code) throws Exception {
        Map<String, Object>[] found = new Map[1];
        Waiting.until(code + " is found by “" + q + "”", INDEXED_WITHIN, () -> {
            Map<String, Object> body = search(Map.of("q", q, "department", department));
            found[0] = body;
            return codes(body).contains(code);
        });
        return found[0];
    }

    private Map<String, Object> search(Map<String, String> params) {
        return get("/api/v1/search/services", params);
    }

    private Map<String, Object> get(String path, Map<String, String> params) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri(path, params)), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(Map<String, String> params) {
        try {
            http.toBlocking().exchange(HttpRequest.GET(uri("/api/v1/search/services", params)), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected the request to be refused");
    }

    private static URI uri(String path, Map<String, String> params) {
        UriBuilder builder = UriBuilder.of(path);
        params.forEach(builder::queryParam);
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("hits")).stream().map(hit -> (String) hit.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hit(Map<String, Object> body, String code) {
        return ((List<Map<String, Object>>) body.get("hits")).stream()
                .filter(hit -> code.equals(hit.get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not among " + codes(body)));
    }

    private static String token(String secret) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("7c9e6679-7425-40de-944b-e07fc1f90ae7")
                .claim("kind", "staff")
                .claim("roles", List.of("ADMIN"))
                .claim("name", "测试管理员")
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
