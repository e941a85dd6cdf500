package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.gateway.DisplayPreferences;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.core.annotation.Nullable;

/**
 * How the portal is drawn for the signed-in person: 大字模式 puts the class {@code large-text} on the page's body,
 * which the portal's style sheet ({@code META-INF/resources/styles/portal.css}) turns into body text of 20 px and
 * more. The choice is stored at the gateway with the account, read at sign-in and kept in the session, so every page
 * (also after a reload, which starts a new UI) and every computer the person signs in on shows it.
 */
public final class Display {

    static final String LARGE_TEXT = "large-text";

    private Display() {
    }

    /** The current session's preferences (defaults before they were read). */
    public static DisplayPreferences current() {
        VaadinSession session = VaadinSession.getCurrent();
        DisplayPreferences known = session == null ? null : session.getAttribute(DisplayPreferences.class);
        return known == null ? DisplayPreferences.DEFAULT : known;
    }

    /** Keeps the preferences in the session and applies them to the page at once. */
    public static void remember(DisplayPreferences preferences) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(DisplayPreferences.class, preferences);
        }
        apply(UI.getCurrent());
    }

    /** Puts the session's preferences on the page's body (called on every navigation of the signed-in layout). */
    static void apply(@Nullable UI ui) {
        if (ui != null) {
            ui.getElement().getClassList().set(LARGE_TEXT, current().largeText());
        }
    }
}
