package cn.nanning.civic.gateway.redis;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The gateway's one Redis client, behind a circuit breaker: once Redis has failed a few times in a row, calls fail at
 * once for a few seconds instead of each request waiting for a connection that will not come.
 */
@Singleton
@Bean(preDestroy = "close")
public class Redis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);

    private final UnifiedJedis client;
    private final CircuitBreaker breaker;

    Redis(RedisSettings settings) {
        URI url = settings.url();
        int timeout = (int) settings.timeout().toMillis();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout)
                .database(JedisURIHelper.getDBIndex(url))
                .clientName("civic-gateway");
        if (JedisURIHelper.getPassword(url) != null) {
            config.user(JedisURIHelper.getUser(url)).password(JedisURIHelper.getPassword(url));
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(settings.timeout());
        this.client = RedisClient.builder()
                .hostAndPort(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort())
                .clientConfig(config.ssl("rediss".equals(url.getScheme())).build())
                .poolConfig(pool)
                .build();
        this.breaker = CircuitBreaker.of("redis", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(Redis::isRedisFailure)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                LOG.warn("Redis circuit {}", event.getStateTransition()));
    }

    /** Runs a command; any Redis failure becomes {@link RedisUnavailableException}. */
    public <T> T call(Function<UnifiedJedis, T> command) {
        return guarded(() -> command.apply(client));
    }

    /** Runs work that talks to Redis through {@link #client()} (such as a Bucket4j proxy) under the same breaker. */
    public <T> T guarded(Supplier<T> work) {
        try {
            return breaker.executeSupplier(work);
        } catch (CallNotPermittedException e) {
            throw new RedisUnavailableException("Redis circuit is open", e);
        } catch (RuntimeException e) {
            if (isRedisFailure(e)) {
                throw new RedisUnavailableException("Redis failed: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Libraries such as Bucket4j may wrap Jedis' exception in their own. */
    private static boolean isRedisFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JedisException) {
                return true;
            }
        }
        return false;
    }

    /** The raw client, for libraries that need one; wrap their calls in {@link #guarded(Supplier)}. */
    public UnifiedJedis client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
