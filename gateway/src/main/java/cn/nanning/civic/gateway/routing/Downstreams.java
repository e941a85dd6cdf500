package cn.nanning.civic.gateway.routing;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.context.BeanContext;
import io.micronaut.http.client.LoadBalancer;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client, one circuit breaker and one bulkhead per route, so a slow or failing downstream affects only its
 * own routes.
 */
@Singleton
class Downstreams {

    record Downstream(RawHttpClient client, CircuitBreaker breaker, Bulkhead bulkhead) {
    }

    private final BeanContext beans;
    private final Map<String, Downstream> byRoute = new ConcurrentHashMap<>();

    /** How long an open circuit refuses before letting a few requests through again (also the answer's Retry-After). */
    static final Duration OPEN_FOR = Duration.ofSeconds(10);

    Downstreams(BeanContext beans) {
        this.beans = beans;
    }

    Downstream of(RouteDefinition route) {
        return byRoute.computeIfAbsent(route.getName(), name -> create(route));
    }

    private Downstream create(RouteDefinition route) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        // Time allowed until the downstream's response starts; the body then streams without this limit.
        configuration.setReadTimeout(route.getTimeout());
        configuration.setConnectTimeout(route.getTimeout().compareTo(Duration.ofSeconds(3)) < 0 ? route.getTimeout() : Duration.ofSeconds(3));
        // Redirects belong to the caller (the browser or mini-program), not to the gateway.
        configuration.setFollowRedirects(false);
        RawHttpClient client;
        try {
            client = beans.createBean(RawHttpClient.class, LoadBalancer.fixed(route.getTarget().toURL()), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("gateway.routes." + route.getName() + ".target is not a URL", e);
        }
        CircuitBreaker breaker = CircuitBreaker.of("route-" + route.getName(), CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(3)
                .build());
        // No waiting for a free place: a full bulkhead answers 503 at once instead of queueing behind a hung downstream.
        Bulkhead bulkhead = Bulkhead.of("route-" + route.getName(), BulkheadConfig.custom()
                .maxConcurrentCalls(route.getMaxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build());
        return new Downstream(client, breaker, bulkhead);
    }
}
