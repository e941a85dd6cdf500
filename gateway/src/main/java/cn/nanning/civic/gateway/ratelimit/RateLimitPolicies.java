package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.routing.RouteDefinition;
import cn.nanning.civic.gateway.routing.Routes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which policy limits a request: the forwarded route's {@code rate-limit} (or the policy named {@code default}), and
 * for the gateway's own endpoints the policy with the longest matching {@code path-prefix}.
 */
@Singleton
class RateLimitPolicies {

    static final String DEFAULT = "default";

    private final Routes routes;
    private final Map<String, RateLimitPolicy> byName;
    private final List<Map.Entry<String, RateLimitPolicy>> byPrefix;

    RateLimitPolicies(Routes routes, List<RateLimitPolicy> policies) {
        this.routes = routes;
        this.byName = policies.stream().collect(Collectors.toUnmodifiableMap(RateLimitPolicy::getName, Function.identity()));
        for (RouteDefinition route : routes.all()) {
            if (route.getRateLimit() != null && !byName.containsKey(route.getRateLimit())) {
                throw new IllegalStateException("gateway.routes." + route.getName() + ".rate-limit names policy '"
                        + route.getRateLimit() + "', which gateway.rate-limits does not define");
            }
        }
        for (RateLimitPolicy policy : policies) {
            if (policy.getReadPolicy() != null && !byName.containsKey(policy.getReadPolicy())) {
                throw new IllegalStateException("gateway.rate-limits." + policy.getName() + ".read-policy names policy '"
                        + policy.getReadPolicy() + "', which gateway.rate-limits does not define");
            }
        }
        List<Map.Entry<String, RateLimitPolicy>> prefixes = new ArrayList<>();
        for (RateLimitPolicy policy : policies) {
            for (String prefix : policy.getPathPrefix()) {
                String normalized = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
                prefixes.add(new SimpleEntry<>(normalized, policy));
            }
        }
        prefixes.sort(Comparator.comparingInt((Map.Entry<String, RateLimitPolicy> e) -> e.getKey().length()).reversed());
        this.byPrefix = List.copyOf(prefixes);
    }

    Optional<RateLimitPolicy> of(HttpRequest<?> request) {
        Optional<RouteDefinition> route = routes.forwardedRoute(request);
        if (route.isPresent()) {
            String name = route.get().getRateLimit();
            RateLimitPolicy policy = byName.get(name == null ? DEFAULT : name);
            boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
            if (policy != null && read && policy.getReadPolicy() != null) {
                return Optional.of(byName.get(policy.getReadPolicy()));
            }
            return Optional.ofNullable(policy);
        }
        String path = request.getPath();
        for (Map.Entry<String, RateLimitPolicy> entry : byPrefix) {
            String prefix = entry.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
