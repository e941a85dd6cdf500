package cn.nanning.civic.e2e.platform;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Staff accounts for tests: working roles are created by the demo administrator through the gateway's API, as in the
 * portal; ADMIN and AUDITOR accounts, which only operations may create, are written into the identity schema with the
 * demo administrator's password hash (so every account here signs in with the demo password).
 */
public final class StaffData {

    private static final Api GATEWAY = new Api(Platform.GATEWAY);

    private StaffData() {
    }

    /** A new account with one role in a region; returns its user name. */
    public static String account(String role, String displayName, String regionCode) {
        String username = "e2e-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (role.equals("ADMIN") || role.equals("AUDITOR")) {
            ProxyData.token("admin");
            insertLikeDemoAdmin(username, displayName, role, regionCode);
            return username;
        }
        Api.Response created = GATEWAY.post("/api/v1/identity/staff", Map.of("username", username, "displayName", displayName,
                "roles", List.of(role), "regionCode", regionCode, "initialPassword", Platform.DEMO_STAFF_PASSWORD), ProxyData.token("admin"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create " + role + " account: " + created.status() + " " + created.body());
        }
        return username;
    }

    private static void insertLikeDemoAdmin(String username, String displayName, String role, String regionCode) {
        try (var connection = DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "");
             var insert = connection.prepareStatement("""
                     insert into identity.staff_account (id, username, password_hash, display_name, roles, region_code, enabled, created_at)
                     select ?, ?, password_hash, ?, ?, ?, true, now() from identity.staff_account where username = 'admin'""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, username);
            insert.setString(3, displayName);
            insert.setString(4, role);
            insert.setString(5, regionCode);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("the demo administrator is missing");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write a " + role + " account", e);
        }
    }

    /** The first village (村/社区) of a district, by code. */
    public static String firstVillageOf(String district) {
        String token = ProxyData.token("admin");
        String township = GATEWAY.get("/api/v1/regions/" + district + "/children", token).json().get(0).path("code").asText();
        return GATEWAY.get("/api/v1/regions/" + township + "/children", token).json().get(0).path("code").asText();
    }
}
