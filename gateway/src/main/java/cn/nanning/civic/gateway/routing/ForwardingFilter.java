package cn.nanning.civic.gateway.routing;

import cn.nanning.civic.common.problem.Problem;
import cn.nanning.civic.common.problem.ProblemTitles;
import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

/**
 * Forwards requests on configured path prefixes to their downstream: method, headers (Authorization and
 * X-Request-Id included), body and query string as received; the response streams back unchanged.
 * Runs after the security filter, so refused requests never reach a downstream. Each route has its own bulkhead
 * (at most {@code max-concurrent} requests in flight, then 503 at once) and circuit breaker; safe methods are tried
 * again ({@code retries}) when the downstream was unreachable or answered 502/503/504, other methods never.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ForwardingFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingFilter.class);

    /** Safe methods: trying them again cannot change anything downstream. POST, PUT, PATCH and DELETE are tried once. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<Integer> RETRY_STATUSES = Set.of(502, 503, 504);
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(50);

    private final Routes routes;
    private final Downstreams downstreams;

    ForwardingFilter(Routes routes, Downstreams downstreams) {
        this.routes = routes;
        this.downstreams = downstreams;
    }

    /** The downstream's answer for a request on a route; other requests go on to the gateway's own endpoints. */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> gateway) {
        Optional<Routes.Match> match = routes.forward(request);
        if (match.isEmpty()) {
            return gateway.proceed();
        }
        RouteDefinition route = match.get().route();
        Downstreams.Downstream downstream = downstreams.of(route);
        if (!downstream.bulkhead().tryAcquirePermission()) {
            RequestIds.logging(request, () -> LOG.warn("Route {} has {} requests in flight (its bulkhead); refusing {} {}",
                    route.getName(), route.getMaxConcurrent(), request.getMethod(), request.getPath()));
            MutableHttpResponse<?> busy = problem(request, 503, "downstream-busy", "服务繁忙，请稍后再试。");
            busy.header(HttpHeaders.RETRY_AFTER, "1");
            return Mono.just(busy);
        }
        if (!downstream.breaker().tryAcquirePermission()) {
            downstream.bulkhead().onComplete();
            RequestIds.logging(request, () -> LOG.warn("Circuit of route {} is open; refusing {} {}", route.getName(),
                    request.getMethod(), request.getPath()));
            MutableHttpResponse<?> open = problem(request, 503, "downstream-circuit-open", "服务暂时不可用，请稍后再试。");
            open.header(HttpHeaders.RETRY_AFTER, Long.toString(Downstreams.OPEN_FOR.toSeconds()));
            return Mono.just(open);
        }
        // Safe methods without a body can be sent again as a fresh copy; everything else streams through once.
        int retries = IDEMPOTENT.contains(request.getMethod()) && bodiless(request) ? route.getRetries() : 0;
        URI uri = downstreamUri(route.getTarget(), match.get().downstreamPath(request.getPath()), request.getUri().getRawQuery());
        Forwarding forwarding = Forwarding.of(request, match.get());
        // Each try is a copy: the client sets its own Connection header on what it sends, and the received request's
        // headers decide how the caller's connection is answered.
        Supplier<MutableHttpRequest<?>> copy = () -> forwarding.applyTo(copyHeaders(request, uri));
        // The body's bytes go on as they arrive, unparsed; a request tried again has none.
        CloseableByteBody body = retries == 0 && request instanceof ServerHttpRequest<?> received ? received.byteBody().move() : null;
        long started = System.nanoTime();
        return attempt(request, downstream, copy, body, route, retries)
                .doOnNext(response -> {
                    long took = System.nanoTime() - started;
                    if (response.code() == 503) {
                        // The downstream answered at once that it cannot serve now (its database restarting, shedding
                        // load) and says when to come back: it is reachable, so this is no failure of it. Counted as
                        // one, a few seconds of a database restart opened the circuit, and the route went on
                        // refusing for the whole open period after everything was fine again.
                        downstream.breaker().releasePermission();
                    } else if (response.code() >= 500) {
                        downstream.breaker().onError(took, TimeUnit.NANOSECONDS, new IllegalStateException("HTTP " + response.code()));
                    } else {
                        downstream.breaker().onSuccess(took, TimeUnit.NANOSECONDS);
                    }
                })
                .doOnCancel(() -> downstream.breaker().releasePermission())
                // The bulkhead place is held until the downstream's answer starts (or fails, or the caller goes away).
                .doFinally(signal -> downstream.bulkhead().onComplete())
                .onErrorResume(error -> {
                    downstream.breaker().onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, error);
                    return Mono.just(failure(request, route, error));
                });
    }

    /**
     * One call to the downstream, tried again up to {@code retriesLeft} times (idempotent requests only) when it could
     * not be reached, hung up without an answer, or answered 502/503/504. A discarded answer's body is released.
     */
    private Mono<MutableHttpResponse<?>> attempt(HttpRequest<?> request, Downstreams.Downstream downstream,
                                                 Supplier<MutableHttpRequest<?>> copy, CloseableByteBody body,
                                                 RouteDefinition route, int retriesLeft) {
        MutableHttpRequest<?> sent = copy.get();
        Mono<HttpResponse<?>> call = Mono.from(downstream.client().exchange(sent, body, null));
        if (retriesLeft == 0) {
            return call.map(answer -> relayed(request, answer));
        }
        return call
                .<Object>map(answer -> {
                    if (!RETRY_STATUSES.contains(answer.code())) {
                        return relayed(request, answer);
                    }
                    // Not passed on: its body (and the downstream connection it holds) is given back now.
                    discard(answer);
                    return new Retry("HTTP " + answer.code());
                })
                .onErrorResume(ForwardingFilter::retryable, error -> Mono.just(new Retry(error.toString())))
                .flatMap(outcome -> {
                    if (outcome instanceof MutableHttpResponse<?> response) {
                        return Mono.just(response);
                    }
                    String reason = ((Retry) outcome).reason();
                    RequestIds.logging(request, () -> LOG.info("Route {}: {} {} failed ({}); trying again", route.getName(),
                            sent.getMethod(), sent.getPath(), reason));
                    return Mono.delay(RETRY_BACKOFF).then(Mono.defer(() -> attempt(request, downstream, copy, null, route, retriesLeft - 1)));
                });
    }

    private record Retry(String reason) {
    }

    /**
     * The downstream's answer as the gateway's own: its status, headers and body bytes. An answer that had fully
     * arrived with its headers (most API answers) is written as it is, nothing decoded or encoded again. A longer one
     * streams on piece by piece as it arrives, with the caller's back-pressure and its length kept (a download's
     * Content-Length); it is handed over to the caller's connection through a publisher, as passing the client's
     * streaming body to the server directly stalls in this Micronaut version.
     */
    private static MutableHttpResponse<?> relayed(HttpRequest<?> request, HttpResponse<?> answer) {
        MutableHttpResponse<Object> response = HttpResponse.status(answer.code(), answer.reason());
        MutableHttpHeaders headers = response.getHeaders();
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (answer instanceof ByteBodyHttpResponse<?> bytes) {
            ByteBody body = bytes.byteBody();
            if (body.expectedLength().orElse(-1) == 0) {
                // No body (204, 304, an empty 201 or redirect): none is set, so the server adds no Content-Type.
                bytes.close();
            } else if (body instanceof AvailableByteBody || !(request instanceof ServerHttpRequest<?> received)) {
                response.body(body.move());
            } else {
                response.body(received.byteBodyFactory().adapt(body.toReadBufferPublisher(), body.expectedLength()));
            }
        }
        return response;
    }

    /**
     * The headers a forwarded request carries: the request id, the caller's address appended to the X-Forwarded-For
     * chain, and the prefix the caller used. Worked out once from the received request, then set (never added) on each
     * try, so a downstream gets one X-Forwarded-For with the caller in it once, however often the request is sent.
     */
    private record Forwarding(String requestId, String forwardedFor, String prefix) {

        static Forwarding of(HttpRequest<?> request, Routes.Match match) {
            String client = request.getRemoteAddress().getAddress().getHostAddress();
            String chainSoFar = request.getHeaders().get("X-Forwarded-For");
            return new Forwarding(RequestIds.of(request), chainSoFar == null ? client : chainSoFar + ", " + client,
                    match.prefix());
        }

        MutableHttpRequest<?> applyTo(MutableHttpRequest<?> forwarded) {
            MutableHttpHeaders headers = forwarded.getHeaders();
            if (requestId != null) {
                headers.set(RequestIds.HEADER, requestId);
            }
            headers.set("X-Forwarded-For", forwardedFor);
            headers.set("X-Forwarded-Prefix", prefix);
            // The client names the downstream's host itself; the caller's Host named the gateway.
            headers.remove(HttpHeaders.HOST);
            return forwarded;
        }
    }

    private static boolean bodiless(HttpRequest<?> request) {
        return request.getContentLength() <= 0 && !request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * Headers that describe one connection, not the request (RFC 9110 7.6.1): the gateway's connection to the
     * downstream has its own.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-authenticate");

    /** A new request with the received one's method and end-to-end headers, addressed to the downstream. */
    private static MutableHttpRequest<?> copyHeaders(HttpRequest<?> request, URI uri) {
        MutableHttpRequest<?> copy = HttpRequest.create(request.getMethod(), "/").uri(uri);
        MutableHttpHeaders headers = copy.getHeaders();
        request.getHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        return copy;
    }

    /** Failures where the downstream surely or most likely did not act on the request. */
    private static boolean retryable(Throwable error) {
        return causedBy(error, ConnectException.class) || causedBy(error, ResponseClosedException.class)
                || causedBy(error, ClosedChannelException.class) || causedBy(error, PrematureChannelClosureException.class);
    }

    private static void discard(HttpResponse<?> answer) {
        if (answer instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Could not release a discarded downstream answer", e);
            }
        }
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
            RequestIds.logging(request, () -> LOG.warn("Route {} timed out after {} for {} {}", route.getName(),
                    route.getTimeout(), request.getMethod(), request.getPath()));
            return problem(request, 504, "downstream-timeout", "后台服务响应超时，请稍后再试。");
        }
        if (causedBy(error, ConnectException.class)) {
            RequestIds.logging(request, () -> LOG.warn("Route {} unreachable at {}: {}", route.getName(), route.getTarget(),
                    error.getMessage()));
            return problem(request, 503, "downstream-unavailable", "服务暂时不可用，请稍后再试。");
        }
        RequestIds.logging(request, () -> LOG.error("Route {} failed for {} {}", route.getName(), request.getMethod(),
                request.getPath(), error));
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
