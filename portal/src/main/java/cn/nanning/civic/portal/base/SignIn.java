package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.gateway.DisplayPreferences;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.StaffSignIn;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/** Signing in and out against the gateway, and calls that carry (and refresh) the staff member's token. */
@Singleton
public class SignIn {

    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);

    private final GatewayClient gateway;

    SignIn(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Signs in; on failure throws {@link GatewayException} with the gateway's Chinese explanation. */
    StaffSession signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /** Signs in with an optional one-time code, passing the browser's address on to the gateway. */
    StaffSession signIn(String username, String password, String otp) {
        VaadinRequest request = VaadinRequest.getCurrent();
        String browser = request == null ? null : browserAddress(request.getHeader("X-Forwarded-For"), request.getRemoteAddr());
        StaffSignIn answer = gateway.signIn(username, password, otp, browser);
        StaffSession staff = StaffSession.of(answer, username);
        // A fresh session id after sign-in defeats session fixation.
        if (request != null) {
            VaadinService.reinitializeSession(request);
        }
        StaffSession.store(VaadinSession.getCurrent(), staff);
        SignInFacts.store(VaadinSession.getCurrent(), new SignInFacts(username, "TOTP".equals(answer.secondFactor()), answer.notice()));
        Display.remember(preferences(staff));
        LOG.info("Staff signed in: {}", staff);
        return staff;
    }

    /**
     * A password change ends every sign-in of the account, this one too. Without a second factor the portal signs in
     * again with the new password at once (the person stays where they are); with one, it cannot (the code is the
     * person's), so the session ends and the login page says why. Returns whether the session goes on.
     */
    public boolean continueAfterPasswordChange(String newPassword) {
        SignInFacts facts = SignInFacts.current().orElse(null);
        if (facts != null && !facts.secondFactorEnrolled()) {
            try {
                signIn(facts.username(), newPassword, null);
                return true;
            } catch (GatewayException e) {
                LOG.info("Signing in again after a password change failed ({}); ending the session", e.status());
            }
        }
        VaadinSession session = VaadinSession.getCurrent();
        StaffSession.store(session, null);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().setLocation("login?" + LoginView.PASSWORD_CHANGED);
        }
        session.getSession().invalidate();
        return false;
    }

    /** The person's display preferences; the defaults when the gateway cannot say now (sign-in goes on). */
    private DisplayPreferences preferences(StaffSession staff) {
        try {
            return gateway.preferences(staff.accessToken());
        } catch (GatewayException e) {
            LOG.warn("Display preferences unavailable at sign-in ({}); using the defaults", e.status());
            return DisplayPreferences.DEFAULT;
        }
    }

    /**
     * The browser's address: the entry the ingress in front of the portal appended (rightmost X-Forwarded-For), or
     * the socket's peer when the portal is reached directly.
     */
    static String browserAddress(String forwardedFor, String remoteAddress) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return remoteAddress;
    }

    /** Revokes the refresh token at the gateway, then drops the whole HTTP session and returns to the login page. */
    void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        StaffSession.current().ifPresent(staff -> {
            try {
                gateway.signOut(staff.accessToken(), staff.refreshToken());
            } catch (GatewayException e) {
                // The session ends regardless; the refresh token then just expires at the gateway.
                LOG.warn("Gateway logout failed ({}); closing the session anyway", e.status());
            }
        });
        StaffSession.store(session, null);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().setLocation("login");
        }
        session.getSession().invalidate();
    }

    /**
     * Calls the gateway with the current access token; when the gateway says it expired, refreshes once and retries.
     */
    public <T> T withToken(Function<String, T> call) {
        StaffSession staff = StaffSession.current()
                .orElseThrow(() -> new IllegalStateException("no signed-in staff member"));
        try {
            return call.apply(staff.accessToken());
        } catch (GatewayException e) {
            if (!e.unauthorized()) {
                throw e;
            }
            var tokens = gateway.refresh(staff.refreshToken());
            StaffSession renewed = staff.withTokens(tokens.accessToken(), tokens.refreshToken());
            StaffSession.store(VaadinSession.getCurrent(), renewed);
            return call.apply(renewed.accessToken());
        }
    }
}
