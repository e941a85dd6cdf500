package cn.nanning.civic.gateway.ratelimit;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * A rate limit, configured under {@code gateway.rate-limits.<name>}: at most {@code capacity} requests per
 * {@code period} per subject (account id, or client IP when anonymous), counted in Redis across all gateway instances.
 * Routes name their policy ({@code gateway.routes.<route>.rate-limit}); the gateway's own endpoints are matched by
 * {@code path-prefix}. With {@code fail-closed} the policy refuses every request while Redis is down; otherwise only
 * writes are refused and reads fall back to a per-instance limit of {@code local-capacity} (default: capacity).
 */
@EachProperty("gateway.rate-limits")
class RateLimitPolicy {

    private final String name;
    private long capacity = 60;
    private Duration period = Duration.ofMinutes(1);
    private List<String> pathPrefix = List.of();
    private boolean failClosed;
    private Long localCapacity;
    private String readPolicy;

    RateLimitPolicy(@Parameter String name) {
        this.name = name;
    }

    String getName() {
        return name;
    }

    public long getCapacity() {
        return capacity;
    }

    public void setCapacity(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("gateway.rate-limits." + name + ".capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public Duration getPeriod() {
        return period;
    }

    public void setPeriod(Duration period) {
        this.period = period;
    }

    public List<String> getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(@Nullable List<String> pathPrefix) {
        this.pathPrefix = pathPrefix == null ? List.of() : List.copyOf(pathPrefix);
    }

    public boolean isFailClosed() {
        return failClosed;
    }

    public void setFailClosed(boolean failClosed) {
        this.failClosed = failClosed;
    }

    public long getLocalCapacity() {
        return localCapacity == null ? capacity : localCapacity;
    }

    public void setLocalCapacity(@Nullable Long localCapacity) {
        this.localCapacity = localCapacity;
    }

    /**
     * The policy that limits reads (GET, HEAD) on routes naming this one, when writes there need a stricter budget
     * than reading does (a booking route: ten bookings a minute, but a provider reads agendas and clients all day).
     */
    @Nullable
    public String getReadPolicy() {
        return readPolicy;
    }

    public void setReadPolicy(@Nullable String readPolicy) {
        this.readPolicy = readPolicy == null || readPolicy.isBlank() ? null : readPolicy;
    }

    /**
     * The ceiling for all devices behind one address (a carrier NAT): this policy's budget times {@code factor}, under
     * a name of its own so its buckets never mix with the per-device ones.
     */
    RateLimitPolicy behindOneAddress(int factor) {
        RateLimitPolicy ceiling = new RateLimitPolicy(name + "-address");
        ceiling.capacity = capacity * factor;
        ceiling.period = period;
        ceiling.failClosed = failClosed;
        ceiling.localCapacity = getLocalCapacity() * factor;
        return ceiling;
    }

    /** Part of every bucket key, so a changed limit starts with fresh buckets instead of inheriting old counts. */
    String shape() {
        return capacity + "per" + period.toMillis() + "ms";
    }
}
