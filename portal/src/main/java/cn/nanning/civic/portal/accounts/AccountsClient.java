package cn.nanning.civic.portal.accounts;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Missing;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Staff accounts at the gateway: one's own password and second factor, and the administrator's directory. */
@Singleton
public class AccountsClient {

    private static final String STAFF = "/api/v1/identity/staff";

    private final GatewayClient gateway;

    AccountsClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public void changePassword(String currentPassword, String newPassword, String token) {
        gateway.call(() -> HttpRequest.POST("/api/v1/auth/staff/password",
                Map.of("currentPassword", currentPassword, "newPassword", newPassword)).bearerAuth(token), Argument.of(byte[].class));
    }

    public Enrolment startSecondFactor(String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/auth/staff/otp", Map.of()).bearerAuth(token), Argument.of(Enrolment.class));
    }

    public void confirmSecondFactor(String code, String token) {
        gateway.call(() -> HttpRequest.POST("/api/v1/auth/staff/otp/confirm", Map.of("otp", code)).bearerAuth(token),
                Argument.of(byte[].class));
    }

    /** The staff accounts of the administrator's area (at most 500). */
    public List<StaffMember> staff(String token) {
        return gateway.call(() -> HttpRequest.GET(STAFF).bearerAuth(token), Argument.listOf(StaffMember.class));
    }

    public StaffMember create(String username, String displayName, List<String> roles, String regionCode,
                              String initialPassword, String token) {
        return gateway.call(() -> HttpRequest.POST(STAFF, Map.of("username", username, "displayName", displayName,
                "roles", roles, "regionCode", regionCode, "initialPassword", initialPassword)).bearerAuth(token),
                Argument.of(StaffMember.class));
    }

    public StaffMember changeRoles(String id, List<String> roles, String token) {
        return gateway.call(() -> HttpRequest.PUT(STAFF + "/" + id + "/roles", Map.of("roles", roles)).bearerAuth(token),
                Argument.of(StaffMember.class));
    }

    public StaffMember disable(String id, String token) {
        return gateway.call(() -> HttpRequest.POST(STAFF + "/" + id + "/disable", Map.of()).bearerAuth(token),
                Argument.of(StaffMember.class));
    }

    public StaffMember resetSecondFactor(String id, String token) {
        return gateway.call(() -> HttpRequest.POST(STAFF + "/" + id + "/otp/reset", Map.of()).bearerAuth(token),
                Argument.of(StaffMember.class));
    }

    /** A new authenticator secret and its otpauth address (for the QR code). */
    @Serdeable
    public record Enrolment(String secret, String otpauthUri) {
    }

    @Serdeable
    public record StaffMember(String id, String username, String displayName, List<String> roles, String regionCode,
                              boolean enabled, boolean secondFactorEnrolled) {
        public StaffMember {
            roles = Missing.orEmpty(roles);
        }
    }
}
