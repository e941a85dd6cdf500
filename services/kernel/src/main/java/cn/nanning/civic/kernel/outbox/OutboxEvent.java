package cn.nanning.civic.kernel.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

@MappedEntity(value = "outbox", schema = "kernel")
record OutboxEvent(
        @Id @GeneratedValue @Nullable Long seq,
        UUID eventId,
        String topic,
        @MappedProperty("event_key") String key,
        String eventType,
        String payload,
        Instant occurredAt,
        @Nullable String requestId,
        @Nullable Instant publishedAt,
        int attempts,
        @Nullable String lastError) {
}
