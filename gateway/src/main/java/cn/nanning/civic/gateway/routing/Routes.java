package cn.nanning.civic.gateway.routing;

import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the configured route for a request path: the longest matching prefix wins, on segment boundaries. */
@Singleton
public class Routes {

    record Match(RouteDefinition route, String prefix) {

        /** The path to ask the downstream for. */
        String downstreamPath(String path) {
            if (!route.isStripPrefix()) {
                return path;
            }
            String rest = path.substring(prefix.length());
            return rest.isEmpty() ? "/" : rest;
        }
    }

    private static final String MATCH_ATTRIBUTE = "civic.gateway.route";
    private static final Object NOT_FORWARDED = new Object();

    private final List<Match> byPrefix;
    private final List<RouteDefinition> routes;

    Routes(List<RouteDefinition> routes) {
        this.routes = List.copyOf(routes);
        List<Match> prefixes = new ArrayList<>();
        for (RouteDefinition route : routes) {
            if (route.getTarget() == null) {
                throw new IllegalStateException("gateway.routes." + route.getName() + ".target is missing");
            }
            for (String prefix : route.getPathPrefix()) {
                String normalized = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
                prefixes.add(new Match(route, normalized));
            }
        }
        // Longest prefix first; of equally long ones, a route limited to some methods before one taking all.
        prefixes.sort(Comparator.comparingInt((Match m) -> m.prefix().length()).reversed()
                .thenComparing(m -> m.route().getMethods().isEmpty()));
        this.byPrefix = List.copyOf(prefixes);
    }

    /**
     * The route a request is forwarded along; requests the gateway serves itself (auth, health...) have none.
     * Several filters ask for every request, so the answer is kept on the request.
     */
    Optional<Match> forward(HttpRequest<?> request) {
        Object known = request.getAttribute(MATCH_ATTRIBUTE).orElse(null);
        if (known instanceof Match match) {
            return Optional.of(match);
        }
        if (known == NOT_FORWARDED) {
            return Optional.empty();
        }
        Optional<Match> found = servedLocally(request) ? Optional.empty() : match(request.getMethodName(), request.getPath());
        request.setAttribute(MATCH_ATTRIBUTE, found.isPresent() ? found.get() : NOT_FORWARDED);
        return found;
    }

    /** The configured route a request is forwarded along, if any. */
    public Optional<RouteDefinition> forwardedRoute(HttpRequest<?> request) {
        return forward(request).map(Match::route);
    }

    Optional<Match> match(String method, String path) {
        for (Match match : byPrefix) {
            if (!match.route().takes(method)) {
                continue;
            }
            String prefix = match.prefix();
            if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    public Optional<RouteDefinition> named(String name) {
        return routes.stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    public List<RouteDefinition> all() {
        return routes;
    }

    private static boolean servedLocally(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).filter(m -> m instanceof UriRouteMatch<?, ?>).isPresent();
    }
}
