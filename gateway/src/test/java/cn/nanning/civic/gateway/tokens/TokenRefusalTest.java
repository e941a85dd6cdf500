package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens the gateway must refuse on a protected route, each answered 401 problem+json before any forwarding. */
@MicronautTest(transactional = false)
class TokenRefusalTest extends GatewayTest {

    @Inject
    SigningKeys keys;

    @Inject
    RememberedTokens remembered;

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JWTClaimsSet claims(Instant expiresAt) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("7d1f6a52-2f39-4a59-9a3c-3f0f7a1c9e11").claim("kind", "staff")
                .claim("roles", List.of("ADMIN")).issueTime(Date.from(now.minusSeconds(60)))
                .notBeforeTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(expiresAt)).build();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private String signWithCurrentKey(JWTClaimsSet claims) throws JOSEException {
        RSAKey key = keys.current();
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims, new RSASSASigner(key));
    }

    private static Instant inFiveMinutes() {
        return Instant.now().plusSeconds(300);
    }

    private void assertRefused(String token) {
        int before = TestEnvironment.echo().requests();
        Api.Response response = api().get("/api/v1/admin-only/items", token);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before);
    }

    @Test
    void aWellSignedTokenIsAcceptedSoTheRefusalsBelowAreAboutWhatEachBreaks() throws JOSEException {
        assertThat(api().get("/api/v1/admin-only/items", signWithCurrentKey(claims(inFiveMinutes()))).status()).isEqualTo(200);
    }

    @Test
    void onlyTheBearerSchemeCarriesAToken() throws JOSEException {
        String token = signWithCurrentKey(claims(inFiveMinutes()));
        int before = TestEnvironment.echo().requests();

        Api.Response lowerCase = api().send(HttpRequest.GET("/api/v1/admin-only/items").header("Authorization", "bearer " + token), null);
        Api.Response basic = api().send(HttpRequest.GET("/api/v1/admin-only/items").header("Authorization", "Basic " + token), null);
        Api.Response bare = api().send(HttpRequest.GET("/api/v1/admin-only/items").header("Authorization", token), null);

        // The scheme name is case-insensitive (RFC 9110); another scheme, or none, is no token at all.
        assertThat(lowerCase.status()).as(lowerCase.body()).isEqualTo(200);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(bare.status()).isEqualTo(401);
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before + 1);
    }

    @Test
    void issuedTokensNameTheirKeyAndUseRs256() {
        String header = new String(Base64.getUrlDecoder().decode(citizenToken().split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":\"" + keys.current().getKeyID() + "\"");
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(inFiveMinutes()).toString()) + ".";
        assertRefused(token);
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheCurrentKidIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(keys.current().getKeyID()).generate();
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(),
                claims(inFiveMinutes()), new RSASSASigner(stranger)));
    }

    @Test
    void aTokenNamingAnUnknownKeyIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stranger.getKeyID()).build(),
                claims(inFiveMinutes()), new RSASSASigner(stranger)));
    }

    @Test
    void aTokenWithoutKidIsRefusedEvenWhenSignedWithTheCurrentKey() throws JOSEException {
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(inFiveMinutes()),
                new RSASSASigner(keys.current())));
    }

    @Test
    void anHmacTokenKeyedWithThePublishedPublicKeyIsRefused() throws JOSEException {
        // Algorithm confusion: the public key is public, so an HS256 "secret" made of it must not be trusted.
        byte[] publicKey = keys.current().toRSAPublicKey().getEncoded();
        assertRefused(sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.current().getKeyID()).build(),
                claims(inFiveMinutes()), new MACSigner(publicKey)));
    }

    @Test
    void anExpiredTokenIsRefused() throws JOSEException {
        assertRefused(signWithCurrentKey(claims(Instant.now().minusSeconds(120))));
    }

    @Test
    void aTokenWhoseClaimsWereEditedAfterSigningIsRefused() {
        String issued = citizenToken();
        // Presented once as issued: the signature is checked and remembered (a citizen is then refused for role).
        assertThat(api().get("/api/v1/admin-only/items", issued).status()).isEqualTo(403);
        String[] parts = issued.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"CITIZEN\"", "\"ADMIN\"");
        assertThat(promoted).isNotEqualTo(claims);

        assertRefused(parts[0] + "." + b64(promoted) + "." + parts[2]);
    }

    @Test
    void aRememberedTokenDoesNotLendItsSignatureToAnotherPayloadOrHeader() throws JOSEException {
        String accepted = signWithCurrentKey(claims(inFiveMinutes()));
        assertThat(api().get("/api/v1/admin-only/items", accepted).status()).isEqualTo(200);
        String[] parts = accepted.split("\\.");
        String other = signWithCurrentKey(claims(inFiveMinutes().plusSeconds(30)));
        String[] otherParts = other.split("\\.");

        assertThat(remembered.remembers(accepted)).isTrue();
        assertRefused(otherParts[0] + "." + otherParts[1] + "." + parts[2]);
        assertRefused(b64("{\"alg\":\"RS256\",\"kid\":\"" + keys.current().getKeyID() + "\",\"typ\":\"JWT\"}")
                + "." + parts[1] + "." + parts[2]);
        assertThat(api().get("/api/v1/admin-only/items", accepted).status()).isEqualTo(200);
    }

    @Test
    void anAcceptedTokenIsRefusedOnceItExpires() throws Exception {
        String shortLived = signWithCurrentKey(claims(Instant.now().plusSeconds(2)));
        assertThat(remembered.remembers(shortLived)).isFalse();
        assertThat(api().get("/api/v1/admin-only/items", shortLived).status()).isEqualTo(200);
        assertThat(remembered.remembers(shortLived)).as("validated once, then served from memory").isTrue();
        assertThat(api().get("/api/v1/admin-only/items", shortLived).status()).isEqualTo(200);

        Thread.sleep(2_500);
        assertRefused(shortLived);
    }

    @Test
    void aTokenWithItsSignatureStrippedIsRefused() {
        String[] parts = citizenToken().split("\\.");
        assertRefused(parts[0] + "." + parts[1] + ".");
    }
}
