package cn.nanning.civic.gateway.edge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.serde.annotation.Serdeable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Answers {@code /test/broken-response} with a body that cannot be written: the filters see 200, then encoding the
 * body fails. A filter rather than a controller, so the gateway's generated OpenAPI document stays as it is. Only in
 * tests that switch it on.
 */
@Filter("/test/broken-response")
@Requires(property = "gateway.test.broken-response", value = "true")
class BrokenResponseFilter implements HttpServerFilter {

    @Serdeable
    record Unwritable(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("this value cannot be written");
        }
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Mono.just(HttpResponse.ok(new Unwritable("x")));
    }

    @Override
    public int getOrder() {
        // Just inside the access log filter.
        return ServerFilterPhase.FIRST.after() + 1;
    }
}
