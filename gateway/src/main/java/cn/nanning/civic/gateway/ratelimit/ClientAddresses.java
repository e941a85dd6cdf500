package cn.nanning.civic.gateway.ratelimit;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address of the client that sent a request. Behind an ingress or load balancer the socket address is the
 * proxy's, so with {@code gateway.trusted-proxies} = n the n-th address from the right of X-Forwarded-For is used
 * (the one our own proxy saw). Entries further left are written by the client and could be forged, so they are
 * never trusted. With 0 (the default) the header is ignored.
 */
@Singleton
public class ClientAddresses {

    private final int trustedProxies;

    ClientAddresses(@Value("${gateway.trusted-proxies:0}") int trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public String of(HttpRequest<?> request) {
        String socket = request.getRemoteAddress().getAddress().getHostAddress();
        if (trustedProxies <= 0) {
            return socket;
        }
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return socket;
        }
        String[] hops = forwarded.split(",");
        int index = hops.length - trustedProxies;
        String candidate = hops[Math.max(index, 0)].strip();
        return candidate.isEmpty() || candidate.length() > 45 ? socket : candidate;
    }
}
