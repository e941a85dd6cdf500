package cn.nanning.civic.gateway.edge;

import cn.nanning.civic.gateway.routing.Routes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.cors.CorsOriginConfiguration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers CORS preflights for forwarded paths. Micronaut's CORS filter asks its router which methods a path has, and
 * forwarded paths have no local route, so it would refuse them all. This filter applies the same
 * {@code micronaut.server.cors} configuration; actual requests are still decorated by Micronaut's filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ForwardedPreflightFilter implements Ordered {

    private final Routes routes;
    private final HttpServerConfiguration.CorsConfiguration cors;

    ForwardedPreflightFilter(Routes routes, HttpServerConfiguration.CorsConfiguration cors) {
        this.routes = routes;
        this.cors = cors;
    }

    /** Runs before routing, like Micronaut's own preflight handling, which would otherwise answer first. */
    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String wanted = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (!cors.isEnabled() || request.getMethod() != HttpMethod.OPTIONS || origin == null || wanted == null
                || routes.forwardedRoute(request).isEmpty()) {
            return null;
        }
        HttpMethod method = HttpMethod.parse(wanted.strip());
        List<String> headers = requestedHeaders(request);
        Optional<CorsOriginConfiguration> allowing = cors.getConfigurations().values().stream()
                .filter(c -> originAllowed(c, origin) && methodAllowed(c, method) && headersAllowed(c, headers))
                .findFirst();
        if (allowing.isEmpty()) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        CorsOriginConfiguration c = allowing.get();
        MutableHttpResponse<?> response = HttpResponse.ok();
        response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.header(HttpHeaders.VARY, "Origin");
        response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, method.name());
        if (!headers.isEmpty()) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", headers));
        }
        if (c.isAllowCredentials()) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (c.getMaxAge() != null && c.getMaxAge() >= 0) {
            response.header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, c.getMaxAge().toString());
        }
        return response;
    }

    private static List<String> requestedHeaders(HttpRequest<?> request) {
        String value = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(h -> !h.isEmpty()).collect(Collectors.toList());
    }

    private static boolean originAllowed(CorsOriginConfiguration c, String origin) {
        if (c.getAllowedOriginsRegex().map(origin::matches).orElse(false)) {
            return true;
        }
        return c.getAllowedOrigins().equals(CorsOriginConfiguration.ANY) || c.getAllowedOrigins().contains(origin);
    }

    private static boolean methodAllowed(CorsOriginConfiguration c, HttpMethod method) {
        return c.getAllowedMethods().equals(CorsOriginConfiguration.ANY_METHOD) || c.getAllowedMethods().contains(method);
    }

    private static boolean headersAllowed(CorsOriginConfiguration c, List<String> headers) {
        if (c.getAllowedHeaders().equals(CorsOriginConfiguration.ANY)) {
            return true;
        }
        List<String> allowed = c.getAllowedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        return headers.stream().allMatch(h -> allowed.contains(h.toLowerCase(Locale.ROOT)));
    }

    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }
}
