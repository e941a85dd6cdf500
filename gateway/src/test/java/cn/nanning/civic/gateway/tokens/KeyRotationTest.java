package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Key rotation: the JWKS publishes old and new keys during the overlap, and old tokens keep working until it ends. */
@MicronautTest(transactional = false)
class KeyRotationTest extends GatewayTest {

    @Inject
    SigningKeys keys;

    @Inject
    SigningKeyStore store;

    static List<String> publishedKids(Api api) throws Exception {
        Api.Response response = api.get("/.well-known/jwks.json", null);
        assertThat(response.status()).isEqualTo(200);
        JWKSet set = JWKSet.parse(response.body());
        set.getKeys().forEach(k -> assertThat(k.isPrivate()).as("JWKS must hold public keys only").isFalse());
        return set.getKeys().stream().map(k -> k.getKeyID()).toList();
    }

    private List<String> publishedKids() throws Exception {
        return publishedKids(api());
    }

    static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    private static String adminToken(RSAKey key) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("7d1f6a52-2f39-4a59-9a3c-3f0f7a1c9e11").claim("kind", "staff")
                        .claim("roles", List.of("ADMIN")).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenSignedBeforeARotationStillWorksAndBothKeysArePublished() throws Exception {
        String before = citizenToken();
        String oldKid = kid(before);

        String newKid = keys.rotate();
        String after = citizenToken();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(kid(after)).isEqualTo(newKid);
        assertThat(publishedKids()).contains(oldKid, newKid);
        assertThat(api().get("/api/v1/echo/items", before).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/echo/items", after).status()).isEqualTo(200);
    }

    @Test
    void onceTheOverlapHasEndedTheRetiredKeyIsNeitherPublishedNorAccepted() throws Exception {
        keys.rotate();
        RSAKey retiring = keys.current();
        String oldToken = adminToken(retiring);
        assertThat(api().get("/api/v1/admin-only/items", oldToken).status()).isEqualTo(200);

        keys.rotate();
        assertThat(api().get("/api/v1/admin-only/items", oldToken).status()).isEqualTo(200);
        // As if both rotations had happened an hour ago: the overlap (15 min tokens + 5 min) is over.
        store.moveBack(retiring.getKeyID(), Duration.ofHours(2));
        store.moveBack(keys.current().getKeyID(), Duration.ofHours(1));
        keys.reload();

        assertThat(publishedKids()).doesNotContain(retiring.getKeyID()).contains(keys.current().getKeyID());
        Api.Response refused = api().get("/api/v1/admin-only/items", oldToken);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
