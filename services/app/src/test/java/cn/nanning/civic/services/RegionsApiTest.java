package cn.nanning.civic.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest
class RegionsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Tokens tokens;

    @Test
    void aSignedInCitizenListsTheDistrictsOfNanningFromTheRegionsFile() {
        List<Map<String, Object>> districts = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/regions/450100/children").bearerAuth(tokens.citizen()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(districts).hasSize(12);
        assertThat(districts).extracting(d -> d.get("name")).contains("青秀区", "兴宁区", "武鸣区", "横州市");
        assertThat(districts).allSatisfy(d -> assertThat(d.get("level")).isEqualTo("district"));
    }

    @Test
    void theTownshipsOfADistrictAreItsChildren() {
        List<Map<String, Object>> townships = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/regions/450102/children").bearerAuth(tokens.citizen()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(townships).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("parentCode")).isEqualTo("450102");
            assertThat(t.get("level")).isEqualTo("township");
        });
        assertThat(townships).extracting(t -> t.get("name")).contains("民生街道");
    }

    @Test
    void withoutATokenTheCallIsRefusedAsProblemJson() {
        var e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/regions/450100/children"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(401);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void aMalformedCodeIsABadRequestInChinese() {
        var e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/regions/45x/children").bearerAuth(tokens.citizen()), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("区划代码");
    }

    @Test
    void anUnknownCodeIsNotFound() {
        var e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/regions/450199/children").bearerAuth(tokens.citizen()), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }
}
