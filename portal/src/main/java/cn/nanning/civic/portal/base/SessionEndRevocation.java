package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a portal session ends without signing out (the idle timeout, a closed browser, a server restart of the
 * session store), the staff member's refresh token is revoked at the gateway too, so it cannot outlive the session
 * for its 30 days. Signing out already revoked it and cleared the session first, so nothing is revoked twice.
 */
@Singleton
final class SessionEndRevocation implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndRevocation.class);

    private final GatewayClient gateway;

    SessionEndRevocation(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            StaffSession staff = destroyed.getSession().getAttribute(StaffSession.class);
            if (staff == null) {
                return;
            }
            try {
                gateway.signOut(staff.accessToken(), staff.refreshToken());
                LOG.info("Session of {} ended; refresh token revoked", staff);
            } catch (GatewayException e) {
                // The refresh token then expires at the gateway on its own; nothing else holds it.
                LOG.warn("Could not revoke the refresh token of an ended session ({})", e.status());
            }
        });
    }
}
