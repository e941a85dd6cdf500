package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.common.pii.FieldCipher;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The identity.signing_key table: one transaction per read-and-maybe-rotate, serialised across gateway instances. */
@Singleton
class SigningKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final String CIPHER_CONTEXT = "identity.signing_key.private_jwk";

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;

    SigningKeyStore(JdbcOperations jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The current key (private) and the public keys created or retired within {@code overlap} of now. */
    record Ring(RSAKey current, Map<String, RSAKey> published) {
    }

    /**
     * Loads the keys, first replacing the current key when there is none, when it is older than {@code rotation}, or
     * when {@code force} is set; drops keys whose overlap has ended.
     */
    @Transactional
    Ring load(Instant now, Duration rotation, Duration overlap, boolean force) {
        jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext('identity.signing_key'))", s -> {
            s.executeQuery().close();
            return null;
        });
        Instant currentCreated = jdbc.prepareStatement(
                "select created_at from identity.signing_key where retired_at is null", s -> {
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getTimestamp(1).toInstant() : null;
                    }
                });
        if (force || currentCreated == null || currentCreated.plus(rotation).isBefore(now)) {
            jdbc.prepareStatement("update identity.signing_key set retired_at = ? where retired_at is null", s -> {
                s.setTimestamp(1, Timestamp.from(now));
                return s.executeUpdate();
            });
            insertNewKey(now);
        }
        // Private halves of keys past their overlap are of no further use.
        Timestamp publishedSince = Timestamp.from(now.minus(overlap));
        jdbc.prepareStatement("delete from identity.signing_key where retired_at < ?", s -> {
            s.setTimestamp(1, publishedSince);
            return s.executeUpdate();
        });
        return jdbc.prepareStatement("""
                select kid, private_jwk, public_jwk, retired_at from identity.signing_key
                where retired_at is null or retired_at >= ? order by created_at desc""", s -> {
            s.setTimestamp(1, publishedSince);
            RSAKey current = null;
            Map<String, RSAKey> published = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RSAKey publicKey = RSAKey.parse(rs.getString("public_jwk"));
                    published.put(publicKey.getKeyID(), publicKey);
                    if (rs.getTimestamp("retired_at") == null) {
                        current = RSAKey.parse(cipher.decrypt(rs.getString("private_jwk"), CIPHER_CONTEXT));
                    }
                }
            } catch (ParseException e) {
                throw new IllegalStateException("Stored signing key is not a JWK", e);
            }
            return new Ring(current, published);
        });
    }

    /** Test and operator aid: moves a key's retirement back in time (as if its overlap had passed). */
    @Transactional
    void backdateRetirement(String kid, Instant retiredAt) {
        jdbc.prepareStatement("update identity.signing_key set retired_at = ? where kid = ? and retired_at is not null", s -> {
            s.setTimestamp(1, Timestamp.from(retiredAt));
            s.setString(2, kid);
            return s.executeUpdate();
        });
    }

    private void insertNewKey(Instant now) {
        String kid = UUID.randomUUID().toString();
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
        String privateJwk = cipher.encrypt(key.toJSONString(), CIPHER_CONTEXT);
        String publicJwk = key.toPublicJWK().toJSONString();
        jdbc.prepareStatement("insert into identity.signing_key (kid, private_jwk, public_jwk, created_at) values (?, ?, ?, ?)", s -> {
            s.setString(1, kid);
            s.setString(2, privateJwk);
            s.setString(3, publicJwk);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate();
        });
        LOG.info("New token signing key {}", kid);
    }
}
