package cn.nanning.civic.common.requestid;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class RequestIdPropagationTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aCallMadeWhileServingARequestCarriesThatRequestsId() {
        String seenDownstream = client.toBlocking().retrieve(
                HttpRequest.GET("/request-ids/outer").header(RequestIds.HEADER, "req-outer-12345678"));

        assertThat(seenDownstream).isEqualTo("req-outer-12345678");
    }

    @Controller("/request-ids")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class Calls {

        private final ApplicationContext context;
        private final HttpClient http;

        Calls(ApplicationContext context, @Client HttpClient http) {
            this.context = context;
            this.http = http;
        }

        /** Calls the inner endpoint with a plain client, setting no header itself. */
        @Get("/outer")
        @ExecuteOn(TaskExecutors.BLOCKING)
        String outer() {
            String inner = context.getBean(EmbeddedServer.class).getURI() + "/request-ids/inner";
            return http.toBlocking().retrieve(HttpRequest.GET(inner));
        }

        @Get("/inner")
        String inner(HttpRequest<?> request) {
            return request.getHeaders().get(RequestIds.HEADER);
        }
    }
}
