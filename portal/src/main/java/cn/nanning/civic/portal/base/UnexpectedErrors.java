package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person sees when something fails that no view expected (a bug, not a refusal from the services): a Chinese
 * notice, while the exception and its stack trace go to the log. Vaadin's default would show its English
 * "Internal error" box and leave the page unusable.
 */
@Singleton
final class UnexpectedErrors implements VaadinServiceInitListener, ErrorHandler {

    static final String NOTICE = "操作未完成：系统出现问题，问题已记录。请刷新页面后再试；如果仍不成功，请联系管理员。";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
        event.getSource().setSystemMessagesProvider(info -> SYSTEM_MESSAGES);
        event.getSource().addUIInitListener(init -> {
            init.getUI().getReconnectDialogConfiguration().setDialogText("与服务器的连接中断，正在重新连接…");
            init.getUI().getReconnectDialogConfiguration().setDialogTextGaveUp("无法连接服务器。请检查网络，然后刷新页面。");
            // The client's connection indicator has its own English words ("Online", "Connection lost").
            init.getUI().getPage().executeJs(CONNECTION_TEXTS);
        });
    }

    static final String CONNECTION_TEXTS = """
            const texts = {onlineText: '已连接服务器', offlineText: '与服务器的连接中断，请检查网络',
                reconnectingText: '与服务器的连接中断，正在重新连接…'};
            const apply = () => {
              const indicator = window.Vaadin && window.Vaadin.connectionIndicator;
              if (indicator) { Object.assign(indicator, texts); }
              return !!indicator;
            };
            if (!apply()) { setTimeout(apply, 300); setTimeout(apply, 2000); }""";

    /** Vaadin's own notices (session expired, internal error, cookies off) in Chinese; a click on them reloads the page. */
    static final CustomizedSystemMessages SYSTEM_MESSAGES = chineseSystemMessages();

    private static CustomizedSystemMessages chineseSystemMessages() {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption("登录已超时");
        messages.setSessionExpiredMessage("长时间未操作，为保护居民信息已自动退出。请点击此处或按 Esc 键重新登录，未保存的内容需要重新填写。");
        messages.setInternalErrorCaption("系统出现问题");
        messages.setInternalErrorMessage("问题已记录。请点击此处或按 Esc 键刷新页面后再试；如果仍不成功，请联系管理员。");
        messages.setCookiesDisabledCaption("浏览器禁用了 Cookie");
        messages.setCookiesDisabledMessage("本系统需要浏览器启用 Cookie 才能登录。请在浏览器设置中启用后刷新页面。");
        return messages;
    }

    @Override
    public void error(ErrorEvent event) {
        LOG.error("Unexpected error in the portal UI", event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notice = new Notification(NOTICE, 10_000, Notification.Position.MIDDLE);
            notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notice.setId("unexpected-error");
            notice.open();
        }
    }
}
