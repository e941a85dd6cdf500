package cn.nanning.civic.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class OpenApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void oneDocumentDescribesTheEndpointsOfEveryModule() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/openapi.yml"));
        Map<String, Object> doc = new Yaml().load(body);
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths).containsKeys("/api/v1/regions/{code}/children", "/api/v1/catalogue/items", "/api/v1/catalogue/items/{code}");
        assertThat(((Map<String, Object>) doc.get("info")).get("title")).isEqualTo("civic-services");
    }
}
