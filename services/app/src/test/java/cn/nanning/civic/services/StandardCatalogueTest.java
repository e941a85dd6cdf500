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

@MicronautTest(transactional = false)
class StandardCatalogueTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Test
    void theStandardCatalogueHoldsAtLeastSixtyItemsWithTheirCatalogueElements() {
        Map<?, ?> page = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalogue/items?size=100").bearerAuth(tokens.citizen()), Map.class);
        List<?> content = (List<?>) page.get("items");
        assertThat(content.stream().map(i -> ((Map<?, ?>) i).get("code").toString()).filter(c -> c.startsWith("NN-")).count())
                .isGreaterThanOrEqualTo(60);
        Map<?, ?> wages = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalogue/items/NN-LD-001").bearerAuth(tokens.citizen()), Map.class);
        assertThat(wages.get("name")).isEqualTo("拖欠工资投诉（劳动保障监察）");
        assertThat(wages.get("legalBasis").toString()).contains("保障农民工工资支付条例");
        assertThat(wages.get("proxyAllowed")).isEqualTo(true);
        assertThat(wages.get("timeLimitDays")).isEqualTo(30);
    }

    @Test
    void theLabourRightsBundleCoversItsItems() {
        List<String> parts = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/catalogue/items/NN-LD-900/bundle").bearerAuth(tokens.citizen()), Argument.listOf(String.class));
        assertThat(parts).containsExactly("NN-LD-001", "NN-LD-004", "NN-LD-005", "NN-LD-003");
    }
}
