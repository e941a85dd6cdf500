package cn.nanning.civic.devstack;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedElasticsearchTest {

    @TempDir
    static Path home;

    static EmbeddedElasticsearch elasticsearch;
    static ElasticsearchClient client;

    @BeforeAll
    static void startNode() {
        elasticsearch = EmbeddedElasticsearch.start(0, home, "civic-unit-test");
        client = ElasticsearchClient.of(config -> config.host(elasticsearch.httpUrl()));
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (client != null) {
            client._transport().close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @Test
    void the_java_client_can_ping_and_read_the_node_info() throws IOException {
        assertThat(client.ping().value()).isTrue();

        InfoResponse info = client.info();

        assertThat(info.clusterName()).isEqualTo("civic-unit-test");
        assertThat(info.version().number()).isEqualTo("9.5.3");
        assertThat(info.tagline()).isEqualTo("You Know, for Search");
    }

    @Test
    void the_smartcn_analyzer_splits_chinese_text_into_words() throws IOException {
        List<String> tokens = client.indices().analyze(a -> a.analyzer("smartcn").text("用人单位拖欠劳动者工资"))
            .tokens().stream().map(AnalyzeToken::token).toList();

        assertThat(tokens).containsExactly("用人", "单位", "拖欠", "劳动者", "工资");
    }

    @Test
    void a_custom_analyzer_can_be_built_from_the_smartcn_tokenizer() throws IOException {
        client.indices().create(c -> c.index("custom-chinese")
            .settings(s -> s.numberOfReplicas("0").analysis(an -> an.analyzer("chinese_lower", az -> az.custom(cu -> cu
                .tokenizer("smartcn_tokenizer").filter("lowercase", "smartcn_stop"))))));

        List<String> tokens = client.indices().analyze(a -> a.index("custom-chinese").analyzer("chinese_lower").text("工资，ABC"))
            .tokens().stream().map(AnalyzeToken::token).toList();

        assertThat(tokens).containsExactly("工资", "abc");
    }

    @Test
    void a_search_for_a_word_finds_the_chinese_document_that_contains_it() throws IOException {
        client.indices().create(c -> c.index("laws")
            .settings(s -> s.numberOfReplicas("0"))
            .mappings(m -> m
                .properties("title", p -> p.text(t -> t.analyzer("smartcn")))
                .properties("summary", p -> p.text(t -> t.analyzer("cjk")))));
        client.index(i -> i.index("laws").id("1").refresh(Refresh.True)
            .document(Map.of("title", "用人单位拖欠劳动者工资的处理", "summary", "劳动保障监察")));
        client.index(i -> i.index("laws").id("2").refresh(Refresh.True)
            .document(Map.of("title", "居民身份证申领", "summary", "户籍管理")));

        SearchResponse<Map> byWord = client.search(s -> s.index("laws")
            .query(q -> q.match(m -> m.field("title").query("工资"))), Map.class);
        SearchResponse<Map> byBigram = client.search(s -> s.index("laws")
            .query(q -> q.match(m -> m.field("summary").query("监察"))), Map.class);

        assertThat(byWord.hits().hits()).extracting(hit -> hit.id()).containsExactly("1");
        assertThat(byBigram.hits().hits()).extracting(hit -> hit.id()).containsExactly("1");
    }
}
