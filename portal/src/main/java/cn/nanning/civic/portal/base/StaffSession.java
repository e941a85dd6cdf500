package cn.nanning.civic.portal.base;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.gateway.StaffSignIn;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in staff member, kept server side in the Vaadin session. Tokens never reach the browser.
 */
public record StaffSession(
        String displayName,
        @Nullable String regionCode,
        Set<Role> roles,
        String accessToken,
        String refreshToken) {

    public StaffSession {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    static StaffSession of(StaffSignIn signIn, String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (signIn.roles() != null) {
            for (String name : signIn.roles()) {
                knownRole(name).ifPresent(roles::add);
            }
        }
        String name = signIn.displayName() == null || signIn.displayName().isBlank() ? username : signIn.displayName();
        return new StaffSession(name, signIn.regionCode(), roles, signIn.accessToken(), signIn.refreshToken());
    }

    /** The signed-in staff member of the current Vaadin session, if any. */
    public static Optional<StaffSession> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(StaffSession.class));
    }

    /** Puts a signed-in staff member into the Vaadin session (login, token refresh, tests). */
    public static void store(VaadinSession session, @Nullable StaffSession staff) {
        session.setAttribute(StaffSession.class, staff);
    }

    public boolean hasAnyRole(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Role names in Chinese, in the enum's order, e.g. "律师、管理员". */
    public String roleLabels() {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining("、"));
    }

    StaffSession withTokens(String newAccessToken, String newRefreshToken) {
        return new StaffSession(displayName, regionCode, roles, newAccessToken, newRefreshToken);
    }

    private static Optional<Role> knownRole(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        // Keep tokens out of logs.
        return "StaffSession[" + displayName + ", " + regionCode + ", " + roles + "]";
    }
}
