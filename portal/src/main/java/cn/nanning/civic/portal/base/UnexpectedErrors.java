package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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
