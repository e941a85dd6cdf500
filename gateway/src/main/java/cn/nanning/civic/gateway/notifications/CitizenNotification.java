package cn.nanning.civic.gateway.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The notification a module asked for (see the services kernel's CitizenNotifications); {@code ownAction} when it
 * reports the citizen's own action (委托, 回访), which is kept in the inbox but never uses up a WeChat subscription.
 */
@Serdeable
record CitizenNotification(String accountId, String template, Map<String, String> data, String page, @Nullable Boolean ownAction) {

    /** The outbox envelope: event id and time around the notification. */
    @Serdeable
    record Envelope(String eventId, String eventType, String occurredAt, CitizenNotification notification) {
    }
}
