package cn.nanning.civic.gateway.notifications;

import cn.nanning.civic.common.wechat.WeChatClient;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Delivers a citizen notification: always into the citizen's in-app inbox, and as a WeChat subscribe message only
 * while the citizen holds an accepted one-time subscription of that template and the notice is not about the
 * citizen's own action. The gateway alone knows the citizen's openid, so modules only name the account.
 * <p>
 * Each event is handled once: the inbox row (with the decision, a subscription used up) is committed first; the send
 * follows. A WeChat outage leaves the row {@code PENDING} and throws, so the Kafka record is retried and only the send
 * is repeated; a message WeChat never takes stays in the inbox.
 */
@Singleton
@Requires(property = "civic.notifications.enabled", notEquals = "false")
class NotificationDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliveries.class);
    /** The user has not subscribed to (or has cancelled) this template: not an outage, do not retry. */
    private static final int USER_REFUSED = 43101;

    static final String PENDING = "PENDING";

    private final JdbcOperations jdbc;
    private final WeChatClient weChat;
    private final NotificationTemplates templates;
    private final NotificationInbox inbox;
    private final NotificationConsents consents;
    private final JsonMapper json;

    NotificationDeliveries(JdbcOperations jdbc, WeChatClient weChat, NotificationTemplates templates, NotificationInbox inbox,
                           NotificationConsents consents, JsonMapper json) {
        this.jdbc = jdbc;
        this.weChat = weChat;
        this.templates = templates;
        this.inbox = inbox;
        this.consents = consents;
        this.json = json;
    }

    /** What to do with a notification once it is stored. */
    record Decision(String outcome, String openid, String templateId) {
    }

    /**
     * @return what happened, also stored: SENT, REFUSED (WeChat: no subscription), NO_CONSENT (none left with us),
     * OWN_ACTION, NO_ACCOUNT, NO_TEMPLATE or DUPLICATE
     */
    public String deliver(UUID eventId, CitizenNotification notification) throws WxErrorException, WeChatClient.Unavailable {
        Decision decision = decide(eventId, notification);
        if (!PENDING.equals(decision.outcome())) {
            if (!"DUPLICATE".equals(decision.outcome())) {
                LOG.info("Notification {} kept in the inbox without a WeChat message: {}", eventId, decision.outcome());
            }
            return decision.outcome();
        }
        WxMaSubscribeMessage message = WxMaSubscribeMessage.builder()
                .toUser(decision.openid())
                .templateId(decision.templateId())
                .page(notification.page())
                .build();
        notification.data().forEach((name, value) -> message.addData(new WxMaSubscribeMessage.MsgData(name, value)));
        try {
            weChat.call(w -> {
                w.getMsgService().sendSubscribeMsg(message);
                return null;
            });
        } catch (WxErrorException e) {
            if (e.getError() != null && e.getError().getErrorCode() == USER_REFUSED) {
                refused(eventId, UUID.fromString(notification.accountId()), notification.template());
                return "REFUSED";
            }
            throw e;
        }
        inbox.outcome(eventId, "SENT");
        return "SENT";
    }

    /** Stores the notice and decides on the WeChat message in one transaction; a stored PENDING one is sent again. */
    @Transactional
    public Decision decide(UUID eventId, CitizenNotification notification) {
        UUID account = UUID.fromString(notification.accountId());
        String templateId = templates.byKey(notification.template()).map(NotificationTemplates.Template::templateId).orElse(null);
        Optional<String> openid = openid(account);
        Optional<NotificationInbox.Stored> stored = inbox.byEvent(eventId);
        if (stored.isPresent()) {
            return PENDING.equals(stored.get().outcome()) && openid.isPresent() && templateId != null
                    ? new Decision(PENDING, openid.get(), templateId)
                    : new Decision("DUPLICATE", null, null);
        }
        String outcome;
        if (templateId == null) {
            outcome = "NO_TEMPLATE";
        } else if (openid.isEmpty()) {
            outcome = "NO_ACCOUNT";
        } else if (Boolean.TRUE.equals(notification.ownAction())) {
            outcome = "OWN_ACTION";
        } else if (!consents.take(account, notification.template())) {
            outcome = "NO_CONSENT";
        } else {
            outcome = PENDING;
        }
        inbox.store(eventId, account, notification.template(), templates.title(notification.template()), body(notification.data()),
                write(notification.data()), notification.page(), outcome, Instant.now());
        return new Decision(outcome, openid.orElse(null), templateId);
    }

    @Transactional
    public void refused(UUID eventId, UUID account, String template) {
        inbox.outcome(eventId, "REFUSED");
        consents.none(account, template);
    }

    /** The template fields in their order (thing1, time2, …), as one line a person reads. */
    static String body(Map<String, String> data) {
        return data.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> ordinal(e.getKey())).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue)
                .filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining("，"));
    }

    private static int ordinal(String field) {
        String digits = field.replaceAll("\\D", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits.length() > 6 ? digits.substring(0, 6) : digits);
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> openid(UUID account) {
        return jdbc.prepareStatement("select openid from identity.citizen_account where id = ?", s -> {
            s.setObject(1, account);
            try (var rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
