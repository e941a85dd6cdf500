package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A 代办 request carries its service point's name, phone and address, and from 受理 the day its result is expected by. */
@MicronautTest(transactional = false)
class ProxyRequestLinksApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ProxyFixture fixture;

    @Test
    @SuppressWarnings("unchecked")
    void theRequestShowsItsPointAndOnceAcceptedItsExpectedDay() {
        fixture.setUp();
        String id = fixture.authoriseAsCitizen().get("id").toString();
        Map<String, Object> authorised = get(id);
        Map<String, Object> point = (Map<String, Object>) authorised.get("point");
        assertThat(point).containsEntry("id", fixture.pointId).containsKey("phone").containsKey("address");
        assertThat(point.get("name").toString()).isEqualTo(fixture.firstString("select name from proxy.service_point where id = ?::uuid", fixture.pointId));
        assertThat(authorised.get("expectedBy")).isNull();

        client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests/" + id + "/accept",
                Map.of("materials", List.of("居民身份证", "户口簿"))).bearerAuth(fixture.clerk), Map.class);
        Map<String, Object> accepted = get(id);
        LocalDate forwardDue = LocalDate.parse(accepted.get("forwardDue").toString());
        LocalDate expectedBy = LocalDate.parse(accepted.get("expectedBy").toString());
        // The item's time limit (5 working days) runs after the 3 forwarding days: 5 working days after forwarding is due.
        assertThat(expectedBy).isAfterOrEqualTo(forwardDue.plusDays(5)).isBefore(forwardDue.plusDays(30));
    }

    private Map<String, Object> get(String id) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/requests/" + id).bearerAuth(fixture.citizen),
                Argument.mapOf(String.class, Object.class));
    }
}
