package cn.nanning.civic.services;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services verify tokens themselves against the gateway's JWKS (here served by a small HTTP server standing in for the
 * gateway's /.well-known/jwks.json): a token of a published key passes, anything else is 401, and a key published
 * after the services cached the set is picked up once the cache expires (the gateway publishes successors ahead).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayKeysTest implements TestPropertyProvider {

    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer jwks = startJwks();

    @Inject
    @Client("/")
    HttpClient client;

    private HttpServer startJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                fetches.incrementAndGet();
                byte[] body = new JWKSet(List.copyOf(published)).toString(true).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        // A one-second cache instead of 60 s, so a newly published key is seen without a long wait.
        return Map.of("micronaut.security.token.jwt.signatures.jwks.gateway.url",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                "micronaut.security.token.jwt.signatures.jwks.gateway.cache-expiration", "1");
    }

    @AfterAll
    void stop() {
        jwks.stop(0);
    }

    /** The gateway publishes a key minutes before it signs with it; the services' cache here lasts 1 s. */
    private void publish(JWK key) {
        published.add(key);
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
    }

    private static String token(RSAKey key, String kid) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).claim("kind", "citizen")
                        .claim("roles", List.of("CITIZEN")).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int status(String token) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/api/v1/regions/450100/children").bearerAuth(token),
                    String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aTokenOfAPublishedKeyPassesAndAKeyPublishedLaterIsPickedUpWhenTheCacheExpires() throws JOSEException {
        RSAKey first = newKey();
        publish(first.toPublicJWK());
        assertThat(status(token(first, first.getKeyID()))).isEqualTo(200);

        RSAKey second = newKey();
        publish(second.toPublicJWK());
        int before = fetches.get();
        assertThat(status(token(second, second.getKeyID()))).isEqualTo(200);
        assertThat(fetches.get()).as("the services re-read the JWKS").isGreaterThan(before);
        assertThat(status(token(first, first.getKeyID()))).as("the retired key inside its overlap").isEqualTo(200);
    }

    @Test
    void tokensOfForeignKeysUnknownKidsAndAlgNoneAreRefused() throws JOSEException {
        RSAKey known = newKey();
        publish(known.toPublicJWK());
        RSAKey stranger = newKey();

        assertThat(status(token(stranger, known.getKeyID()))).isEqualTo(401);
        assertThat(status(token(stranger, stranger.getKeyID()))).isEqualTo(401);
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + UUID.randomUUID() + "\",\"kind\":\"citizen\",\"roles\":[\"CITIZEN\"],\"exp\":"
                        + (Instant.now().getEpochSecond() + 300) + "}").getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"kid\":\"%s\"}".formatted(known.getKeyID()).getBytes(StandardCharsets.UTF_8));
        assertThat(status(none + "." + claims + ".")).isEqualTo(401);
    }
}
