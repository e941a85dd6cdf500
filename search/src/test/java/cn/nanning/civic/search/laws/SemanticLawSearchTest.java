package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.semantic.QuestionVectors;
import cn.nanning.civic.search.semantic.SentenceEmbeddings;
import cn.nanning.civic.search.semantic.VectorCache;
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

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantic path on a real node with the real model: one law (the Labour Contract Law, 98 articles) loaded with
 * vectors, a question that shares no word with the article that answers it, and a reload that embeds nothing again.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticLawSearchTest implements TestPropertyProvider {

    static final String INDEX = LawSlice.articlesIndex("semantic");
    static final String TITLE = "中华人民共和国劳动合同法";
    /**
     * Asks whether an employer may demand a deposit, in none of the words of the article that forbids it (第九条:
     * 不得要求劳动者提供担保或者以其他名义向劳动者收取财物); bge-small-zh puts it nearest (cosine 0.58).
     */
    static final String QUESTION = "公司要我交押金合法吗";
    static final String ANSWER = "第九条";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    LawSearch search;

    @Inject
    QuestionVectors questions;

    Path cacheDir;
    SentenceEmbeddings model;
    VectorCache.Source firstLoad;
    int articles;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.laws.articles-index", INDEX,
                "civic.search.laws.index", LawSlice.lawsIndex(INDEX),
                "civic.search.catalogue.indexer-enabled", "false",
                "civic.search.semantic.enabled", "true");
    }

    @BeforeAll
    void loadWithVectors() throws Exception {
        cacheDir = Files.createTempDirectory("civic-vectors-test");
        model = SentenceEmbeddings.load();
        try (VectorCache cache = VectorCache.open(cacheDir)) {
            firstLoad = new VectorCache.Source(cache, model);
            articles = load(firstLoad).articles();
        }
        assertThat(questions.awaitReady(2, TimeUnit.MINUTES)).as("question model loaded").isTrue();
    }

    private LawLoader.Result load(VectorCache.Source vectors) throws IOException {
        return new LawLoader(elasticsearch, INDEX, LawSlice.lawsIndex(INDEX), new PrintStream(OutputStream.nullOutputStream()),
                vectors, false).load(LawSlice.dataDir().resolve(LawLoader.FILE_NAME), line -> line.contains(TITLE),
                law -> TITLE.equals(law.title()));
    }

    @AfterAll
    void drop() throws Exception {
        LawSlice.drop(elasticsearch, INDEX);
        try (var files = Files.list(cacheDir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(cacheDir);
    }

    @Test
    void every_article_is_stored_with_its_vector_and_a_reload_takes_them_from_the_cache() throws IOException {
        assertThat(articles).isGreaterThan(90);
        assertThat(firstLoad.embedded()).isEqualTo(articles);
        assertThat(withVector()).isEqualTo(articles);

        try (VectorCache cache = VectorCache.open(cacheDir)) {
            VectorCache.Source again = new VectorCache.Source(cache, model);
            assertThat(load(again).articles()).isEqualTo(articles);
            assertThat(again.embedded()).isZero();
            assertThat(again.cached()).isEqualTo(articles);
        }
        assertThat(elasticsearch.count(c -> c.index(INDEX)).count()).isEqualTo(articles);
        assertThat(withVector()).isEqualTo(articles);
    }

    private long withVector() throws IOException {
        return elasticsearch.count(c -> c.index(INDEX).query(q -> q.exists(e -> e.field(LawLoader.VECTOR_FIELD)))).count();
    }

    @Test
    void a_question_sharing_no_word_with_the_article_finds_it_by_meaning() throws IOException {
        // By words alone the article is not a candidate at all.
        LawSearch.Filters none = new LawSearch.Filters(null, null, null, null, null, null);
        List<String> lexical = elasticsearch.search(s -> s.index(INDEX).size(200)
                        .query(search.query(QUESTION, LawSearch.filters(none), false)), Map.class)
                .hits().hits().stream().map(h -> String.valueOf(h.source().get("no"))).toList();
        assertThat(lexical).doesNotContain(ANSWER);

        Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.GET(UriBuilder.of("/api/v1/search/laws")
                .queryParam("q", QUESTION).queryParam("perLaw", "5").build().toString()), Argument.mapOf(String.class, Object.class));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> laws = (List<Map<String, Object>>) body.get("laws");
        assertThat(laws).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) laws.getFirst().get("articles");
        assertThat(shown.stream().map(a -> a.get("no"))).contains(ANSWER);
    }
}
