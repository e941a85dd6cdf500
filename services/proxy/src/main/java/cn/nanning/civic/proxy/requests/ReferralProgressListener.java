package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.common.kafka.DeadLetters;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.UUID;

/** Hears how legal aid or mediation handle a referred proxy request ({@code appointments.referral.v1}). */
@KafkaListener(groupId = "${civic.proxy.referral-progress.consumer-group:proxy-referral-progress}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryDelay = "1s", retryCount = 10))
@Requires(property = "civic.proxy.referral-progress.enabled", notEquals = "false")
class ReferralProgressListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralProgressListener.class);

    private final ReferralProgress progress;
    private final JsonMapper json;
    private final DeadLetters deadLetters;

    ReferralProgressListener(ReferralProgress progress, JsonMapper json, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.progress = progress;
        this.json = json;
    }

    @Topic("appointments.referral.v1")
    void receive(ConsumerRecord<String, String> record) {
        Event event;
        try {
            event = json.readValue(record.value(), Event.class);
        } catch (IOException | RuntimeException e) {
            deadLetters.send(record, "proxy-referral-progress", "unreadable: " + e.getMessage());
            return;
        }
        Event.Body body = event.referral();
        if (event.eventId() == null || body == null || !"PROXY_REQUEST".equals(body.source()) || body.sourceId() == null) {
            return;
        }
        progress.record(UUID.fromString(event.eventId()), UUID.fromString(body.sourceId()), body.target(), body.status(),
                body.outcome());
    }

    @Serdeable
    record Event(@Nullable String eventId, @Nullable Body referral) {

        @Serdeable
        record Body(@Nullable String referralId, @Nullable String source, @Nullable String sourceId, @Nullable String target,
                    @Nullable String status, @Nullable String outcome) {
        }
    }
}
