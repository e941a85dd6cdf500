package cn.nanning.civic.gateway.notifications;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The notification a module asked for (see the services kernel's CitizenNotifications). */
@Serdeable
record CitizenNotification(String accountId, String template, Map<String, String> data, String page) {

    /** The outbox envelope: event id and time around the notification. */
    @Serdeable
    record Envelope(String eventId, String eventType, String occurredAt, CitizenNotification notification) {
    }
}
