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
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets per policy and subject. The shared buckets live in Redis (Bucket4j compare-and-swap over Jedis), so
 * every gateway instance draws from the same bucket; reads on generous policies are served from tokens leased from
 * it in batches. The local buckets exist only while Redis is unreachable.
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
    static final long LEASED_READS_FROM_CAPACITY = 100;

    private final Redis redis;
    /**
     * Tokens this instance has taken from shared buckets ahead of use, per policy and subject, to hand out without a
     * round trip to Redis; the least recently used are dropped (their tokens are lost, never handed out twice).
     */
    private final Map<String, Lease> leases = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Lease> eldest) {
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

    /** Tokens already taken from a shared bucket; {@code remainingInRedis} is what the bucket held after the taking. */
    private static final class Lease {
        long tokens;
        long remainingInRedis;

        Lease(long tokens, long remainingInRedis) {
            this.tokens = tokens;
            this.remainingInRedis = remainingInRedis;
        }
    }

    RateLimiter(Redis redis) {
        this.redis = redis;
        this.buckets = Bucket4jJedis.casBasedBuilder(redis.client())
                // A full bucket holds no information: Redis forgets it shortly after it has refilled.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /** Takes one token from the shared bucket; throws {@link RedisUnavailableException} when Redis cannot answer. */
    Decision shared(RateLimitPolicy policy, String subject) {
        ConsumptionProbe probe = redis.guarded(() -> bucket(policy, key(policy, subject)).tryConsumeAndReturnRemaining(1));
        return decision(policy.getCapacity(), probe, false);
    }

    /**
     * Whether reads on this policy are served from leases: generous policies only (capacity of at least
     * {@value #LEASED_READS_FROM_CAPACITY}, not fail-closed). Strict policies and writes always ask Redis.
     */
    static boolean leasesReads(RateLimitPolicy policy) {
        return !policy.isFailClosed() && policy.getCapacity() >= LEASED_READS_FROM_CAPACITY;
    }

    /**
     * A token for a read from this instance's lease on the subject's bucket, without waiting for anything (no Redis):
     * empty when the policy does not lease or the lease is used up, and {@link #sharedRead} must be asked.
     */
    Optional<Decision> leasedRead(RateLimitPolicy policy, String subject) {
        if (!leasesReads(policy)) {
            return Optional.empty();
        }
        synchronized (leases) {
            Lease lease = leases.get(key(policy, subject));
            if (lease == null || lease.tokens == 0) {
                return Optional.empty();
            }
            lease.tokens--;
            return Optional.of(new Decision(true, policy.getCapacity(), lease.remainingInRedis + lease.tokens, 0, false));
        }
    }

    /**
     * Takes a token for a read. On a generous policy it takes a lease of 2% of the capacity (at most 1,000 tokens) from
     * the shared bucket in the same round trip, which {@link #leasedRead} then hands out without asking Redis.
     * Leased tokens are gone from the shared bucket, so all instances together never let more through than the
     * bucket holds; after a pause a subject can burst above the capacity by at most one lease per instance. With less than a lease
     * left in the bucket, reads take one token at a time.
     */
    Decision sharedRead(RateLimitPolicy policy, String subject) {
        if (!leasesReads(policy)) {
            return shared(policy, subject);
        }
        long size = Math.max(1, Math.min(1_000, policy.getCapacity() / 50));
        String key = key(policy, subject);
        ConsumptionProbe probe = redis.guarded(() -> bucket(policy, key).tryConsumeAndReturnRemaining(size));
        if (!probe.isConsumed()) {
            return shared(policy, subject);
        }
        long leased = size - 1;
        synchronized (leases) {
            // Two requests may have taken a lease at once: the tokens of both are kept.
            leases.merge(key, new Lease(leased, probe.getRemainingTokens()), (held, fresh) -> {
                held.tokens += fresh.tokens;
                held.remainingInRedis = fresh.remainingInRedis;
                return held;
            });
        }
        return new Decision(true, policy.getCapacity(), probe.getRemainingTokens() + leased, 0, false);
    }

    private BucketProxy bucket(RateLimitPolicy policy, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth(policy.getCapacity(), policy.getPeriod()))
                .build();
        return buckets.builder().build(key.getBytes(StandardCharsets.UTF_8), () -> configuration);
    }

    private static String key(RateLimitPolicy policy, String subject) {
        return KEY_PREFIX + policy.getName() + ":" + policy.shape() + ":" + subject;
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
