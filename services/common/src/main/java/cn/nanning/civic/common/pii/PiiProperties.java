package cn.nanning.civic.common.pii;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Keys for personal data. {@code keys} holds {@code id:base64(32-byte AES key)} entries; the first encrypts,
 * all decrypt, so keys can be rotated. {@code indexKey} is a separate base64 HMAC key for blind indexes, required
 * outside development and never rotated with {@code keys} (see {@link FieldCipher}).
 * Values come only from the environment ({@code PII_KEYS}, {@code PII_INDEX_KEY}) or a Kubernetes Secret.
 */
@ConfigurationProperties("civic.pii")
public record PiiProperties(@Nullable List<String> keys, @Nullable String indexKey) {
}
