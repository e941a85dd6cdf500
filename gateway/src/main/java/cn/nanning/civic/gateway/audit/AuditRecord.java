package cn.nanning.civic.gateway.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
@MappedEntity(value = "audit_log", schema = "identity")
record AuditRecord(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String actor, @Nullable String actorRoles,
                   String action, @Nullable String targetType, @Nullable String targetId, String outcome,
                   @Nullable String requestId, @Nullable String clientAddress, @Nullable String detail) {
}
