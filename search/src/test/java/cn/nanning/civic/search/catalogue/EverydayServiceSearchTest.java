package cn.nanning.civic.search.catalogue;

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
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Service search over the catalogue the platform seeds, asked the way residents ask. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EverydayServiceSearchTest implements TestPropertyProvider {

    static final String INDEX = TestRun.index("everyday");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.catalogue.index", INDEX, "civic.search.catalogue.indexer-enabled", "false");
    }

    @BeforeAll
    void seedCatalogue() throws Exception {
        assertThat(SeededCatalogue.load(elasticsearch, INDEX)).isGreaterThan(50);
    }

    @AfterAll
    void dropIndex() throws Exception {
        elasticsearch.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    /** Everyday phrasings and the seeded item that helps (written apart from everyday-services.txt's words). */
    static final Map<String, String> EVERYDAY = new java.util.LinkedHashMap<>();

    static {
        EVERYDAY.put("邻居装修噪音", "NN-FL-002");
        EVERYDAY.put("楼上邻居天天吵闹怎么办", "NN-FL-002");
        EVERYDAY.put("老公打我", "NN-FL-003");
        EVERYDAY.put("老板三个月不发工资", "NN-LD-001");
        EVERYDAY.put("公司不跟我签合同", "NN-LD-004");
        EVERYDAY.put("身份证丢了怎么办", "NN-HJ-002");
        EVERYDAY.put("孩子刚出生怎么上户口", "NN-HJ-003");
        EVERYDAY.put("请不起律师", "NN-FL-001");
        EVERYDAY.put("上班受伤了", "NN-SB-007");
        EVERYDAY.put("在外地看病能报销吗", "NN-YB-004");
    }

    @Test
    void everyday_phrasings_find_the_item_that_helps_among_the_first_three() {
        Map<String, List<String>> missed = new java.util.LinkedHashMap<>();
        EVERYDAY.forEach((question, code) -> {
            List<String> codes = codes(search(question, null));
            if (!codes.subList(0, Math.min(3, codes.size())).contains(code)) {
                missed.put(question + " → " + code, codes);
            }
        });

        assertThat(missed).as("questions whose item is not among the first three hits").isEmpty();
    }

    @Test
    void neighbours_renovation_noise_puts_peoples_mediation_first() {
        assertThat(codes(search("邻居装修噪音", null)).getFirst()).isEqualTo("NN-FL-002");
    }

    @Test
    void one_character_in_common_is_no_match() {
        // 证 is in a dozen item names (身份证, 残疾人证, 优待证 …), always as part of a longer word.
        Map<String, Object> body = search("证", "0");

        assertThat(hits(body)).isEmpty();
        assertThat(((Number) body.get("total")).longValue()).isZero();
    }

    @Test
    void the_score_floor_is_applied_by_the_server_and_to_the_total() {
        Map<String, Object> all = search("补贴申请", "0");
        List<Map<String, Object>> hits = hits(all);
        assertThat(hits).hasSizeGreaterThan(2);
        double floor = ((Number) hits.get(1).get("score")).doubleValue();

        Map<String, Object> floored = search("补贴申请", String.valueOf(floor));

        assertThat(hits(floored)).hasSizeBetween(1, 2)
                .allSatisfy(h -> assertThat(((Number) h.get("score")).doubleValue()).isGreaterThanOrEqualTo(floor));
        assertThat(((Number) floored.get("total")).longValue()).isEqualTo(hits(floored).size());
        assertThat(hits(search("补贴申请", null))).allSatisfy(h -> assertThat(((Number) h.get("score")).doubleValue()).isGreaterThanOrEqualTo(3.0));
    }

    @Test
    void a_question_about_nothing_in_the_catalogue_finds_nothing_rather_than_stray_characters() {
        Map<String, Object> body = search("火星旅游签证", null);

        assertThat(hits(body)).isEmpty();
        assertThat(((Number) body.get("total")).longValue()).isZero();
    }

    @Test
    void a_floor_out_of_range_is_refused_in_chinese() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> search("低保", "-1"));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("最低相关度得分");
    }

    private Map<String, Object> search(String q, String minScore) {
        UriBuilder uri = UriBuilder.of("/api/v1/search/services").queryParam("q", q).queryParam("size", "10");
        if (minScore != null) {
            uri.queryParam("minScore", minScore);
        }
        URI built = uri.build();
        return http.toBlocking().retrieve(HttpRequest.GET(built), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("hits");
    }

    private static List<String> codes(Map<String, Object> body) {
        return hits(body).stream().map(h -> (String) h.get("code")).toList();
    }
}
