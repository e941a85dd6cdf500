package cn.nanning.civic.gateway.tokens;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity(value = "refresh_token", schema = "identity")
record RefreshToken(@Id UUID id, String tokenHash, UUID familyId, UUID accountId, String kind,
                    Instant issuedAt, Instant expiresAt, @Nullable Instant revokedAt, boolean rotated, boolean graceUsed) {
}
