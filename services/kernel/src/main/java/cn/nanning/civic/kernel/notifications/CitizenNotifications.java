package cn.nanning.civic.kernel.notifications;

import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;

/**
 * Asks for a message to a citizen's WeChat (a subscribe message). Modules decide what to say; the gateway, which
 * alone knows the citizen's openid and talks to WeChat, delivers it from topic {@value #TOPIC}. Sent in the same
 * transaction as the change it reports, so nobody is told about a change that did not happen.
 */
@Singleton
public class CitizenNotifications {

    public static final String TOPIC = "notifications.citizen.v1";

    private final Outbox outbox;

    CitizenNotifications(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param accountId   the citizen's account id (JWT sub)
     * @param template    our template key; the gateway maps it to the WeChat template id
     * @param data        template fields, e.g. {@code thing1 → 高龄津贴申领}
     * @param page        the mini-program page the message opens
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID notify(String accountId, String template, Map<String, String> data, String page) {
        return notify(accountId, template, data, page, false);
    }

    /**
     * As {@link #notify(String, String, Map, String)}; {@code ownAction} when the notice reports what the citizen did
     * themselves (委托, 回访): the gateway keeps it in the citizen's inbox but spends no WeChat subscription on it.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID notify(String accountId, String template, Map<String, String> data, String page, boolean ownAction) {
        return outbox.add(TOPIC, accountId, "CitizenNotificationRequested", "notification",
                new Notification(accountId, template, Map.copyOf(data), page, ownAction));
    }

    /** A text for a subscribe message's {@code thing} field, which holds at most 20 characters. */
    public static String thing(String text) {
        return text.length() <= 20 ? text : text.substring(0, 19) + "…";
    }

    @Serdeable
    public record Notification(String accountId, String template, Map<String, String> data, String page, boolean ownAction) {
    }
}
