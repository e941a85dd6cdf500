package cn.nanning.civic.gateway.routing;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One downstream, configured under {@code gateway.routes.<name>}: which path prefixes go there, whether the
 * prefix is stripped, how long to wait, which rate limit applies, and who may pass (empty roles and not authenticated = public).
 */
@EachProperty("gateway.routes")
public class RouteDefinition {

    private final String name;
    private List<String> pathPrefix = List.of();
    private URI target;
    private boolean stripPrefix;
    private Duration timeout = Duration.ofSeconds(10);
    private List<String> methods = List.of();
    private List<String> rolesAllowed = List.of();
    private boolean authenticated;
    private String openapiPath;
    private String rateLimit;
    private long maxBodySize = 1024 * 1024;
    private int maxConcurrent = 200;
    private int retries = 1;

    public RouteDefinition(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<String> getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(List<String> pathPrefix) {
        this.pathPrefix = pathPrefix == null ? List.of() : List.copyOf(pathPrefix);
    }

    /**
     * The HTTP methods this route takes (upper case, e.g. GET and HEAD for a public read of a path whose writes go along
     * another route with the same prefix); empty: every method. Between routes of equally long prefixes, one that names
     * the request's method wins.
     */
    public List<String> getMethods() {
        return methods;
    }

    public void setMethods(List<String> methods) {
        this.methods = methods == null ? List.of()
                : methods.stream().map(m -> m.strip().toUpperCase(java.util.Locale.ROOT)).filter(m -> !m.isEmpty()).toList();
    }

    /** Whether the route takes requests of this method. */
    boolean takes(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    public URI getTarget() {
        return target;
    }

    public void setTarget(URI target) {
        this.target = target;
    }

    public boolean isStripPrefix() {
        return stripPrefix;
    }

    public void setStripPrefix(boolean stripPrefix) {
        this.stripPrefix = stripPrefix;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public List<String> getRolesAllowed() {
        return rolesAllowed;
    }

    public void setRolesAllowed(List<String> rolesAllowed) {
        this.rolesAllowed = rolesAllowed == null ? List.of() : List.copyOf(rolesAllowed);
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** Where the downstream serves its OpenAPI document, aggregated at {@code /openapi/<name>.yml}. */
    @Nullable
    public String getOpenapiPath() {
        return openapiPath;
    }

    public void setOpenapiPath(@Nullable String openapiPath) {
        this.openapiPath = openapiPath;
    }

    /** The {@code gateway.rate-limits} policy for this route; none means the policy named {@code default}, if any. */
    @Nullable
    public String getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(@Nullable String rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** The largest request body this route accepts, by its declared length (default 1 MB). */
    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(@ReadableBytes long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /**
     * Bulkhead: how many requests may be in flight to this route's downstream at once (until its response starts).
     * Past that the gateway answers 503 at once, so a downstream that hangs ties up only its own share.
     */
    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("gateway.routes." + name + ".max-concurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * How many times a GET, HEAD or OPTIONS request is tried again after the downstream could not be reached, closed
     * the connection without an answer, or answered 502/503/504 (default 1). Other methods are never retried: the
     * downstream may have acted on them.
     */
    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("gateway.routes." + name + ".retries must not be negative");
        }
        this.retries = retries;
    }

    /** Anyone may call it: neither a token nor a role is required. */
    boolean isPublic() {
        return !authenticated && rolesAllowed.isEmpty();
    }
}
