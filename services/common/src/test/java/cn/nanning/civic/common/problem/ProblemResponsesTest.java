package cn.nanning.civic.common.problem;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.http.HttpHeaders;
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

import java.util.List;
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
    void anUnreachableDatabaseAnswers503WithRetryAfterInChineseNot500() {
        for (String path : List.of("/problems/pool-exhausted", "/problems/database-restarting", "/problems/connection-refused",
                "/problems/connection-closed-mid-transaction")) {
            HttpClientResponseException e = call(HttpRequest.GET(path));
            assertThat(e.getStatus().getCode()).as(path).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
            assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).as(path).isEqualTo("5");
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo(Problem.MEDIA_TYPE));
            String raw = e.getResponse().getBody(String.class).orElseThrow();
            assertThat(raw).as(path).contains("服务暂时不可用").contains("database-unavailable").doesNotContain("HikariPool").doesNotContain("FATAL");
        }
    }

    @Test
    void anotherDatabaseErrorStaysAnInternalError() {
        HttpClientResponseException e = call(HttpRequest.GET("/problems/duplicate-key"));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).isNull();
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

        /** What HikariCP throws when no connection could be had in time (the database is down). */
        @Get("/pool-exhausted")
        String poolExhausted() {
            throw new IllegalStateException("Could not open connection for transaction",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms."));
        }

        /** What PostgreSQL says to open connections when it is restarted. */
        @Get("/database-restarting")
        String databaseRestarting() {
            throw new RuntimeException(new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        }

        @Get("/connection-refused")
        String connectionRefused() {
            throw new RuntimeException(new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        }

        /** Found by the chaos suite: a PostgreSQL restart mid-transaction, as the pool reports it on the next call. */
        @Get("/connection-closed-mid-transaction")
        String connectionClosed() {
            throw new IllegalStateException("Could not set JDBC Connection read-only: Connection is closed",
                    new java.sql.SQLException("Connection is closed"));
        }

        @Get("/duplicate-key")
        String duplicateKey() {
            throw new RuntimeException(new java.sql.SQLException("duplicate key value violates unique constraint", "23505"));
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
