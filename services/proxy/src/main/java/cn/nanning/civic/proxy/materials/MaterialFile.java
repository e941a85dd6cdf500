package cn.nanning.civic.proxy.materials;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An uploaded material's metadata; the bytes live encrypted in the material store. */
@Serdeable
@MappedEntity(value = "proxy_request_file", schema = "proxy")
public record MaterialFile(@Id UUID id, UUID requestId, String displayName, String contentType, long sizeBytes, String sha256,
                           String uploadedBy, Instant uploadedAt) {
}
