package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens the gateway must refuse on a protected route, each answered 401 problem+json before any forwarding. */
@MicronautTest(transactional = false)
class TokenRefusalTest extends GatewayTest {

    /** The secret of src/test/resources/application-test.yml, so hand-made tokens differ only in what each test breaks. */
    static final String SECRET = "test-only-jwt-secret-0123456789abcdef0123456789";

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String header, String payload, String secret) {
        String signingInput = b64(header) + "." + b64(payload);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(long expiresAt) {
        long now = Instant.now().getEpochSecond();
        return "{\"sub\":\"7d1f6a52-2f39-4a59-9a3c-3f0f7a1c9e11\",\"kind\":\"staff\",\"roles\":[\"ADMIN\"],"
                + "\"iat\":" + (now - 60) + ",\"nbf\":" + (now - 60) + ",\"exp\":" + expiresAt + "}";
    }

    private void assertRefused(String token) {
        int before = TestEnvironment.echo().requests();
        Api.Response response = api().get("/api/v1/admin-only/items", token);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(TestEnvironment.echo().requests()).isEqualTo(before);
    }

    @Test
    void aWellSignedTokenIsAcceptedSoTheRefusalsBelowAreAboutWhatEachBreaks() {
        String token = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload(Instant.now().getEpochSecond() + 300), SECRET);
        assertThat(api().get("/api/v1/admin-only/items", token).status()).isEqualTo(200);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload(Instant.now().getEpochSecond() + 300)) + ".";
        assertRefused(token);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertRefused(sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload(Instant.now().getEpochSecond() + 300),
                "someone-elses-secret-0123456789abcdef0123456789"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload(Instant.now().getEpochSecond() - 120), SECRET));
    }

    @Test
    void aTokenWhoseClaimsWereEditedAfterSigningIsRefused() {
        String issued = citizenToken();
        String[] parts = issued.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"CITIZEN\"", "\"ADMIN\"");
        assertThat(promoted).isNotEqualTo(claims);

        assertRefused(parts[0] + "." + b64(promoted) + "." + parts[2]);
    }

    @Test
    void aTokenWithItsSignatureStrippedIsRefused() {
        String[] parts = citizenToken().split("\\.");
        assertRefused(parts[0] + "." + parts[1] + ".");
    }
}
