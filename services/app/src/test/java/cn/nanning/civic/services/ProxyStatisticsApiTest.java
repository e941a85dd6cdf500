package cn.nanning.civic.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class ProxyStatisticsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    ProxyFixture fixture;

    @Test
    void aNewPointWithARequestShowsInItsTownshipsFigures() {
        fixture.setUp();
        fixture.authoriseAsCitizen();
        String township = fixture.village.substring(0, 9);
        Map<?, ?> figures = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/statistics?region=" + township)
                .bearerAuth(tokens.staff("ADMIN", township)), Map.class);
        long villages = fixture.count("select count(*) from kernel.region where level = 'village' and code like ? || '%'", township);
        assertThat(((Number) figures.get("villages")).longValue()).isEqualTo(villages);
        assertThat(((Number) figures.get("villagesAbleToProxy")).longValue()).isBetween(1L, villages);
        assertThat(((Number) figures.get("proxyCoverage")).doubleValue()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(((Map<?, ?>) figures.get("requestsByStatus")).get("AUTHORISED")).isNotNull();
    }

    @Test
    void aDistrictAdminCannotSeeAnotherDistrictsFigures() {
        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/proxy/statistics?region=450102").bearerAuth(tokens.staff("ADMIN", "450103")), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
    }
}
