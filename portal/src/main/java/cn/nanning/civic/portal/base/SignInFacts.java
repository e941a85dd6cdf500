package cn.nanning.civic.portal.base;

import com.vaadin.flow.server.VaadinSession;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * What the gateway said about the account at sign-in beyond the tokens: whether a second factor (动态口令) is bound,
 * and its notice for the person (e.g. that their role needs one), and the user name signed in with (to sign in again
 * after a password change). Kept in the session for 我的账号 and the home page; never shown.
 */
public record SignInFacts(String username, boolean secondFactorEnrolled, @Nullable String notice) {

    public static Optional<SignInFacts> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(SignInFacts.class));
    }

    static void store(VaadinSession session, @Nullable SignInFacts facts) {
        session.setAttribute(SignInFacts.class, facts);
    }

    /** After the person bound their second factor in this session: the notice about it no longer applies. */
    public static void secondFactorBound() {
        VaadinSession session = VaadinSession.getCurrent();
        SignInFacts known = session == null ? null : session.getAttribute(SignInFacts.class);
        if (known != null) {
            session.setAttribute(SignInFacts.class, new SignInFacts(known.username(), true, null));
        }
    }
}
