package cn.nanning.civic.proxy.materials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded material's metadata; the bytes live encrypted in the material store. {@code checklistItem} is the line
 * of the request's materials checklist the upload is for, null for a loose upload.
 */
@Serdeable
@MappedEntity(value = "proxy_request_file", schema = "proxy")
public record MaterialFile(@Id UUID id, UUID requestId, @Nullable String checklistItem, String displayName, String contentType,
                           long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
