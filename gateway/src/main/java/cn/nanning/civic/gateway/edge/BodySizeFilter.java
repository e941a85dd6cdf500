package cn.nanning.civic.gateway.edge;

import cn.nanning.civic.common.problem.Problem;
import cn.nanning.civic.common.problem.ProblemTitles;
import cn.nanning.civic.common.requestid.RequestIds;
import cn.nanning.civic.gateway.routing.RouteDefinition;
import cn.nanning.civic.gateway.routing.Routes;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Refuses bodies larger than the route allows ({@code gateway.routes.<name>.max-body-size}) or, for the gateway's own
 * endpoints, {@code gateway.max-body-size}, from the declared Content-Length before anything is read or forwarded.
 * Bodies sent without a length are capped by {@code micronaut.server.max-request-size}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class BodySizeFilter implements Ordered {

    private final Routes routes;
    private final long localLimit;

    BodySizeFilter(Routes routes, @Value("${gateway.max-body-size:64KB}") @ReadableBytes long localLimit) {
        this.routes = routes;
        this.localLimit = localLimit;
    }

    /** Nothing (the request goes on) or the refusal. */
    @RequestFilter
    @Nullable
    HttpResponse<?> refuseOversized(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= 0) {
            return null;
        }
        long limit = routes.forwardedRoute(request).map(RouteDefinition::getMaxBodySize).orElse(localLimit);
        if (length <= limit) {
            return null;
        }
        Problem body = new Problem(Problem.TYPE_BASE + "payload-too-large", ProblemTitles.forStatus(413), 413,
                "提交的内容过大（上限 " + human(limit) + "），请精简后再试。", request.getPath(), RequestIds.of(request), null);
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(body)
                .contentType(Problem.MEDIA_TYPE);
        // The unread body would otherwise be waited for; the client is told the connection ends here.
        response.header("Connection", "close");
        return response;
    }

    private static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return (bytes / 1024) + " KB";
    }

    @Override
    public int getOrder() {
        // Before authentication: an oversized body is refused without any further work.
        return ServerFilterPhase.SECURITY.before();
    }
}
