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

/** What a 受理回执's QR code opens: progress by receipt number, for anyone, without a word about the resident. */
@MicronautTest(transactional = false)
class ProxyReceiptProgressApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ProxyFixture fixture;

    @Test
    @SuppressWarnings("unchecked")
    void anyoneWithTheReceiptNumberSeesTheStatusTimelineAndPointButNoPersonalData() {
        fixture.setUp();
        String id = fixture.authoriseAsCitizen().get("id").toString();
        Map<?, ?> accepted = post(id, "accept", Map.of("materials", List.of("居民身份证", "户口簿")));
        String receiptNo = accepted.get("receiptNo").toString();
        post(id, "forward", Map.of("office", "区民政局", "note", "黄秀英的材料已送窗口"));

        String code = accepted.get("progressCode").toString();
        assertThat(code).matches("[0-9a-f]{12}");
        assertThat(fixture.count("select count(*) from proxy.receipt_check_code where receipt_no || ':' || code = ?", receiptNo + ":" + code))
                .as("a random code kept with the receipt, so rotating the PII keys cannot invalidate printed slips").isEqualTo(1);
        assertThat((List<?>) accepted.get("timeline")).extracting(step -> String.valueOf(((Map<?, ?>) step).get("actorName")))
                .as("the resident, then the clerk by the name their sign-in carries").containsExactly("本人", "测试用户");
        String body = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/public/receipts/" + receiptNo + "?code=" + code), String.class);
        assertThat(body).as("no name, phone, note or office in the public answer")
                .doesNotContain("黄", "6789", "区民政局", "材料已送窗口", fixture.pointId, id);
        Map<String, Object> progress = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/public/receipts/" + receiptNo + "?code=" + code),
                Argument.mapOf(String.class, Object.class));
        assertThat(progress).containsEntry("receiptNo", receiptNo).containsEntry("itemName", "高龄津贴申领")
                .containsEntry("status", "FORWARDED").containsEntry("statusLabel", "办理中")
                .containsKeys("acceptedOn", "forwardDue", "expectedBy");
        assertThat((Map<String, Object>) progress.get("point")).containsKeys("name", "phone", "address")
                .containsEntry("name", fixture.firstString("select name from proxy.service_point where id = ?::uuid", fixture.pointId));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) progress.get("steps");
        assertThat(steps).extracting(step -> step.get("statusLabel")).containsExactly("已委托", "已受理", "办理中");
        assertThat(steps.getFirst()).containsOnlyKeys("status", "statusLabel", "occurredAt");

        // Receipt numbers run in sequence: the number without its code, or with another receipt's, is not found.
        for (String query : List.of("", "?code=", "?code=000000000000", "?code=" + code.substring(1) + "0")) {
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/public/receipts/" + receiptNo + query), Map.class));
            assertThat(refused.getStatus().getCode()).as(query).isEqualTo(404);
        }
    }

    @Test
    void anUnknownOrMalformedNumberIsNotFoundInChinese() {
        for (String number : List.of("DB19990101-000001", "anything", "DB2026'--")) {
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/proxy/public/receipts/" + number), Map.class));
            assertThat(refused.getStatus().getCode()).isEqualTo(404);
            String problem = refused.getResponse().getBody(String.class).orElse("");
            assertThat(problem).contains("没有找到该回执");
        }
    }

    private Map<?, ?> post(String id, String action, Map<String, Object> body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/proxy/requests/" + id + "/" + action, body)
                .bearerAuth(fixture.clerk), Map.class);
    }
}
