package cn.nanning.civic.kernel.outbox;

import cn.nanning.civic.common.requestid.RequestIds;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Where modules put the events others need. Call it inside the transaction that changes the business rows:
 * the event commits or rolls back with them, and {@link OutboxRelay} publishes it to Kafka afterwards.
 */
@Singleton
public class Outbox {

    private final OutboxRepository repository;
    private final JsonMapper json;

    Outbox(OutboxRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * Records an event. The JSON value carries {@code eventId}, {@code occurredAt} and the payload's fields
     * under {@code payloadName}.
     *
     * @return the event id
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID add(String topic, String key, String eventType, String payloadName, Object payload) {
        UUID eventId = UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("eventId", eventId.toString());
        value.put("eventType", eventType);
        value.put("occurredAt", occurredAt.toString());
        value.put(payloadName, payload);
        String serialized;
        try {
            serialized = json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + eventType, e);
        }
        repository.save(new OutboxEvent(null, eventId, topic, key, eventType, serialized, occurredAt,
                RequestIds.current(), null, 0, null));
        return eventId;
    }
}
