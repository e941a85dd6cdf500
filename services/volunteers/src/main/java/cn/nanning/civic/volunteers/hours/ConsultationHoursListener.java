package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.common.kafka.DeadLetters;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Hears completed volunteer-lawyer consultations ({@code appointments.consultation-completed.v1}, key = booking id). */
@KafkaListener(groupId = "volunteers-consultation-hours", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryDelay = "1s", retryCount = 10))
@Requires(property = "civic.volunteers.consultation-hours.enabled", notEquals = "false")
class ConsultationHoursListener {

    static final String TOPIC = "appointments.consultation-completed.v1";
    private static final Logger LOG = LoggerFactory.getLogger(ConsultationHoursListener.class);

    private final ConsultationHours hours;
    private final JsonMapper json;
    private final DeadLetters deadLetters;

    ConsultationHoursListener(ConsultationHours hours, JsonMapper json, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.hours = hours;
        this.json = json;
    }

    @Topic(TOPIC)
    void receive(ConsumerRecord<String, String> record) {
        ConsultationHours.Completed c;
        try {
            c = parse(json.readValue(record.value(), JsonNode.class));
        } catch (IOException | RuntimeException e) {
            deadLetters.send(record, "volunteers-consultation-hours", "unreadable: " + e.getMessage());
            return;
        }
        if (c != null) {
            hours.record(c);
        }
    }

    /** The outbox envelope carries the payload under its name; the fields are also accepted at the top level. */
    static ConsultationHours.Completed parse(JsonNode root) {
        JsonNode eventId = root.get("eventId");
        JsonNode body = root.get("bookingId") != null ? root : null;
        if (body == null) {
            for (Map.Entry<String, JsonNode> field : root.entries()) {
                if (field.getValue().isObject() && field.getValue().get("bookingId") != null) {
                    body = field.getValue();
                    break;
                }
            }
        }
        if (eventId == null || body == null) {
            return null;
        }
        return new ConsultationHours.Completed(UUID.fromString(eventId.getStringValue()), text(body, "bookingId"),
                text(body, "volunteerAccountId"), instant(body, "startedAt"), instant(body, "endedAt"),
                body.get("minutes") != null && body.get("minutes").isNumber() ? body.get("minutes").getIntValue() : 0, text(body, "place"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.coerceStringValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : Instant.parse(v);
    }
}
