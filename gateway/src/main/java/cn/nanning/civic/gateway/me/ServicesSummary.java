package cn.nanning.civic.gateway.me;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.LoadBalancer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Asks services for the citizen's half of "who am I" ({@code GET /api/v1/me/summary}: home village, volunteer
 * standing, open items), as the citizen (their own bearer token), within a short time limit.
 */
@Singleton
class ServicesSummary {

    private static final Logger LOG = LoggerFactory.getLogger(ServicesSummary.class);

    private final HttpClient client;

    ServicesSummary(BeanContext beans, @Value("${gateway.routes.services.target}") String servicesUrl,
                    @Value("${civic.me.services-timeout:3s}") Duration timeout) throws MalformedURLException {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(timeout);
        configuration.setConnectTimeout(timeout);
        this.client = beans.createBean(HttpClient.class, LoadBalancer.fixed(URI.create(servicesUrl).toURL()), configuration);
    }

    /** The summary, or empty when services cannot answer now (the caller serves what the gateway knows). */
    Optional<Map<String, Object>> of(HttpRequest<?> original) {
        MutableHttpRequest<?> request = HttpRequest.GET("/api/v1/me/summary");
        original.getHeaders().findFirst(HttpHeaders.AUTHORIZATION).ifPresent(a -> request.header(HttpHeaders.AUTHORIZATION, a));
        request.header(RequestIds.HEADER, RequestIds.of(original));
        try {
            return Optional.of(client.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class)));
        } catch (RuntimeException e) {
            RequestIds.logging(original, () -> LOG.warn("Services could not give the citizen summary: {}", e.toString()));
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
