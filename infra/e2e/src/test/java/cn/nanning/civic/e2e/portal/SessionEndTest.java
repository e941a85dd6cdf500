package cn.nanning.civic.e2e.portal;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.portal.base.StaffSession;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A portal session that ends, by signing out or without (idle timeout), takes the staff member's refresh token with it. */
class SessionEndTest extends PortalViewTest {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    @Test
    void anEndedSessionsRefreshTokenIsRevokedAtTheGateway() {
        StaffSession staff = signIn("convener");
        StaffSession other = signIn("convener");
        StaffSession.store(VaadinSession.getCurrent(), staff);

        VaadinSession session = VaadinSession.getCurrent();
        VaadinService service = VaadinService.getCurrent();
        // What the servlet container does when the idle timeout drops the HTTP session; the destroy runs as an
        // access task, which a real request thread runs when it lets go of the session lock.
        service.fireSessionDestroy(session);
        service.runPendingAccessTasks(session);

        Api.Response refresh = GATEWAY.post("/api/v1/auth/refresh", Map.of("refreshToken", staff.refreshToken()), null);
        assertThat(refresh.status()).as("the ended session's refresh token no longer works").isEqualTo(401);
        assertThat(refresh.contentType()).startsWith("application/problem+json");
        assertThat(GATEWAY.post("/api/v1/auth/refresh", Map.of("refreshToken", other.refreshToken()), null).status())
                .as("another session of the same person is untouched").isEqualTo(200);
        freshMockSession();
    }

    /** The mock session is closed now; the common tear-down wants an open one. */
    private static void freshMockSession() {
        try {
            cn.nanning.civic.portal.micronaut.KaribuPortal.tearDown();
        } catch (AssertionError | RuntimeException closedAlready) {
            // Closing a closed session; nothing left to release.
        }
        cn.nanning.civic.portal.micronaut.KaribuPortal.setup(portal);
    }

    @Test
    void signingOutRevokesTheRefreshTokenToo() {
        StaffSession staff = signIn("convener");
        com.vaadin.flow.component.UI.getCurrent().navigate(cn.nanning.civic.portal.base.HomeView.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._click(com.github.mvysny.kaributesting.v10.LocatorJ._get(
                com.vaadin.flow.component.button.Button.class, spec -> spec.withText("退出登录")));
        assertThat(GATEWAY.post("/api/v1/auth/refresh", Map.of("refreshToken", staff.refreshToken()), null).status()).isEqualTo(401);
    }
}
