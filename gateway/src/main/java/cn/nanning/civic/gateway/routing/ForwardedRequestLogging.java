package cn.nanning.civic.gateway.routing;

import cn.nanning.civic.common.requestid.LoggingContextPolicy;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Forwarded requests do not carry their request id in the logging context: copying the context on each asynchronous
 * step was 7% of the gateway's CPU per forwarded request, and the few lines written for them (access log, refusals,
 * downstream failures) name the id themselves ({@code RequestIds.logging}). The gateway's own endpoints (sign-in,
 * tokens, audit search) log from deeper code and keep it.
 */
@Singleton
class ForwardedRequestLogging implements LoggingContextPolicy {

    private final Routes routes;

    ForwardedRequestLogging(Routes routes) {
        this.routes = routes;
    }

    @Override
    public boolean carriesRequestId(HttpRequest<?> request) {
        return routes.forward(request).isEmpty();
    }
}
