package cn.nanning.civic.gateway.routing;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route limited to some methods: public reads below a prefix whose writes need a token (the catalogue). The echo
 * routes of the test environment show the behaviour; the configured {@code catalogue-read} route is checked as loaded.
 */
@MicronautTest(transactional = false)
class PublicReadRouteTest extends GatewayTest {

    @Inject
    Routes routes;

    @Test
    void aGetOnAReadOnlyPublicRouteNeedsNoToken() {
        Api.Response response = api().get("/api/v1/keep/catalogue/items/NN-SB-001", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.get("method")).isEqualTo("GET");
        assertThat(response.get("path")).isEqualTo("/api/v1/keep/catalogue/items/NN-SB-001");
        assertThat(response.get("authorization")).isNull();
    }

    @Test
    void aSignedInCallerReadsThroughItTooAndTheTokenIsForwarded() {
        String token = citizenToken();
        Api.Response response = api().get("/api/v1/keep/catalogue/items/NN-SB-001", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void aWriteToTheSamePathsGoesAlongTheAuthenticatedRouteAndIsRefusedWithoutAToken() {
        int before = TestEnvironment.echo().requests();

        Api.Response put = api().send(HttpRequest.PUT("/api/v1/keep/catalogue/items/NN-SB-001", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), null);
        Api.Response delete = api().send(HttpRequest.DELETE("/api/v1/keep/catalogue/items/NN-SB-001"), null);

        assertThat(put.status()).isEqualTo(401);
        assertThat(put.contentType()).startsWith("application/problem+json");
        assertThat(delete.status()).isEqualTo(401);
        assertThat(TestEnvironment.echo().requests()).as("refused before the downstream").isEqualTo(before);
    }

    @Test
    void theCatalogueIsReadAnonymouslyOnThePublicReadBudgetAndWrittenThroughTheServicesRoute() {
        RouteDefinition read = routes.match("GET", "/api/v1/catalogue/items/NN-SB-001").orElseThrow().route();
        assertThat(read.getName()).isEqualTo("catalogue-read");
        assertThat(read.isPublic()).isTrue();
        assertThat(read.getRateLimit()).as("the budget public search spends")
                .isEqualTo(routes.named("search").orElseThrow().getRateLimit()).isEqualTo("public-read");
        assertThat(routes.match("HEAD", "/api/v1/catalogue/items").orElseThrow().route().getName()).isEqualTo("catalogue-read");
        assertThat(routes.match("GET", "/api/v1/catalogue/categories").orElseThrow().route().getName()).isEqualTo("catalogue-read");

        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            RouteDefinition write = routes.match(method, "/api/v1/catalogue/items/NN-SB-001").orElseThrow().route();
            assertThat(write.getName()).as(method).isEqualTo("services");
            assertThat(write.isPublic()).as(method).isFalse();
        }
        assertThat(routes.match("GET", "/api/v1/catalogues").map(m -> m.route().getName()))
                .as("whole path segments only").isNotEqualTo(java.util.Optional.of("catalogue-read"));
    }
}
