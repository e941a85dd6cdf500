package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.redis.Redis;
import cn.nanning.civic.gateway.redis.RedisUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
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

    /** Below this capacity a policy is strict and every request asks Redis (sign-in, phone binding, bookings). */
    static final long SYNCED_READS_FROM_CAPACITY = 100;
    /** How long a read bucket may run on its local share before it settles with Redis. */
    private static final Duration READ_SYNC_INTERVAL = Duration.ofMillis(500);

    private final Redis redis;
    /** Read buckets that settle with Redis in batches, per policy and subject; the least recently used are dropped. */
    private final Map<String, BucketProxy> readBuckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BucketProxy> eldest) {
            return size() > MAX_LOCAL_BUCKETS;
        }
    };
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

    /**
     * Takes one token for a read on a generous policy (not fail-closed, capacity of at least
     * {@value #SYNCED_READS_FROM_CAPACITY}): the same Redis bucket as {@link #shared}, but this instance settles with
     * Redis at most every {@link #READ_SYNC_INTERVAL} or every 2% of the capacity (Bucket4j's delaying optimisation)
     * instead of two round trips per request. An instance can so overdraw a bucket by at most that share per
     * interval. Strict policies and writes always ask Redis.
     */
    Decision sharedRead(RateLimitPolicy policy, String subject) {
        if (policy.isFailClosed() || policy.getCapacity() < SYNCED_READS_FROM_CAPACITY) {
            return shared(policy, subject);
        }
        String name = KEY_PREFIX + policy.getName() + ":" + policy.shape() + ":" + subject;
        BucketProxy bucket;
        synchronized (readBuckets) {
            bucket = readBuckets.computeIfAbsent(name, k -> {
                BucketConfiguration configuration = BucketConfiguration.builder()
                        .addLimit(bandwidth(policy.getCapacity(), policy.getPeriod()))
                        .build();
                long share = Math.max(1, Math.min(1_000, policy.getCapacity() / 50));
                return buckets.builder()
                        .withOptimization(Optimizations.delaying(new DelayParameters(share, READ_SYNC_INTERVAL)))
                        .build(k.getBytes(StandardCharsets.UTF_8), () -> configuration);
            });
        }
        try {
            ConsumptionProbe probe = redis.guarded(() -> bucket.tryConsumeAndReturnRemaining(1));
            return decision(policy.getCapacity(), probe, false);
        } catch (RedisUnavailableException e) {
            synchronized (readBuckets) {
                // Start afresh from Redis once it is back rather than from a half-synchronised local state.
                readBuckets.remove(name);
            }
            throw e;
        }
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
