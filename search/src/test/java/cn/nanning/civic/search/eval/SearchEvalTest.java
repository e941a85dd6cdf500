package cn.nanning.civic.search.eval;

import cn.nanning.civic.search.laws.AnsweredQuestions;
import cn.nanning.civic.search.laws.LawSlice;
import cn.nanning.civic.search.laws.QuestionLoader;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEvalTest implements TestPropertyProvider {

    static final String INDEX = LawSlice.articlesIndex("eval");

    @Inject
    EmbeddedServer server;

    @Inject
    ElasticsearchClient elasticsearch;

    @Value("${civic.search.elasticsearch-url}")
    String elasticsearchUrl;

    @TempDir
    Path dir;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.laws.articles-index", INDEX,
                "civic.search.laws.index", LawSlice.lawsIndex(INDEX),
                "civic.search.catalogue.indexer-enabled", "false");
    }

    @BeforeAll
    void loadSlice() throws Exception {
        LawSlice.load(elasticsearch, INDEX);
    }

    @AfterAll
    void dropSlice() throws Exception {
        LawSlice.drop(elasticsearch, INDEX);
    }

    @Test
    void the_eval_command_scores_the_search_api_and_the_baseline_on_a_small_file() throws Exception {
        Path file = dir.resolve("queries.jsonl");
        Files.writeString(file, String.join("\n",
                // Found: the article says 试用期 and 劳动合同 in as many words.
                line("劳动合同的试用期最长可以约定多久？", "中华人民共和国劳动合同法", "第十九条"),
                line("用人单位拖欠劳动报酬，劳动者可以申请支付令吗？", "中华人民共和国劳动合同法", "第三十条"),
                // Not in the slice at all: recall 0 for both engines.
                line("商标注册需要什么条件？", "中华人民共和国商标法", "第八条")) + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<SearchEval.Figures> figures = SearchEval.run(SearchEval.parse(new String[]{file.toString(), "--k", "10",
                        "--api", server.getURL().toString(), "--es", elasticsearchUrl, "--index", INDEX}),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        SearchEval.Figures api = figures.get(0);
        SearchEval.Figures baseline = figures.get(1);
        assertThat(api.questions()).isEqualTo(3);
        assertThat(api.withArticles()).isEqualTo(3);
        // Two of three questions have their law in the slice and both engines rank it among the first five.
        assertThat(api.lawR5()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(api.lawMrr()).isGreaterThan(1.0 / 3).isLessThanOrEqualTo(2.0 / 3);
        assertThat(baseline.lawR5()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(api.articleRk()).isGreaterThan(0).isLessThanOrEqualTo(2.0 / 3);
        assertThat(api.p95Millis()).isGreaterThanOrEqualTo(api.p50Millis()).isPositive();
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("3 questions", "R@1", "R@10", "MRR", "p50 / p95", "search API", "baseline: match on text");
    }

    @Test
    void cross_validation_never_lets_a_question_find_itself_through_the_answered_questions() throws Exception {
        String law = "中华人民共和国劳动合同法";
        String lawId = LawSlice.currentLawId(elasticsearch, INDEX, law);
        Path file = dir.resolve("faq.jsonl");
        // Words no article uses: only the question's own entry in the expansion could find its article.
        Files.writeString(file, String.join("\n",
                line("喵喵喵喵", law, "第三十条", lawId),
                line("汪汪汪汪", law, "第十九条", lawId)) + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        List<SearchEval.Figures> folded = SearchEval.run(SearchEval.parse(new String[]{file.toString(), "--folds", "2",
                "--questions", "none", "--api", server.getURL().toString(), "--es", elasticsearchUrl, "--index", INDEX}), out);

        assertThat(folded.getFirst().questions()).isEqualTo(2);
        assertThat(folded.getFirst().lawR5()).isZero();
        assertThat(folded.getFirst().articleRk()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("fold 1/2", "fold 2/2", "2-fold CV", "Restoring answered questions from (none)");

        // Without folds, with both questions indexed, each finds its own article: the expansion works, the folds held it back.
        QuestionLoader loader = new QuestionLoader(elasticsearch, INDEX, out);
        loader.apply(AnsweredQuestions.read(file));
        try {
            SearchEval.Figures plain = SearchEval.run(SearchEval.parse(new String[]{file.toString(),
                    "--api", server.getURL().toString(), "--es", elasticsearchUrl, "--index", INDEX}), out).getFirst();
            assertThat(plain.lawR1()).isEqualTo(1.0);
            assertThat(plain.articleR1()).isEqualTo(1.0);
        } finally {
            loader.apply(AnsweredQuestions.none());
        }
    }

    @Test
    void folds_must_be_at_least_two() {
        assertThatThrownBy(() -> SearchEval.parse(new String[]{"f.jsonl", "--folds", "1"})).isInstanceOf(IllegalArgumentException.class);
        assertThat(SearchEval.parse(new String[]{"f.jsonl"}).folds()).isZero();
    }

    @Test
    void recall_counts_each_expected_item_found_within_the_cutoff() {
        assertThat(SearchEval.recall(List.of("a", "b", "c"), List.of("c", "x"), 2)).isZero();
        assertThat(SearchEval.recall(List.of("a", "b", "c"), List.of("c", "x"), 3)).isEqualTo(0.5);
        assertThat(SearchEval.recall(List.of("a"), List.of("a", "a"), 10)).isEqualTo(1.0);
    }

    private static String line(String query, String law, String no) {
        return line(query, law, no, "x");
    }

    private static String line(String query, String law, String no, String lawId) {
        return "{\"query\":\"" + query + "\",\"expected_laws\":[\"" + law + "\"],\"expected_articles\":[{\"law\":\"" + law
                + "\",\"no\":\"" + no + "\",\"law_id\":\"" + lawId + "\",\"text_match\":1.0}],\"source\":\"test\"}";
    }
}
