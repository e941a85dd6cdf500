package cn.nanning.civic.services;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "civic.seed.demo", value = "true")
class CatalogueDemoSeedTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Test
    void theDemoSeedPublishesTheDemoCatalogue() {
        Map<?, ?> item = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalogue/items/NN-LD-001").bearerAuth(tokens.citizen()), Map.class);
        assertThat(item.get("name")).isEqualTo("拖欠工资投诉（劳动保障监察）");
        assertThat(item.get("proxyAllowed")).isEqualTo(true);
    }
}
