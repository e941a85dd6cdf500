package cn.nanning.civic.common.problem;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
class ProblemResponsesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anUnknownPathAnswersProblemJsonInChinese() {
        HttpClientResponseException e = call(HttpRequest.GET("/no-such-place"));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo(Problem.MEDIA_TYPE));
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("title")).isEqualTo("未找到");
        assertThat(body.get("status")).isEqualTo(404);
        assertThat(body.get("detail")).isEqualTo("您访问的资源不存在。");
    }

    @Test
    void aProblemExceptionKeepsItsTypeAndChineseDetail() {
        HttpClientResponseException e = call(HttpRequest.GET("/problems/conflict"));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("type")).isEqualTo(Problem.TYPE_BASE + "slot-taken");
        assertThat(body.get("detail")).isEqualTo("该时段已被预约");
        assertThat(body.get("title")).isEqualTo("数据冲突");
    }

    @Test
    void invalidInputNamesTheFieldWithItsChineseMessage() {
        HttpClientResponseException e = call(HttpRequest.POST("/problems/echo", Map.of("name", " ")));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("detail")).isEqualTo("name：名称不能为空");
        assertThat(body.get("errors").toString()).contains("name").contains("名称不能为空");
    }

    @Test
    void malformedJsonIsAnsweredInChineseWithoutRepeatingTheInput() {
        HttpClientResponseException e = call(HttpRequest.POST("/problems/echo", "{\"name\": \"zzsecretzz\"").contentType("application/json"));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("请求内容不是有效的 JSON").doesNotContain("zzsecretzz").doesNotContain("Invalid JSON")
                .doesNotContainPattern("[A-Za-z]+Exception");
    }

    @Test
    void aValueOfTheWrongKindNamesTheParameterInChinese() {
        HttpClientResponseException e = call(HttpRequest.GET("/problems/number?count=zzsecretzz"));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("detail")).isEqualTo("count：格式不正确。");
        assertThat(body.toString()).doesNotContain("zzsecretzz").doesNotContain("Failed to convert");
    }

    @Test
    void nestedFieldsAreNamedByTheirPathInTheJson() {
        assertThat(ProblemErrorResponseProcessor.fieldPath("register.body.guardian.phone")).isEqualTo("guardian.phone");
        assertThat(ProblemErrorResponseProcessor.fieldPath("search.size")).isEqualTo("size");
        assertThat(ProblemErrorResponseProcessor.fieldPath("/guardian/phone")).isEqualTo("guardian.phone");
    }

    @Test
    void anUnexpectedFaultLeaksNothingInternal() {
        HttpClientResponseException e = call(HttpRequest.GET("/problems/boom"));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        String raw = e.getResponse().getBody(String.class).orElseThrow();
        assertThat(raw).doesNotContain("secret-internal-state").contains("服务器内部错误");
    }

    @Test
    void theRequestIdIsEchoedAndAppearsInTheProblem() {
        HttpClientResponseException e = call(HttpRequest.GET("/no-such-place").header(RequestIds.HEADER, "req-12345678"));
        assertThat(e.getResponse().getHeaders().get(RequestIds.HEADER)).isEqualTo("req-12345678");
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("requestId")).isEqualTo("req-12345678");
    }

    @Test
    void anUnsafeRequestIdIsReplacedByAFreshOne() {
        var response = client.toBlocking().exchange(HttpRequest.GET("/problems/ok").header(RequestIds.HEADER, "bad id with spaces"), String.class);
        assertThat(response.getHeaders().get(RequestIds.HEADER)).isNotBlank().doesNotContain(" ");
    }

    private HttpClientResponseException call(HttpRequest<?> request) {
        return (HttpClientResponseException) org.assertj.core.api.Assertions.catchThrowable(() -> client.toBlocking().exchange(request, String.class));
    }

    @Controller("/problems")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class ProblemsController {
        @Get("/conflict")
        String conflict() {
            throw ProblemException.conflict("slot-taken", "该时段已被预约");
        }

        @Get("/boom")
        String boom() {
            throw new IllegalStateException("secret-internal-state");
        }

        @Get("/ok")
        String ok() {
            return "ok";
        }

        @Get("/number")
        String number(@io.micronaut.http.annotation.QueryValue int count) {
            return String.valueOf(count);
        }

        @Post("/echo")
        String echo(@Body @Valid Named named) {
            return named.name();
        }
    }

    @Serdeable
    record Named(@NotBlank(message = "名称不能为空") String name) {
    }
}
