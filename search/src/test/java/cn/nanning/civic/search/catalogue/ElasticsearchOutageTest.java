package cn.nanning.civic.search.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What residents and the indexer experience while Elasticsearch is unreachable, and after it returns. */
class ElasticsearchOutageTest {

    static final String CLOSED_PORT_URL = "http://127.0.0.1:1";
    static final InetSocketAddress REAL_NODE = new InetSocketAddress("127.0.0.1",
            URI.create(System.getenv().getOrDefault("TEST_ELASTICSEARCH_URL", "http://127.0.0.1:19200")).getPort());

    @Test
    void searching_while_elasticsearch_is_unreachable_answers_503_with_a_chinese_problem() {
        try (EmbeddedServer server = start(Map.of(
                "civic.search.elasticsearch-url", CLOSED_PORT_URL,
                "civic.search.catalogue.indexer-enabled", "false"));
             HttpClient http = HttpClient.create(server.getURL())) {

            HttpClientResponseException search = refused(http, uri("/api/v1/search/services", "q", "失业保险"));
            HttpClientResponseException suggest = refused(http, uri("/api/v1/search/services/suggest", "prefix", "失业"));

            for (HttpClientResponseException e : List.of(search, suggest)) {
                assertThat(e.getStatus().getCode()).isEqualTo(503);
                assertThat(e.getResponse().getContentType()).hasValueSatisfying(
                        type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
                assertThat(e.getResponse().getBody(String.class).orElseThrow())
                        .contains("搜索服务暂时不可用，请稍后再试").contains("search-unavailable").contains("\"status\":503");
            }
        }
    }

    @Test
    void health_reports_elasticsearch_down_while_it_is_unreachable_but_the_process_stays_live() throws Exception {
        try (EmbeddedServer server = start(Map.of(
                "civic.search.elasticsearch-url", CLOSED_PORT_URL,
                "civic.search.catalogue.indexer-enabled", "false"));
             HttpClient http = HttpClient.create(server.getURL())) {
            String secret = server.getApplicationContext()
                    .getRequiredProperty("micronaut.security.token.jwt.signatures.secret.generator.secret", String.class);

            HttpClientResponseException health = refused(http, HttpRequest.GET("/health").bearerAuth(token(secret)));

            assertThat(health.getStatus().getCode()).isEqualTo(503);
            Map<String, Object> body = health.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
            assertThat(body).containsEntry("status", "DOWN");
            @SuppressWarnings("unchecked")
            Map<String, Object> elasticsearch = (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("elasticsearch");
            assertThat(elasticsearch).containsEntry("status", "DOWN");
            // Readiness takes the pod out of rotation; liveness must not restart it for someone else's outage.
            assertThat(refused(http, HttpRequest.GET("/health/readiness")).getStatus().getCode()).isEqualTo(503);
            assertThat(http.toBlocking().retrieve("/health/liveness")).contains("UP");
        }
    }

    @Test
    void the_indexer_keeps_an_event_while_elasticsearch_is_down_and_indexes_it_when_the_node_returns() throws Exception {
        String index = TestRun.index("catch-up");
        String group = TestRun.group("catch-up");
        String department = TestRun.department("南宁市住房公积金管理中心");
        CatalogueEvents.Item item = new CatalogueEvents.Item(TestRun.code("housing-fund"), "住房公积金提取", department,
                "购买、建造、翻建、大修自住住房", "购房合同；居民身份证", "《住房公积金管理条例》第二十四条", true, 1);

        try (TcpProxy node = new TcpProxy(REAL_NODE);
             CatalogueEvents events = new CatalogueEvents();
             EmbeddedServer server = start(Map.of(
                     "civic.search.elasticsearch-url", "http://127.0.0.1:" + node.port(),
                     "civic.search.catalogue.index", index,
                     "civic.search.catalogue.consumer-group", group));
             HttpClient http = HttpClient.create(server.getURL())) {

            RecordMetadata published = events.published(item);
            Waiting.until("the listener joined its group", Duration.ofSeconds(30),
                    () -> events.committedOffset(group, published) >= 0 || groupHasMembers(events, group));
            // Give the listener time to receive the record and fail on it at least twice (retry delay 2 s).
            Thread.sleep(6_000);

            assertThat(events.committedOffset(group, published)).isLessThanOrEqualTo(published.offset());
            assertThat(refused(http, uri("/api/v1/search/services", "q", "住房公积金")).getStatus().getCode()).isEqualTo(503);

            node.start();

            Waiting.until("the held event is indexed after Elasticsearch returned", Duration.ofSeconds(60), () -> {
                HttpResponse<Map<String, Object>> found = http.toBlocking().exchange(
                        HttpRequest.GET(UriBuilder.of("/api/v1/search/services").queryParam("q", "住房公积金提取")
                                .queryParam("department", department).build()), Argument.mapOf(String.class, Object.class));
                return ((Number) found.body().get("total")).longValue() == 1;
            });
            Waiting.until("the offset is committed past the event", Duration.ofSeconds(10),
                    () -> events.committedOffset(group, published) > published.offset());
        } finally {
            try (ElasticsearchClient direct = ElasticsearchClient.of(c -> c.host("http://" + REAL_NODE.getHostString() + ":" + REAL_NODE.getPort()))) {
                direct.indices().delete(d -> d.index(index).ignoreUnavailable(true));
            }
        }
    }

    private static boolean groupHasMembers(CatalogueEvents events, String group) throws Exception {
        return events.hasActiveMembers(group);
    }

    private static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static URI uri(String path, String param, String value) {
        return UriBuilder.of(path).queryParam(param, value).build();
    }

    private static HttpClientResponseException refused(HttpClient http, URI uri) {
        return refused(http, HttpRequest.GET(uri));
    }

    private static HttpClientResponseException refused(HttpClient http, HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected " + request.getPath() + " to fail");
    }

    private static String token(String secret) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("7c9e6679-7425-40de-944b-e07fc1f90ae7")
                .claim("kind", "staff")
                .claim("roles", List.of("ADMIN"))
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
