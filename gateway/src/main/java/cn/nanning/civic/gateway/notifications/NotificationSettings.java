package cn.nanning.civic.gateway.notifications;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A citizen's notices and subscriptions in brief, for {@code GET /api/v1/me}. */
@Singleton
public class NotificationSettings {

    private final NotificationInbox inbox;
    private final NotificationConsents consents;
    private final NotificationTemplates templates;

    NotificationSettings(NotificationInbox inbox, NotificationConsents consents, NotificationTemplates templates) {
        this.inbox = inbox;
        this.consents = consents;
        this.templates = templates;
    }

    /** Per template: its WeChat id and how many one-time subscriptions the citizen still holds. */
    @Serdeable
    public record Subscription(String key, String templateId, String title, int remaining) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(long unread, List<Subscription> subscriptions) {
    }

    @Transactional(readOnly = true)
    public Summary of(UUID accountId) {
        Map<String, Integer> remaining = consents.remaining(accountId);
        return new Summary(inbox.count(accountId, true), templates.all().stream()
                .map(t -> new Subscription(t.key(), t.templateId(), t.title(), remaining.getOrDefault(t.key(), 0)))
                .toList());
    }
}
