package cn.nanning.civic.gateway.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * The Redis shared by all gateway instances (rate limits, sign-in lockout). Timeouts are short on purpose:
 * a request must not wait long for Redis to decide that Redis is gone.
 */
@ConfigurationProperties("civic.redis")
record RedisSettings(URI url,
                     @Bindable(defaultValue = "300ms") Duration timeout,
                     @Bindable(defaultValue = "32") int poolSize) {
}
