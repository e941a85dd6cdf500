package cn.nanning.civic.gateway.notifications;

import cn.nanning.civic.common.wechat.WeChatClient;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers a citizen notification as a WeChat subscribe message. The gateway alone knows the citizen's openid, so
 * modules only name the account. Each event is handled once: the delivery row and the send share a transaction,
 * and a WeChat outage rolls both back so the record is retried.
 */
@Singleton
@Requires(property = "civic.notifications.enabled", notEquals = "false")
class NotificationDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliveries.class);
    /** The user has not subscribed to (or has cancelled) this template: not an outage, do not retry. */
    private static final int USER_REFUSED = 43101;

    private final JdbcOperations jdbc;
    private final WeChatClient weChat;
    private final Map<String, String> templates;

    NotificationDeliveries(JdbcOperations jdbc, WeChatClient weChat,
                           @Property(name = "civic.wechat.templates") Map<String, String> templates) {
        this.jdbc = jdbc;
        this.weChat = weChat;
        this.templates = templates;
    }

    /** @return what happened, also stored: SENT, REFUSED, NO_ACCOUNT, NO_TEMPLATE or DUPLICATE */
    @Transactional
    public String deliver(UUID eventId, CitizenNotification notification) throws WxErrorException, WeChatClient.Unavailable {
        String templateId = templates.get(notification.template());
        UUID account = UUID.fromString(notification.accountId());
        Optional<String> openid = openid(account);
        String outcome = templateId == null ? "NO_TEMPLATE" : openid.isEmpty() ? "NO_ACCOUNT" : "SENT";
        if (!record(eventId, account, notification.template(), outcome)) {
            return "DUPLICATE";
        }
        if (!"SENT".equals(outcome)) {
            LOG.warn("Notification {} not sent: {}", eventId, outcome);
            return outcome;
        }
        WxMaSubscribeMessage message = WxMaSubscribeMessage.builder()
                .toUser(openid.get())
                .templateId(templateId)
                .page(notification.page())
                .build();
        notification.data().forEach((name, value) -> message.addData(new WxMaSubscribeMessage.MsgData(name, value)));
        try {
            weChat.call(w -> {
                w.getMsgService().sendSubscribeMsg(message);
                return null;
            });
            return outcome;
        } catch (WxErrorException e) {
            if (e.getError() != null && e.getError().getErrorCode() == USER_REFUSED) {
                jdbc.prepareStatement("update identity.notification_delivery set outcome = 'REFUSED' where event_id = ?", s -> {
                    s.setObject(1, eventId);
                    return s.executeUpdate();
                });
                return "REFUSED";
            }
            throw e;
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

    private boolean record(UUID eventId, UUID account, String template, String outcome) {
        return jdbc.prepareStatement("""
                insert into identity.notification_delivery (event_id, account_id, template, outcome, delivered_at)
                values (?, ?, ?, ?, ?) on conflict (event_id) do nothing""", s -> {
            s.setObject(1, eventId);
            s.setObject(2, account);
            s.setString(3, template);
            s.setString(4, outcome);
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            return s.executeUpdate() == 1;
        });
    }
}
