package cn.nanning.civic.search.knowledge;

import cn.nanning.civic.search.laws.LawSlice;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
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

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The knowledge base end to end against a real Elasticsearch: a resident's phrasing gets the plain answer, the next
 * step and the article first; administrators add, replace and retire entries (in Elasticsearch), and bad entries are
 * refused with reasons in Chinese. Runs on a slice of the corpus (the labour laws), with the embedding model off, so
 * questions are matched by their characters.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeApiTest implements TestPropertyProvider {

    static final String ARTICLES = LawSlice.articlesIndex("answers");
    static final String ANSWERS = "law-answers-test-" + UUID.randomUUID().toString().substring(0, 8);
    static final String LABOUR_CONTRACT_LAW = "中华人民共和国劳动合同法";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    KnowledgeStore store;

    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String secret;

    String lawId;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.laws.articles-index", ARTICLES,
                "civic.search.laws.index", LawSlice.lawsIndex(ARTICLES),
                "civic.search.answers.index", ANSWERS,
                "civic.search.catalogue.indexer-enabled", "false");
    }

    @BeforeAll
    void loadSlice() throws Exception {
        LawSlice.load(elasticsearch, ARTICLES);
        lawId = LawSlice.currentLawId(elasticsearch, ARTICLES, LABOUR_CONTRACT_LAW);
        knowledge.rebuild();
    }

    @AfterAll
    void dropSlice() throws Exception {
        LawSlice.drop(elasticsearch, ARTICLES);
        store.clear();
    }

    @Test
    void a_residents_phrasing_gets_the_plain_answer_the_next_step_and_the_article_first() {
        Map<String, Object> result = search("试用期说辞退就辞退吗");

        List<Map<String, Object>> answers = list(result.get("answers"));
        assertThat(answers).isNotEmpty();
        assertThat(answers.getFirst()).containsEntry("id", "dismissal-probation").containsEntry("topicLabel", "辞退与经济补偿");
        assertThat((String) answers.getFirst().get("answer")).contains("试用期");
        assertThat(map(answers.getFirst().get("nextStep"))).containsEntry("kind", "CONSULTATION");
        // Its own step first, then the fixed ones it does not already name.
        assertThat(list(answers.getFirst().get("nextSteps")).stream().map(s -> s.get("kind")).toList())
                .containsExactly("CONSULTATION", "LEGAL_AID", "SERVICE_POINT");
        Map<String, Object> firstLaw = list(result.get("laws")).getFirst();
        assertThat(firstLaw).containsEntry("title", LABOUR_CONTRACT_LAW);
        assertThat(list(firstLaw.get("articles")).getFirst()).containsEntry("no", "第二十一条");

        // A question about something else gets no plain answer.
        assertThat(list(search("上海住宅小区的业主大会如何召开").get("answers"))).isEmpty();
    }

    @Test
    void an_administrator_adds_an_entry_and_law_search_answers_with_it_at_once() {
        String id = "wages-test-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> saved = http.toBlocking().retrieve(as("ADMIN", HttpRequest.PUT("/api/v1/search/law-answers/" + id,
                entry(id, "wages", List.of("老板赖账跑路喵喵喵怎么办", "喵喵喵老板欠钱不还工钱"), lawId, "第八十五条"))), Argument.mapOf(String.class, Object.class));

        assertThat(saved).containsEntry("origin", "admin").containsEntry("topicLabel", "工资与劳动合同");
        assertThat(list(saved.get("articles")).getFirst().get("articleId")).isNotNull();
        Map<String, Object> result = search("老板赖账跑路喵喵喵怎么办");
        assertThat(list(result.get("answers")).getFirst()).containsEntry("id", id);
        Map<String, Object> firstLaw = list(result.get("laws")).getFirst();
        assertThat(firstLaw).containsEntry("title", LABOUR_CONTRACT_LAW);
        assertThat(list(firstLaw.get("articles")).getFirst()).containsEntry("no", "第八十五条");
    }

    @Test
    void an_administrator_replaces_a_bundled_entry_and_retires_it() {
        String id = "wages-probation-length";
        assertThat(get(id)).containsEntry("origin", "bundled");

        http.toBlocking().exchange(as("ADMIN", HttpRequest.PUT("/api/v1/search/law-answers/" + id,
                entry(id, "wages", List.of("试用期最长能定多久", "试用期到底能有多长"), lawId, "第十九条"))));
        assertThat(get(id)).containsEntry("origin", "admin").containsEntry("answer", "这是管理员改写的解答，说明试用期最长多久，以及同一单位只能约定一次。");

        http.toBlocking().exchange(as("ADMIN", HttpRequest.DELETE("/api/v1/search/law-answers/" + id)));
        assertThatThrownBy(() -> get(id)).isInstanceOfSatisfying(HttpClientResponseException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
        assertThat(list(search("试用期最长能定多久").get("answers"))).noneMatch(a -> id.equals(a.get("id")));
    }

    @Test
    void a_bad_entry_is_refused_with_the_reasons_in_chinese() {
        Map<String, Object> bad = entry("wages-bad", "astrology", List.of("太短"), lawId, "第九百条");

        HttpClientResponseException refused = refused(as("ADMIN", HttpRequest.PUT("/api/v1/search/law-answers/wages-bad", bad)));

        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertThat(body).contains("topic").contains("请选择一个已有的主题")
                .contains("articles[0]").contains("法规检索库中没有" + LABOUR_CONTRACT_LAW + "第九百条")
                .contains("questions");
        assertThatThrownBy(() -> get("wages-bad")).isInstanceOf(HttpClientResponseException.class);
    }

    @Test
    void anyone_reads_the_knowledge_base_only_administrators_change_it() {
        List<Map<String, Object>> all = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/search/law-answers"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(all).hasSizeGreaterThanOrEqualTo(300);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/v1/search/law-answers?topic=rural-land"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)))).allSatisfy(e -> assertThat(e).containsEntry("topic", "rural-land"));

        Map<String, Object> entry = entry("wages-nobody", "wages", List.of("没有权限的人来改", "普通市民想加一条"), lawId, "第十九条");
        assertThat(refused(HttpRequest.PUT("/api/v1/search/law-answers/wages-nobody", entry)).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(refused(as("CITIZEN", HttpRequest.PUT("/api/v1/search/law-answers/wages-nobody", entry))).getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(refused(as("LAWYER", HttpRequest.DELETE("/api/v1/search/law-answers/dismissal-probation"))).getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }

    private Map<String, Object> entry(String id, String topic, List<String> questions, String law, String no) {
        return Map.of("id", id, "topic", topic, "questions", questions,
                "articles", List.of(Map.of("law", LABOUR_CONTRACT_LAW, "lawId", law, "no", no)),
                "answer", "这是管理员改写的解答，说明试用期最长多久，以及同一单位只能约定一次。",
                "nextStep", Map.of("kind", "CONSULTATION", "label", "预约律师免费法律咨询"));
    }

    private Map<String, Object> search(String q) {
        return http.toBlocking().retrieve(HttpRequest.GET(UriBuilder.of("/api/v1/search/laws").queryParam("q", q).build()),
                Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> get(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/search/law-answers/" + id), Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected " + request.getPath() + " to be refused");
    }

    private <T> MutableHttpRequest<T> as(String role, MutableHttpRequest<T> request) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).claim("kind", "staff")
                    .claim("roles", List.of(role)).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return request.bearerAuth(jwt.serialize());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
