package cn.nanning.civic.gateway.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Access to forwarded paths, decided from the route's configuration. A refusal without a valid token becomes 401,
 * with one but without an allowed role 403 (the security filter renders both as problem+json).
 * Downstream services check the forwarded token again.
 */
@Singleton
class RouteAccessRule implements SecurityRule<HttpRequest<?>> {

    private final Routes routes;

    RouteAccessRule(Routes routes) {
        this.routes = routes;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        Optional<Routes.Match> match = request == null ? Optional.empty() : routes.forward(request);
        if (match.isEmpty()) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        RouteDefinition route = match.get().route();
        if (route.isPublic()) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        if (authentication == null) {
            return Mono.just(SecurityRuleResult.REJECTED);
        }
        if (route.getRolesAllowed().isEmpty()
                || authentication.getRoles().stream().anyMatch(route.getRolesAllowed()::contains)) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        return Mono.just(SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        // Before the annotation and URL-map rules, which know nothing about forwarded paths.
        return SecuredAnnotationRule.ORDER - 200;
    }
}
