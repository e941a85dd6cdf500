package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.StaffSignIn;
import cn.nanning.civic.portal.micronaut.KaribuPortal;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.EnumSet;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

/**
 * Base of portal view tests against the real platform: the portal's views run browserless (Karibu) in this JVM, wired
 * like production, and every call they make goes to the end-to-end gateway, which forwards to the real services.
 * Use it to check what a view shows and does with real data; use {@code PortalBrowser} for what only a browser shows.
 */
public abstract class PortalViewTest {

    protected static ApplicationContext portal;

    @BeforeAll
    static void startPortalContext() {
        Platform.get();
        portal = KaribuPortal.startContext("http://127.0.0.1:" + Platform.GATEWAY);
    }

    @AfterAll
    static void closePortalContext() {
        portal.close();
    }

    @BeforeEach
    void setUpVaadin() {
        KaribuPortal.setup(portal);
    }

    @AfterEach
    void tearDownVaadin() {
        KaribuPortal.tearDown();
    }

    /** Signs a demo staff member in at the real gateway and puts them into the current Vaadin session. */
    protected static StaffSession signIn(String username) {
        StaffSignIn answer = portal.getBean(GatewayClient.class).signIn(username, Platform.DEMO_STAFF_PASSWORD);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        answer.roles().forEach(name -> roles.add(Role.valueOf(name)));
        StaffSession staff = new StaffSession(answer.displayName(), answer.regionCode(), roles,
                answer.accessToken(), answer.refreshToken());
        StaffSession.store(VaadinSession.getCurrent(), staff);
        return staff;
    }

    /** What the outcome line with this id says (beside the button that was clicked). */
    protected static String outcome(String id) {
        return _get(Outcome.class, spec -> spec.withId(id)).message();
    }

    /** Clicks a button that asks for confirmation, then confirms in its dialog. */
    protected static void clickAndConfirm(String buttonId) {
        _click(_get(Button.class, spec -> spec.withId(buttonId)));
        _click(_get(Button.class, spec -> spec.withId(buttonId + "-confirm")));
    }

    /** Clicks a button that asks for a reason, gives it and confirms. */
    protected static void clickWithReason(String buttonId, String reason) {
        _click(_get(Button.class, spec -> spec.withId(buttonId)));
        _get(TextArea.class, spec -> spec.withId(buttonId + "-reason")).setValue(reason);
        _click(_get(Button.class, spec -> spec.withId(buttonId + "-confirm")));
    }

    /** Signs in and opens a view, as the staff member would by clicking its menu entry. */
    protected static void open(String username, Class<? extends com.vaadin.flow.component.Component> view) {
        signIn(username);
        UI.getCurrent().navigate(view);
    }
}
