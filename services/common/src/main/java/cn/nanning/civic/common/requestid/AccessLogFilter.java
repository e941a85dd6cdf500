package cn.nanning.civic.common.requestid;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request: method, path, status, latency, subject, under the request id. Never the query
 * string (it may hold personal data), never a token. Probes are left out.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "civic.access-log.enabled", notEquals = "false")
public class AccessLogFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final String STARTED = "civic.startedNanos";

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (path.startsWith("/health") || path.equals("/prometheus")) {
            return;
        }
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        String subject = request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse("-");
        RequestIds.logging(request, () -> LOG.info("{} {} {} {}ms subject={}", request.getMethod(), path, response.code(),
                (System.nanoTime() - started) / 1_000_000, subject));
    }

    @Override
    public int getOrder() {
        // Right after the request id is assigned, so its latency covers security and the handler.
        return ServerFilterPhase.FIRST.before() + 1;
    }
}
