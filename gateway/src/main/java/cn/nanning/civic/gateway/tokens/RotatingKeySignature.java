package cn.nanning.civic.gateway.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs access tokens with the current rotating key (RS256, its id in {@code kid}) and verifies them against the
 * published keys. The only signature the gateway accepts: no shared secret, no {@code alg=none}, no token without kid.
 */
@Singleton
@Named("generator")
class RotatingKeySignature implements SignatureGeneratorConfiguration {

    private final SigningKeys keys;
    /** By kid, with the key it was made for: a reload of the key ring brings new key objects. */
    private final Map<String, KeyVerifier> verifiers = new ConcurrentHashMap<>();

    private record KeyVerifier(RSAKey key, RSASSAVerifier verifier) {
    }

    RotatingKeySignature(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        RSAKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the RS256 is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.RS256.equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        if (!supports(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        RSAKey key = keys.verificationKey(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(verifier(key));
    }

    private RSASSAVerifier verifier(RSAKey key) throws JOSEException {
        KeyVerifier known = verifiers.get(key.getKeyID());
        if (known == null || known.key() != key) {
            // Converting the JWK to a Java public key for every token was measurable; keys are few and rotate slowly.
            if (verifiers.size() > 16) {
                verifiers.clear();
            }
            known = new KeyVerifier(key, new RSASSAVerifier(key));
            verifiers.put(key.getKeyID(), known);
        }
        return known.verifier();
    }
}
