package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.common.identity.RevokedSessions;
import cn.nanning.civic.gateway.redis.Redis;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.resps.Tuple;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Revoked sign-ins, shared by every gateway instance through one Redis sorted set (member: session id; score: when its
 * last access token has expired, in epoch milliseconds). Each instance keeps a copy in memory, refreshed every second,
 * so checking a request costs no network call; a revocation made here counts here at once, elsewhere within a second,
 * and at services and search (which poll {@code /.well-known/revoked-sessions}) within a few. A revocation Redis
 * cannot take is kept and written again on the next refresh, never dropped; one Redis lost (it keeps nothing on disk,
 * so a restart empties the set) is published again by every instance that still knows it.
 */
@Singleton
public class SharedRevokedSessions implements RevokedSessions {

    static final String KEY = "civic:gateway:revoked-sessions";
    private static final Logger LOG = LoggerFactory.getLogger(SharedRevokedSessions.class);

    private final Redis redis;
    private final TokenSettings settings;
    private final Clock clock = Clock.systemUTC();
    /** Session id → until when it is refused (epoch ms): the shared set as last read, plus our own revocations. */
    private volatile Map<String, Long> known = Map.of();
    private final Map<String, Long> unsaved = new ConcurrentHashMap<>();
    private final Map<String, Long> local = new ConcurrentHashMap<>();

    SharedRevokedSessions(Redis redis, TokenSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return known.containsKey(sessionId) || local.containsKey(sessionId);
    }

    /** Refuses every access token of these sign-ins from now until the last of them has expired. */
    public void revoke(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        // A minute beyond the access tokens' lifetime covers clocks that disagree a little.
        long until = clock.millis() + settings.accessTtl().toMillis() + 60_000;
        Map<String, Long> added = new HashMap<>();
        sessionIds.forEach(id -> added.put(id, until));
        local.putAll(added);
        unsaved.putAll(added);
        save();
    }

    /** The sign-ins refused now, for {@code /.well-known/revoked-sessions}. */
    public Set<String> current() {
        long now = clock.millis();
        Set<String> all = known.entrySet().stream().filter(e -> e.getValue() > now).map(Map.Entry::getKey).collect(Collectors.toSet());
        local.forEach((id, until) -> {
            if (until > now) {
                all.add(id);
            }
        });
        return all;
    }

    @Scheduled(fixedDelay = "${civic.sessions.refresh-interval:1s}", initialDelay = "0s")
    void refresh() {
        save();
        long now = clock.millis();
        try {
            List<Tuple> shared = redis.call(jedis -> {
                jedis.zremrangeByScore(KEY, Double.NEGATIVE_INFINITY, now);
                return jedis.zrangeByScoreWithScores(KEY, now, Double.POSITIVE_INFINITY);
            });
            Map<String, Long> read = new HashMap<>();
            shared.forEach(t -> read.put(t.getElement(), (long) t.getScore()));
            // A revocation is never lifted, only outlived: one we knew that has not expired and is missing from the
            // set now was lost (Redis restarted, it keeps nothing on disk, or the key was evicted). Publish it again.
            Map<String, Long> lost = new HashMap<>();
            known.forEach((id, until) -> {
                if (until > now && !read.containsKey(id)) {
                    lost.put(id, until);
                }
            });
            if (!lost.isEmpty()) {
                LOG.warn("{} revoked sessions were missing from Redis (restarted or flushed?); publishing them again", lost.size());
                local.putAll(lost);
                unsaved.putAll(lost);
                read.putAll(lost);
            }
            known = Map.copyOf(read);
            local.entrySet().removeIf(e -> e.getValue() <= now || (read.containsKey(e.getKey()) && !unsaved.containsKey(e.getKey())));
            if (!lost.isEmpty()) {
                save();
            }
        } catch (RuntimeException e) {
            LOG.warn("Revoked sessions could not be read from Redis; keeping the last list: {}", e.getMessage());
        }
    }

    private void save() {
        if (unsaved.isEmpty()) {
            return;
        }
        Map<String, Double> batch = new HashMap<>();
        unsaved.forEach((id, until) -> batch.put(id, until.doubleValue()));
        try {
            redis.call(jedis -> jedis.zadd(KEY, batch));
            batch.keySet().forEach(unsaved::remove);
        } catch (RuntimeException e) {
            LOG.error("Revoked sessions could not be written to Redis; retrying on the next refresh: {}", e.getMessage());
        }
    }
}
