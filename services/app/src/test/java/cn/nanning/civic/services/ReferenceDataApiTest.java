package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference data a client shows is served with Chinese labels, from the same definitions the modules check against. */
@MicronautTest(transactional = false)
class ReferenceDataApiTest {

    private static final String CHINESE = ".*[\\u4e00-\\u9fa5].*";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Test
    void legalAidCaseTypesAndExemptionGroundsComeWithTheirChineseWordingAndArticle() {
        List<Map<String, Object>> types = items(get("/api/v1/appointments/legal-aid/case-types"));
        assertThat(types).hasSize(9).allSatisfy(t -> assertThat(t.get("label").toString()).matches(CHINESE));
        assertThat(types).extracting(t -> t.get("code")).contains("LABOUR", "MAINTENANCE", "OTHER");
        List<Map<String, Object>> grounds = items(get("/api/v1/appointments/legal-aid/exempt-grounds"));
        assertThat(grounds).hasSize(8);
        assertThat(grounds).filteredOn(g -> "ART32_GOOD_SAMARITAN".equals(g.get("code")))
                .singleElement().satisfies(g -> {
                    assertThat(g.get("article")).isEqualTo("第三十二条");
                    assertThat(g.get("label").toString()).contains("见义勇为");
                });
    }

    @Test
    void theSelfCheckQuestionsAreNineAndSevenOnAFourPointScaleWithTheRiskItemNamed() {
        Map<String, Object> questions = get("/api/v1/appointments/psychology/screening/questions");
        assertThat((List<?>) questions.get("scale")).hasSize(4);
        assertThat(items(map(questions.get("phq9")))).hasSize(9).allSatisfy(q -> assertThat(q.get("text").toString()).matches(CHINESE));
        assertThat(items(map(questions.get("gad7")))).hasSize(7);
        assertThat(items(map(questions.get("phq9"))).get(8).get("text").toString()).contains("伤害自己");
        assertThat(map(questions.get("hotline"))).containsEntry("number", "12356");
    }

    @Test
    void theConsentPolicyIsServedInTheVersionRegistrationsMustName() {
        Map<String, Object> policy = get("/api/v1/volunteers/consent-policy");
        assertThat(policy).containsEntry("version", "2025-01");
        assertThat(policy.get("title").toString()).contains("个人信息处理规则");
        assertThat(policy.get("text").toString()).contains("身份证号码").contains("撤回");
    }

    @Test
    void teamTypesAndCatalogueCategoriesHaveChineseNamesAndItemsCarryTheirCategory() {
        assertThat(items(get("/api/v1/volunteers/team-types"))).extracting(t -> t.get("code"))
                .containsExactly("PING_AN", "PATROL", "GENERAL");
        List<Map<String, Object>> categories = items(get("/api/v1/catalogue/categories"));
        assertThat(categories).extracting(c -> c.get("code")).contains("SB", "MZ", "FL", "OTHER");
        assertThat(categories).allSatisfy(c -> assertThat(c.get("label").toString()).matches(CHINESE));
        Map<String, Object> item = get("/api/v1/catalogue/items/NN-SB-001");
        assertThat(item).containsEntry("category", "SB").containsEntry("categoryLabel", "社会保险");
        List<Map<String, Object>> page = items(get("/api/v1/catalogue/items?size=100"), "items");
        assertThat(page).isNotEmpty().allSatisfy(i -> assertThat(i.get("category")).isNotNull());
    }

    private Map<String, Object> get(String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.citizen()), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<Map<String, Object>> items(Map<String, Object> body) {
        return items(body, "items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> body, String field) {
        return (List<Map<String, Object>>) body.get(field);
    }
}
