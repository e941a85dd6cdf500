package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.redis.Redis;
import cn.nanning.civic.gateway.redis.RedisUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per policy and subject. The shared buckets live in Redis (Bucket4j compare-and-swap over Jedis), so
 * every gateway instance draws from the same bucket; the local ones exist only while Redis is unreachable.
 */
@Singleton
class RateLimiter {

    /** The outcome of one request against its bucket. */
    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds, boolean local) {
    }

    private static final String KEY_PREFIX = "civic:gateway:rate-limit:";
    /** Local buckets are a stop-gap; the oldest are dropped so a flood of addresses cannot fill the heap. */
    private static final int MAX_LOCAL_BUCKETS = 10_000;

    private final Redis redis;
    private final ProxyManager<byte[]> buckets;
    private final Map<String, Bucket> localBuckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_LOCAL_BUCKETS;
        }
    };

    RateLimiter(Redis redis) {
        this.redis = redis;
        this.buckets = Bucket4jJedis.casBasedBuilder(redis.client())
                // A full bucket holds no information: Redis forgets it shortly after it has refilled.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /** Takes one token from the shared bucket; throws {@link RedisUnavailableException} when Redis cannot answer. */
    Decision shared(RateLimitPolicy policy, String subject) {
        byte[] key = (KEY_PREFIX + policy.getName() + ":" + policy.shape() + ":" + subject).getBytes(StandardCharsets.UTF_8);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth(policy.getCapacity(), policy.getPeriod()))
                .build();
        ConsumptionProbe probe = redis.guarded(() -> buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1));
        return decision(policy.getCapacity(), probe, false);
    }

    /** Takes one token from this instance's own bucket, used for reads while Redis is down. */
    Decision local(RateLimitPolicy policy, String subject) {
        long capacity = policy.getLocalCapacity();
        Bucket bucket;
        synchronized (localBuckets) {
            bucket = localBuckets.computeIfAbsent(policy.getName() + ":" + subject,
                    k -> Bucket.builder().addLimit(bandwidth(capacity, policy.getPeriod())).build());
        }
        return decision(capacity, bucket.tryConsumeAndReturnRemaining(1), true);
    }

    private static Bandwidth bandwidth(long capacity, Duration period) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }

    private static Decision decision(long limit, ConsumptionProbe probe, boolean local) {
        long wait = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), wait, local);
    }
}
