package cn.nanning.civic.gateway.notifications;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import me.chanjar.weixin.common.error.WxErrorException;

import java.io.IOException;
import java.util.UUID;

/** Consumes the notifications modules ask for and hands each to {@link NotificationDeliveries}. */
@KafkaListener(groupId = "gateway-notifier", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryDelay = "1s", retryCount = 8))
@Requires(property = "civic.notifications.enabled", notEquals = "false")
class NotificationListener {

    private final NotificationDeliveries deliveries;
    private final JsonMapper json;

    NotificationListener(NotificationDeliveries deliveries, JsonMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    @Topic("notifications.citizen.v1")
    void receive(String value) throws IOException, WxErrorException {
        CitizenNotification.Envelope envelope = json.readValue(value, CitizenNotification.Envelope.class);
        deliveries.deliver(UUID.fromString(envelope.eventId()), envelope.notification());
    }
}
