package cn.nanning.civic.gateway.tokens;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers access tokens that passed full validation (signature, algorithm, kid, expiry, not-before), so the same
 * token presented again is not parsed and RSA-verified on every request: a mini-program sends its token with each
 * call for the token's whole lifetime, and parsing plus verifying was a third of the gateway's CPU per forwarded
 * request.
 *
 * <p>Tried before the JWT validator. An entry is found only by a SHA-256 digest of the whole compact token as received,
 * so an edited header, payload or signature misses and gets the full check. A remembered token is accepted only until
 * its {@code exp} and while its signing key is still published; failures are never remembered. The memory is bounded
 * and starts over when full rather than tracking recency.
 */
@Singleton
class RememberedTokens implements TokenValidator<HttpRequest<?>>, Ordered {

    static final int CAPACITY = 20_000;

    private record Remembered(Authentication authentication, String kid, Instant expiresAt) {
    }

    private final ReactiveJsonWebTokenValidator<?, HttpRequest<?>> jwt;
    private final SigningKeys keys;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(RememberedTokens::newDigest);

    RememberedTokens(ReactiveJsonWebTokenValidator<?, HttpRequest<?>> jwt, SigningKeys keys) {
        this.jwt = jwt;
        this.keys = keys;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        String digest = digest(token);
        Remembered known = remembered.get(digest);
        if (known != null) {
            if (Instant.now().isBefore(known.expiresAt()) && keys.verificationKey(known.kid()) != null) {
                return Mono.just(known.authentication());
            }
            remembered.remove(digest);
        }
        return Mono.from(jwt.validateToken(token, request)).doOnNext(authentication -> remember(digest, token, authentication));
    }

    /** Whether this exact token is remembered as valid now (for tests). */
    boolean remembers(String token) {
        Remembered known = remembered.get(digest(token));
        return known != null && Instant.now().isBefore(known.expiresAt());
    }

    private void remember(String digest, String token, Authentication authentication) {
        Instant expiresAt = instant(authentication.getAttributes().get("exp"));
        String kid = kid(token);
        if (expiresAt == null || kid == null) {
            return;
        }
        if (remembered.size() >= CAPACITY) {
            remembered.clear();
        }
        remembered.put(digest, new Remembered(authentication, kid, expiresAt));
    }

    private static Instant instant(Object claim) {
        return switch (claim) {
            case Date date -> date.toInstant();
            case Instant instant -> instant;
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case null, default -> null;
        };
    }

    private static String kid(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return JWSHeader.parse(new Base64URL(token.substring(0, dot))).getKeyID();
        } catch (ParseException e) {
            return null;
        }
    }

    private String digest(String token) {
        // The 32 digest bytes as a 32-character string: a map key, never shown (Base64 cost 0.7% of a request).
        return new String(sha256.get().digest(token.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public int getOrder() {
        // Before the JWT validator: TokenAuthenticationFetcher takes the first validator that answers.
        return HIGHEST_PRECEDENCE;
    }
}
