package cn.nanning.civic.gateway.notifications;

import cn.nanning.civic.common.kafka.DeadLetters;
import cn.nanning.civic.common.wechat.WeChatClient;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import me.chanjar.weixin.common.error.WxErrorException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.UUID;

/** Consumes the notifications modules ask for and hands each to {@link NotificationDeliveries}. */
@KafkaListener(groupId = "gateway-notifier", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryDelay = "1s", retryCount = 8))
@Requires(property = "civic.notifications.enabled", notEquals = "false")
class NotificationListener {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);

    private final NotificationDeliveries deliveries;
    private final JsonMapper json;
    private final DeadLetters deadLetters;

    NotificationListener(NotificationDeliveries deliveries, JsonMapper json, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * Retries (with back-off) what may succeed later: WeChat or the database being unavailable; what still fails after
     * the retries goes to the dead-letter topic. A record that can never be delivered — not JSON, no event id, an
     * account id that is not one of ours — goes there at once, so it cannot hold up every notification behind it.
     */
    @Topic("notifications.citizen.v1")
    void receive(ConsumerRecord<String, String> record) throws WxErrorException, WeChatClient.Unavailable {
        String value = record.value();
        UUID eventId;
        CitizenNotification notification;
        try {
            CitizenNotification.Envelope envelope = json.readValue(value, CitizenNotification.Envelope.class);
            eventId = UUID.fromString(envelope.eventId());
            notification = envelope.notification();
            UUID.fromString(notification.accountId());
            if (notification.template() == null || notification.data() == null) {
                throw new IllegalArgumentException("no template or data");
            }
        } catch (IOException | RuntimeException e) {
            deadLetters.send(record, "gateway-notifier", "undeliverable: " + e.getMessage());
            return;
        }
        deliveries.deliver(eventId, notification);
    }
}
