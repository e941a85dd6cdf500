package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of a client's write (a new 代办 request, a referral): a client that got no answer (a
 * timeout, a dropped connection) sends the write again with the same key and gets the first outcome again instead of
 * a second request. Keys belong to the caller and the kind of write; they are kept for a week.
 */
@Singleton
class IdempotentWrites {

    static final String HEADER = "Idempotency-Key";
    /** On an answer repeated for a key already used: {@code true}. */
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final Duration KEPT = Duration.ofDays(7);

    private final IdempotencyKeyStore store;
    private final Clock clock = Clock.systemUTC();

    IdempotentWrites(IdempotencyKeyStore store) {
        this.store = store;
    }

    /** The key as sent, or null when none was; 400 when it cannot be one. */
    static @Nullable String validated(@Nullable String key) {
        if (key == null) {
            return null;
        }
        if (!VALID.matcher(key).matches()) {
            throw ProblemException.badRequest("idempotency-key-invalid",
                    "Idempotency-Key 须为 8 到 100 个字母、数字或 . _ : - 组成的字符串，每次新的操作使用一个新值（例如 UUID）。");
        }
        return key;
    }

    /** What this caller's key already produced, if anything. */
    Optional<UUID> earlier(Caller caller, String scope, @Nullable String key) {
        return key == null ? Optional.empty() : store.find(caller.accountId(), scope, key);
    }

    /**
     * Ties the key to the result in the write's transaction. When a concurrent attempt with the same key committed
     * first, throws {@link Replayed} (which rolls this attempt back) with that attempt's result.
     */
    void remember(Caller caller, String scope, @Nullable String key, UUID resultId) {
        if (key != null && !store.remember(caller.accountId(), scope, key, resultId, clock.instant())) {
            throw new Replayed(store.find(caller.accountId(), scope, key).orElseThrow());
        }
    }

    @Scheduled(fixedDelay = "6h", initialDelay = "15m")
    void forgetOldKeys() {
        store.forgetOlderThan(clock.instant().minus(KEPT));
    }

    /** The write was made already under this key: answer its result again. */
    static final class Replayed extends RuntimeException {
        private final UUID resultId;

        Replayed(UUID resultId) {
            super("idempotency key already used", null, false, false);
            this.resultId = resultId;
        }

        UUID resultId() {
            return resultId;
        }
    }
}
