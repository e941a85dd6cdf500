package cn.nanning.civic.gateway.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The rotating RSA keys that sign access tokens, shared by every gateway instance through the identity schema.
 * The current key signs; its successor is published (JWKS) {@link #PUBLISH_AHEAD} before it takes over, so services
 * that cache the JWKS already know it, and the retired key stays published and accepted for the access-token lifetime
 * plus a grace, so tokens signed just before a rotation keep working. Instances re-read the table every minute, and at
 * once when a token names a key they do not know.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    /** Clock skew and the verifiers' JWKS cache: a retired key stays published this much longer than the token lifetime. */
    private static final Duration GRACE = Duration.ofMinutes(5);
    /** Longer than the verifiers' JWKS cache (60 s) plus the instances' reload interval. */
    static final Duration PUBLISH_AHEAD = Duration.ofMinutes(5);
    private static final Duration RELOAD_ON_UNKNOWN_KID = Duration.ofSeconds(5);

    private final SigningKeyStore store;
    private final TokenSettings settings;
    private final Clock clock = Clock.systemUTC();

    private volatile SigningKeyStore.Ring ring;
    private volatile Instant loadedAt = Instant.EPOCH;

    SigningKeys(SigningKeyStore store, TokenSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** The key that signs new tokens (with its private half). */
    public RSAKey current() {
        return ring().current();
    }

    /** A published public key by id, or null if unknown or past its overlap. */
    @Nullable
    public RSAKey verificationKey(@Nullable String kid) {
        if (kid == null) {
            return null;
        }
        RSAKey key = ring().published().get(kid);
        if (key == null && loadedAt.plus(RELOAD_ON_UNKNOWN_KID).isBefore(clock.instant())) {
            // Another instance may have rotated a moment ago.
            reload();
            key = ring().published().get(kid);
        }
        return key;
    }

    /** The public keys verifiers may need: the current one and retired ones still inside their overlap. */
    public JWKSet publicKeys() {
        return new JWKSet(List.<JWK>copyOf(ring().published().values()));
    }

    /**
     * Signs with a new key at once (after a suspected leak, or in tests). Services that cached the JWKS refuse tokens
     * of the new key until their cache expires (60 s); the scheduled rotation has no such gap.
     */
    public String rotate() {
        Instant now = now();
        ring = store.load(now, settings.keyRotation(), PUBLISH_AHEAD, overlap(), true);
        loadedAt = now;
        return ring.current().getKeyID();
    }

    /** Re-reads the keys, rotating when the current one is due. */
    public void reload() {
        Instant now = now();
        ring = store.load(now, settings.keyRotation(), PUBLISH_AHEAD, overlap(), false);
        loadedAt = now;
    }

    @Scheduled(fixedDelay = "${civic.tokens.key-reload:1m}", initialDelay = "${civic.tokens.key-reload:1m}")
    void scheduledReload() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload signing keys; keeping the ones in memory", e);
        }
    }

    /** PostgreSQL keeps microseconds; a nanosecond "now" would make a key stored at this instant look not yet due. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Duration overlap() {
        return settings.accessTtl().plus(GRACE);
    }

    private SigningKeyStore.Ring ring() {
        SigningKeyStore.Ring r = ring;
        if (r == null) {
            synchronized (this) {
                if (ring == null) {
                    reload();
                }
                r = ring;
            }
        }
        return r;
    }
}
