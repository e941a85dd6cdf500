package cn.nanning.civic.common.pii;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypts personal data fields with AES-256-GCM before they reach the database.
 * Stored form: {@code <keyId>:<base64(iv || ciphertext+tag)>}. The column name is bound in as associated data,
 * so a ciphertext copied into another column does not decrypt.
 */
@Singleton
@Requires(property = "civic.pii.keys")
public class FieldCipher {

    /** The development key of the deployables' defaults; public, so never used outside development. */
    static final String DEV_KEY = "ZGV2LW9ubHktcGlpLWtleS0wMTIzNDU2Nzg5YWJjZGU=";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecretKeySpec indexKey;

    public FieldCipher(PiiProperties properties) {
        if (properties.keys() == null || properties.keys().isEmpty()) {
            throw new IllegalStateException("civic.pii.keys must hold at least one key");
        }
        for (String entry : properties.keys()) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("civic.pii.keys entries look like id:base64key");
            }
            byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            if (key.length != 32) {
                throw new IllegalStateException("PII key " + entry.substring(0, colon) + " must be 32 bytes");
            }
            keys.put(entry.substring(0, colon).strip(), new SecretKeySpec(key, "AES"));
        }
        currentKeyId = keys.keySet().iterator().next();
        indexKey = new SecretKeySpec(indexKey(properties), "HmacSHA256");
    }

    /**
     * The blind-index key is its own key, never the current encryption key: blind indexes are stored, so they must
     * stay the same when {@code PII_KEYS} rotates, or every lookup by ID number, name or phone silently finds nothing.
     * Only where the public development key is configured may it be left out; it then equals that key's bytes, which
     * is what development data was indexed with.
     */
    private byte[] indexKey(PiiProperties properties) {
        if (properties.indexKey() != null && !properties.indexKey().isBlank()) {
            byte[] key = Base64.getDecoder().decode(properties.indexKey().strip());
            if (key.length < 32) {
                throw new IllegalStateException("PII_INDEX_KEY must be at least 32 bytes (base64)");
            }
            return key;
        }
        byte[] dev = Base64.getDecoder().decode(DEV_KEY);
        if (keys.values().stream().anyMatch(k -> java.util.Arrays.equals(k.getEncoded(), dev))) {
            return dev;
        }
        throw new IllegalStateException("PII_INDEX_KEY (civic.pii.index-key) must be set outside development: a base64 key"
                + " of 32 bytes, kept unchanged when PII_KEYS rotates");
    }

    /** The id of the key new values are encrypted with (the first of {@code PII_KEYS}). */
    public String currentKeyId() {
        return currentKeyId;
    }

    public String encrypt(String plaintext, String column) {
        if (plaintext == null) {
            return null;
        }
        return currentKeyId + ":" + Base64.getEncoder().encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8), column));
    }

    public String decrypt(String stored, String column) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("stored personal data field " + column + " has no key id");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored personal data field " + column + " is not base64", e);
        }
        return new String(open(stored.substring(0, colon), sealed, column), StandardCharsets.UTF_8);
    }

    /**
     * Encrypts a document (e.g. an uploaded material) with the current key. Layout: key id length (1 byte), key id,
     * then iv || ciphertext+tag. {@code context} is bound as associated data.
     */
    public byte[] encryptBytes(byte[] plaintext, String context) {
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal(plaintext, context);
        return ByteBuffer.allocate(1 + keyId.length + sealed.length).put((byte) keyId.length).put(keyId).put(sealed).array();
    }

    public byte[] decryptBytes(byte[] stored, String context) {
        int idLength = stored[0] & 0xff;
        String keyId = new String(stored, 1, idLength, StandardCharsets.UTF_8);
        byte[] sealed = java.util.Arrays.copyOfRange(stored, 1 + idLength, stored.length);
        return open(keyId, sealed, context);
    }

    private byte[] seal(byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private byte[] open(String keyId, byte[] sealed, String context) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("no key " + keyId + " for stored personal data (" + context + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored personal data (" + context + ") does not decrypt", e);
        }
    }

    /**
     * A keyed hash for finding or de-duplicating a value (e.g. one volunteer per ID number) without storing
     * it in plain text. Deterministic by design; never reversible without the key.
     */
    public String blindIndex(String value, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
