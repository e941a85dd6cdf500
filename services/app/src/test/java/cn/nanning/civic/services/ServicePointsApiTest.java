package cn.nanning.civic.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** "1 clerk + N volunteers" per point: who works where, as administrators arrange it. */
@MicronautTest(transactional = false)
class ServicePointsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    ProxyFixture fixture;

    @BeforeEach
    void aServicePointWithItsClerk() {
        fixture.setUp();
    }

    @Test
    void aPointShowsItsClerkAndVolunteersAndAReleasedVolunteerLosesAccess() {
        String admin = tokens.staff("ADMIN", "450100");
        String volunteerId = UUID.randomUUID().toString();
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/proxy/points/" + fixture.pointId + "/staff",
                Map.of("accountId", volunteerId, "role", "VOLUNTEER")).bearerAuth(admin));
        String volunteer = tokens.sign(volunteerId, "staff", List.of("VOLUNTEER"), fixture.village);
        String requestId = fixture.authoriseAsCitizen().get("id").toString();
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + requestId).bearerAuth(volunteer), Map.class))
                .containsEntry("id", requestId);

        Map<?, ?> point = point(admin);
        assertThat(roles(point)).containsExactly("CLERK", "VOLUNTEER");

        client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/proxy/points/" + fixture.pointId + "/staff/" + volunteerId).bearerAuth(admin));

        assertThat(roles(point(admin))).containsExactly("CLERK");
        var refused = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/proxy/requests/" + requestId).bearerAuth(volunteer), Map.class));
        assertThat(refused.getStatus().getCode()).isIn(403, 404);
    }

    @Test
    void anItemThatMustBeHandledInPersonCannotBeOfferedAtAPoint() {
        String admin = tokens.staff("ADMIN", "450100");
        String code = CatalogueApiTest.uniqueCode();
        Map<String, Object> draft = CatalogueApiTest.draft(code, "居民身份证换领（测试）");
        draft.put("proxyAllowed", false);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/catalogue/items", draft).bearerAuth(admin), Map.class);

        var e = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/proxy/points/" + fixture.pointId + "/items", Map.of("itemCodes", List.of(code))).bearerAuth(admin)));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("须本人到办理窗口办理");
        assertThat(String.valueOf(point(admin).get("itemCodes"))).doesNotContain(code);
    }

    @Test
    void anotherDistrictsAdministratorCannotReleaseTheClerk() {
        Map<?, ?> staff = (Map<?, ?>) ((List<?>) point(tokens.staff("ADMIN", "450100")).get("staff")).get(0);
        String elsewhere = tokens.staff("ADMIN", fixture.village.startsWith("450102") ? "450103" : "450102");
        var refused = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.DELETE("/api/v1/proxy/points/" + fixture.pointId + "/staff/" + staff.get("accountId")).bearerAuth(elsewhere)));
        assertThat(refused.getStatus().getCode()).isEqualTo(403);
        assertThat(refused.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("本人负责辖区");
        var unknown = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.DELETE("/api/v1/proxy/points/" + fixture.pointId + "/staff/" + UUID.randomUUID()).bearerAuth(tokens.staff("ADMIN", "450100"))));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    private static List<String> roles(Map<?, ?> point) {
        return ((List<?>) point.get("staff")).stream().map(s -> ((Map<?, ?>) s).get("role").toString()).toList();
    }

    private Map<?, ?> point(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/points/" + fixture.pointId).bearerAuth(token), Map.class);
    }
}
