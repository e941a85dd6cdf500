package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.gateway.redis.Redis;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed staff sign-ins per username in Redis, so every gateway instance sees the same count and a restart
 * forgets nothing. Unknown usernames are counted too: a lock reveals nothing about which names exist.
 */
@Singleton
class SignInLockout {

    private static final String PREFIX = "civic:gateway:sign-in:";
    /** Count a failure; on reaching the limit set the lock and start counting afresh, atomically. */
    private static final String FAIL = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if n >= tonumber(ARGV[2]) then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
              redis.call('DEL', KEYS[1])
              return -1
            end
            return n""";

    private final Redis redis;
    private final LockoutSettings settings;

    SignInLockout(Redis redis, LockoutSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** How long the username stays locked, if it is. */
    Optional<Duration> lockedFor(String username) {
        long millis = redis.call(jedis -> jedis.pttl(lockKey(username)));
        return millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
    }

    /** Records a failure; true when this failure locked the username. */
    boolean failed(String username) {
        Object result = redis.call(jedis -> jedis.eval(FAIL, List.of(failuresKey(username), lockKey(username)), List.of(
                Long.toString(settings.window().toMillis()), Integer.toString(settings.maxFailures()),
                Long.toString(settings.duration().toMillis()))));
        return result instanceof Long n && n == -1;
    }

    void succeeded(String username) {
        redis.call(jedis -> jedis.del(failuresKey(username)));
    }

    Duration duration() {
        return settings.duration();
    }

    private static String failuresKey(String username) {
        return PREFIX + "failures:" + digest(username);
    }

    private static String lockKey(String username) {
        return PREFIX + "locked:" + digest(username);
    }

    /** Usernames are case-insensitive; hashed so odd characters cannot shape the key. */
    private static String digest(String username) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(username.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
