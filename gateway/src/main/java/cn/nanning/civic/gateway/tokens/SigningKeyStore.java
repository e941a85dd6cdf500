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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity.signing_key table: one transaction per read-and-maybe-rotate, serialised across gateway instances.
 * Keys sign from their {@code signing_from} until the next key's; the next key is published {@code publishAhead}
 * before it signs, so verifiers that cache the JWKS know it by then.
 */
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

    /** The signing key (private) and the public keys to publish: pending, current, and retired within the overlap. */
    record Ring(RSAKey current, Map<String, RSAKey> published) {
    }

    private record Row(String kid, String privateJwk, String publicJwk, Instant signingFrom) {
    }

    /**
     * Loads the keys, first adding one when there is none or {@code force} is set (signing at once), or scheduling the
     * successor {@code publishAhead} before the current key is {@code rotation} old; drops keys past their overlap.
     */
    @Transactional
    Ring load(Instant now, Duration rotation, Duration publishAhead, Duration overlap, boolean force) {
        jdbc.prepareStatement("select pg_advisory_xact_lock(hashtext('identity.signing_key'))", s -> {
            s.executeQuery().close();
            return null;
        });
        List<Row> rows = rows();
        if (force || rows.isEmpty()) {
            insertNewKey(now, now);
            rows = rows();
        } else {
            Instant latest = rows.getLast().signingFrom();
            Instant due = latest.plus(rotation);
            if (!latest.isAfter(now) && !due.minus(publishAhead).isAfter(now)) {
                insertNewKey(now, due.isAfter(now.plus(publishAhead)) ? due : now.plus(publishAhead));
                rows = rows();
            }
        }
        RSAKey current = null;
        Map<String, RSAKey> published = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Instant retiredAt = i + 1 < rows.size() && !rows.get(i + 1).signingFrom().isAfter(now)
                    ? rows.get(i + 1).signingFrom() : null;
            if (retiredAt != null && !retiredAt.plus(overlap).isAfter(now)) {
                delete(row.kid()); // its private half is of no further use
                continue;
            }
            try {
                published.put(row.kid(), RSAKey.parse(row.publicJwk()));
                if (!row.signingFrom().isAfter(now) && retiredAt == null) {
                    current = RSAKey.parse(cipher.decrypt(row.privateJwk(), CIPHER_CONTEXT));
                }
            } catch (ParseException e) {
                throw new IllegalStateException("Stored signing key " + row.kid() + " is not a JWK", e);
            }
        }
        return new Ring(current, published);
    }

    /** Test aid: moves a key's schedule back in time, as if it had been created earlier. */
    @Transactional
    void moveBack(String kid, Duration by) {
        jdbc.prepareStatement("update identity.signing_key set signing_from = signing_from - ?::interval, "
                + "created_at = created_at - ?::interval where kid = ?", s -> {
            s.setString(1, by.toSeconds() + " seconds");
            s.setString(2, by.toSeconds() + " seconds");
            s.setString(3, kid);
            return s.executeUpdate();
        });
    }

    private List<Row> rows() {
        return jdbc.prepareStatement("""
                select kid, private_jwk, public_jwk, signing_from from identity.signing_key
                order by signing_from, created_at""", s -> {
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
            return rows;
        });
    }

    private void delete(String kid) {
        jdbc.prepareStatement("delete from identity.signing_key where kid = ?", s -> {
            s.setString(1, kid);
            return s.executeUpdate();
        });
    }

    private void insertNewKey(Instant now, Instant signingFrom) {
        String kid = UUID.randomUUID().toString();
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a signing key", e);
        }
        String privateJwk = cipher.encrypt(key.toJSONString(), CIPHER_CONTEXT);
        String publicJwk = key.toPublicJWK().toJSONString();
        jdbc.prepareStatement("""
                insert into identity.signing_key (kid, private_jwk, public_jwk, created_at, signing_from)
                values (?, ?, ?, ?, ?)""", s -> {
            s.setString(1, kid);
            s.setString(2, privateJwk);
            s.setString(3, publicJwk);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(signingFrom));
            return s.executeUpdate();
        });
        LOG.info("New token signing key {}, signing from {}", kid, signingFrom);
    }
}
