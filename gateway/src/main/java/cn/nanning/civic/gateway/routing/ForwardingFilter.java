package cn.nanning.civic.gateway.routing;

import cn.nanning.civic.common.problem.Problem;
import cn.nanning.civic.common.problem.ProblemTitles;
import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Forwards requests on configured path prefixes to their downstream: method, headers (Authorization and
 * X-Request-Id included), body and query string as received; the response streams back unchanged.
 * Runs after the security filter, so refused requests never reach a downstream.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class ForwardingFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingFilter.class);

    private final Routes routes;
    private final Downstreams downstreams;

    ForwardingFilter(Routes routes, Downstreams downstreams) {
        this.routes = routes;
        this.downstreams = downstreams;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Routes.Match> match = routes.forward(request);
        if (match.isEmpty()) {
            return chain.proceed(request);
        }
        RouteDefinition route = match.get().route();
        Downstreams.Downstream downstream = downstreams.of(route);
        if (!downstream.breaker().tryAcquirePermission()) {
            LOG.warn("Circuit of route {} is open; refusing {} {}", route.getName(), request.getMethod(), request.getPath());
            return Mono.just(problem(request, 503, "downstream-circuit-open", "服务暂时不可用，请稍后再试。"));
        }
        String requestId = RequestIds.of(request);
        MutableHttpRequest<?> forwarded = request.mutate()
                .uri(downstreamUri(route.getTarget(), match.get().downstreamPath(request.getPath()), request.getUri().getRawQuery()));
        if (requestId != null) {
            forwarded.header(RequestIds.HEADER, requestId);
        }
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        String chainSoFar = request.getHeaders().get("X-Forwarded-For");
        forwarded.header("X-Forwarded-For", chainSoFar == null ? client : chainSoFar + ", " + client);
        forwarded.header("X-Forwarded-Prefix", match.get().prefix());
        long started = System.nanoTime();
        return Mono.from(downstream.client().proxy(forwarded))
                .doOnNext(response -> {
                    long took = System.nanoTime() - started;
                    if (response.code() >= 500) {
                        downstream.breaker().onError(took, TimeUnit.NANOSECONDS, new IllegalStateException("HTTP " + response.code()));
                    } else {
                        downstream.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
                    }
                })
                .doOnCancel(() -> downstream.breaker().releasePermission())
                .<MutableHttpResponse<?>>map(response -> response)
                .onErrorResume(error -> {
                    downstream.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, error);
                    return Mono.just(failure(request, route, error));
                });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    private static URI downstreamUri(URI target, String path, String rawQuery) {
        String base = target.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }

    private static MutableHttpResponse<?> failure(HttpRequest<?> request, RouteDefinition route, Throwable error) {
        if (error instanceof ReadTimeoutException) {
            LOG.warn("Route {} timed out after {} for {} {}", route.getName(), route.getTimeout(), request.getMethod(), request.getPath());
            return problem(request, 504, "downstream-timeout", "后台服务响应超时，请稍后再试。");
        }
        if (causedBy(error, ConnectException.class)) {
            LOG.warn("Route {} unreachable at {}: {}", route.getName(), route.getTarget(), error.getMessage());
            return problem(request, 503, "downstream-unavailable", "服务暂时不可用，请稍后再试。");
        }
        LOG.error("Route {} failed for {} {}", route.getName(), request.getMethod(), request.getPath(), error);
        return problem(request, 502, "downstream-failed", "后台服务暂时无法响应，请稍后再试。");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static MutableHttpResponse<Problem> problem(HttpRequest<?> request, int status, String type, String detail) {
        Problem body = new Problem(Problem.TYPE_BASE + type, ProblemTitles.forStatus(status), status, detail,
                request.getPath(), RequestIds.of(request), null);
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(status)).body(body).contentType(Problem.MEDIA_TYPE);
    }
}
