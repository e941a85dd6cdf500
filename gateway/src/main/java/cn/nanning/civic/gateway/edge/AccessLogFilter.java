package cn.nanning.civic.gateway.edge;

import cn.nanning.civic.common.requestid.RequestIds;
import cn.nanning.civic.gateway.ratelimit.ClientAddresses;
import cn.nanning.civic.gateway.routing.RouteDefinition;
import cn.nanning.civic.gateway.routing.Routes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.regex.Pattern;

/**
 * One line per request on logger {@code civic.access}: request id, method, path, route, status, latency, subject and
 * client address. Never the query string, headers or body (tokens, search terms), and ID numbers in paths are masked.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class AccessLogFilter implements HttpServerFilter {

    static final Logger ACCESS = LoggerFactory.getLogger("civic.access");
    /** A resident ID number (GB 11643) anywhere in a path. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    private final Routes routes;
    private final ClientAddresses clients;

    AccessLogFilter(Routes routes, ClientAddresses clients) {
        this.routes = routes;
        this.clients = clients;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long started = System.nanoTime();
        return Mono.from(chain.proceed(request))
                .doOnNext(response -> log(request, response.code(), started))
                .doOnError(error -> log(request, 500, started));
    }

    private void log(HttpRequest<?> request, int status, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        String route = routes.forwardedRoute(request).map(RouteDefinition::getName).orElse("gateway");
        String subject = request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse("anonymous");
        long micros = (System.nanoTime() - started) / 1_000;
        ACCESS.info("requestId={} method={} path={} route={} status={} latencyMs={} subject={} client={}",
                RequestIds.of(request), request.getMethod(), maskIdNumbers(request.getPath()), route, status,
                String.format("%d.%03d", micros / 1000, micros % 1000), subject, clients.of(request));
    }

    static String maskIdNumbers(String path) {
        return ID_NUMBER.matcher(path).replaceAll("$1**********$2");
    }

    @Override
    public int getOrder() {
        // Outside everything but the request id filter, so refusals (401, 429, 413) are logged too.
        return ServerFilterPhase.FIRST.after();
    }
}
