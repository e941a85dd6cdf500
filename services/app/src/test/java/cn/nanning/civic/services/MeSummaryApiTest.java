package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
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

/** The services half of GET /api/v1/me: home village, volunteer standing, open items per capability. */
@MicronautTest(transactional = false)
class MeSummaryApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Inject
    ProxyFixture fixture;

    @Test
    void aNewCitizenHasNoHomeVillageIsNoVolunteerAndHasNothingOpen() {
        Map<String, Object> summary = get("/api/v1/me/summary", tokens.citizen());
        assertThat(summary.get("homeRegion")).isNull();
        assertThat(map(summary.get("volunteer"))).containsEntry("registered", false).containsEntry("starLevel", 0)
                .containsEntry("starLabel", null);
        assertThat(summary).containsKey("homeRegion");
        assertThat(map(summary.get("openItems"))).containsEntry("proxyRequests", 0).containsEntry("bookings", 0)
                .containsEntry("legalAidApplications", 0).containsEntry("councilTopics", 0).containsEntry("volunteerSignups", 0);
    }

    @Test
    void theHomeVillageIsKeptOnTheServerWithItsTownshipAndDistrictNames() {
        String citizen = tokens.citizen();
        Map<String, Object> set = put(citizen, "450103001005");
        assertThat(set).containsEntry("code", "450103001005").containsEntry("name", "新竹社区居委会")
                .containsEntry("townshipName", "新竹街道").containsEntry("districtName", "青秀区");
        put(citizen, "450103001006");
        Map<String, Object> home = map(get("/api/v1/me/summary", citizen).get("homeRegion"));
        assertThat(home).containsEntry("code", "450103001006").containsEntry("name", "思贤社区居委会");
    }

    @Test
    void onlyAVillageOfNanningCanBeHome() {
        String citizen = tokens.citizen();
        for (String code : new String[] {"450103001", "450103001999", "45x", ""}) {
            var e = catchThrowableOfType(HttpClientResponseException.class, () -> put(citizen, code));
            assertThat(e.getStatus().getCode()).as(code).isEqualTo(400);
            assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
            assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("村（社区）");
        }
        assertThat(get("/api/v1/me/summary", citizen).get("homeRegion")).isNull();
    }

    @Test
    void aCitizensOpenProxyRequestIsCountedForThemAndNobodyElse() {
        fixture.setUp();
        fixture.authoriseAsCitizen();
        fixture.authoriseAsCitizen();
        assertThat(get("/api/v1/me/open-items", fixture.citizen)).containsEntry("proxyRequests", 2);
        assertThat(map(get("/api/v1/me/summary", fixture.citizen).get("openItems"))).containsEntry("proxyRequests", 2);
        assertThat(get("/api/v1/me/open-items", tokens.citizen())).containsEntry("proxyRequests", 0);
    }

    @Test
    void staffHaveNoCitizenSummary() {
        var e = catchThrowableOfType(HttpClientResponseException.class,
                () -> get("/api/v1/me/summary", tokens.staff("ADMIN", "450100")));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        var p = catchThrowableOfType(HttpClientResponseException.class, () -> put(tokens.staff("CLERK", "450103"), "450103001005"));
        assertThat(p.getStatus().getCode()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private Map<String, Object> get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> put(String token, String code) {
        return client.toBlocking().retrieve(HttpRequest.PUT("/api/v1/me/home-region", Map.of("regionCode", code)).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }
}
