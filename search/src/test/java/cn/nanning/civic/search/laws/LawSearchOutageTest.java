package cn.nanning.civic.search.laws;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LawSearchOutageTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("civic.search.elasticsearch-url", "http://127.0.0.1:" + closedPort(),
                "civic.search.connect-timeout", "500ms",
                "civic.search.catalogue.indexer-enabled", "false");
    }

    @Test
    void law_search_answers_503_problem_in_chinese_while_elasticsearch_is_unreachable() {
        String uri = UriBuilder.of("/api/v1/search/laws").queryParam("q", "拖欠工资").build().toString();

        HttpClientResponseException failure = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET(uri), String.class));

        assertThat(failure.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(failure.getResponse().getContentType().map(Object::toString).orElse("")).isEqualTo("application/problem+json");
        assertThat(failure.getResponse().getBody(String.class).orElseThrow()).contains("搜索服务暂时不可用");
    }

    /** A port nothing listens on: bound once to learn a free number, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
