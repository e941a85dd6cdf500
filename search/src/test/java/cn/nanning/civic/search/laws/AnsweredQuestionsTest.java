package cn.nanning.civic.search.laws;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Document expansion: questions answered before are indexed on their articles and found by new, similar questions. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnsweredQuestionsTest implements TestPropertyProvider {

    static final String INDEX = LawSlice.articlesIndex("questions");
    static final String LABOUR_CONTRACT_LAW = "中华人民共和国劳动合同法";
    /** Words the labour laws never use, so only an indexed question can lead to the article. */
    static final String ODD_WORDING = "老板赖账跑路喵喵喵";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @TempDir
    Path dir;

    String lawId;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.laws.articles-index", INDEX,
                "civic.search.laws.index", LawSlice.lawsIndex(INDEX),
                "civic.search.catalogue.indexer-enabled", "false");
    }

    @BeforeAll
    void loadSlice() throws Exception {
        LawSlice.load(elasticsearch, INDEX);
        lawId = LawSlice.currentLawId(elasticsearch, INDEX, LABOUR_CONTRACT_LAW);
    }

    @AfterAll
    void dropSlice() throws Exception {
        LawSlice.drop(elasticsearch, INDEX);
    }

    @Test
    void a_question_answered_before_leads_a_similar_one_to_its_article_until_the_faq_drops_it() throws Exception {
        QuestionLoader loader = new QuestionLoader(elasticsearch, INDEX, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        loader.apply(AnsweredQuestions.none());
        assertThat(articleNumbers(firstLaw("喵喵喵"))).doesNotContain("第三十条");

        Path faq = dir.resolve("faq.jsonl");
        Files.writeString(faq, String.join("\n",
                question(ODD_WORDING, lawId, "第三十条"),
                question("试用期最长多久？", lawId, "第十九条"),
                question("这条法律不在索引里", "no-such-law", "第一条")) + "\n", StandardCharsets.UTF_8);
        QuestionLoader.Result loaded = loader.apply(AnsweredQuestions.read(faq));

        assertThat(loaded.questions()).isEqualTo(3);
        assertThat(loaded.articles()).isEqualTo(2);
        assertThat(loaded.unresolved()).isEqualTo(1);
        Map<String, Object> law = firstLaw("喵喵喵");
        assertThat(law.get("title")).isEqualTo(LABOUR_CONTRACT_LAW);
        assertThat(articleNumbers(law).getFirst()).isEqualTo("第三十条");

        // The FAQ changes: the odd question is gone, so its article is cleared and no longer found by those words.
        Files.writeString(faq, question("试用期最长多久？", lawId, "第十九条") + "\n", StandardCharsets.UTF_8);
        QuestionLoader.Result reloaded = loader.apply(AnsweredQuestions.read(faq));

        assertThat(reloaded.cleared()).isEqualTo(1);
        assertThat(reloaded.articles()).isEqualTo(1);
        assertThat(articleNumbers(firstLaw("喵喵喵"))).doesNotContain("第三十条");
    }

    @Test
    void reading_a_fold_leaves_the_other_lines_out() throws Exception {
        Path file = dir.resolve("folds.jsonl");
        Files.writeString(file, String.join("\n",
                question("第一问", "law-a", "第一条"),
                "",
                question("第二问", "law-a", "第一条"),
                question("第三问", "law-b", "第二条")) + "\n", StandardCharsets.UTF_8);

        AnsweredQuestions even = AnsweredQuestions.read(file, i -> i % 2 == 0);

        assertThat(even.byArticle()).containsOnlyKeys(new AnsweredQuestions.ArticleRef("law-a", "第一条"),
                new AnsweredQuestions.ArticleRef("law-b", "第二条"));
        assertThat(even.byArticle().get(new AnsweredQuestions.ArticleRef("law-a", "第一条"))).containsExactly("第一问");
        assertThat(AnsweredQuestions.read(file).byArticle().get(new AnsweredQuestions.ArticleRef("law-a", "第一条")))
                .containsExactly("第一问", "第二问");
    }

    @Test
    void the_source_is_a_file_in_the_data_directory_unless_switched_off() {
        assertThat(AnsweredQuestions.configuredFile("/data", null)).contains(Path.of("/data", AnsweredQuestions.DEFAULT_FILE));
        assertThat(AnsweredQuestions.configuredFile("/data", "faq.jsonl")).contains(Path.of("/data/faq.jsonl"));
        assertThat(AnsweredQuestions.configuredFile("/data", "/etc/civic/faq.jsonl")).contains(Path.of("/etc/civic/faq.jsonl"));
        assertThat(AnsweredQuestions.configuredFile("/data", "none")).isEmpty();
    }

    private Map<String, Object> firstLaw(String q) {
        Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.GET(UriBuilder.of("/api/v1/search/laws")
                .queryParam("q", q).queryParam("perLaw", "5").build()), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> laws = (List<Map<String, Object>>) body.get("laws");
        // An empty list is left out of the answer.
        return laws == null || laws.isEmpty() ? Map.of() : laws.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<String> articleNumbers(Map<String, Object> law) {
        List<Map<String, Object>> articles = (List<Map<String, Object>>) law.getOrDefault("articles", List.of());
        return articles.stream().map(a -> a.get("no").toString()).toList();
    }

    static String question(String query, String lawId, String no) {
        return "{\"query\":\"" + query + "\",\"expected_laws\":[\"x\"],\"expected_articles\":[{\"law\":\"x\",\"no\":\"" + no
                + "\",\"law_id\":\"" + lawId + "\",\"text_match\":1.0}],\"source\":\"test\"}";
    }
}
