package cn.nanning.civic.portal.booking;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Missing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's calls for the booking engine's directory through the gateway: places, providers and their
 * weekly plans, the staff accounts that can become providers, and overdue legal-aid applications.
 */
@Singleton
public class DirectoryClient {

    private static final String BASE = "/api/v1/appointments";

    private final GatewayClient gateway;

    DirectoryClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Place> places(String area, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/places?region=" + encode(area)).bearerAuth(token),
                Argument.listOf(Place.class));
    }

    /** Sets how residents reach a place; empty parts are cleared. */
    public Place changeContact(String placeId, @Nullable String phone, @Nullable String openingHours, @Nullable Double latitude,
                               @Nullable Double longitude, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", phone);
        body.put("openingHours", openingHours);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return gateway.call(() -> HttpRequest.PUT(BASE + "/places/" + placeId + "/contact", body).bearerAuth(token), Argument.of(Place.class));
    }

    public Place createPlace(String name, String kind, String regionCode, @Nullable String address, String token) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", kind, "regionCode", regionCode));
        if (address != null && !address.isBlank()) {
            body.put("address", address);
        }
        return gateway.call(() -> HttpRequest.POST(BASE + "/places", body).bearerAuth(token), Argument.of(Place.class));
    }

    public List<Provider> providers(String area, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/providers?region=" + encode(area)).bearerAuth(token),
                Argument.listOf(Provider.class));
    }

    public Provider createProvider(String accountId, String displayName, String kind, String placeId, int slotMinutes,
                                   int minNoticeMinutes, String token) {
        Map<String, Object> body = Map.of("accountId", accountId, "displayName", displayName, "kind", kind,
                "placeId", placeId, "slotMinutes", slotMinutes, "minNoticeMinutes", minNoticeMinutes);
        return gateway.call(() -> HttpRequest.POST(BASE + "/providers", body).bearerAuth(token), Argument.of(Provider.class));
    }

    public Provider replacePlan(String providerId, List<Window> windows, String token) {
        return gateway.call(() -> HttpRequest.PUT(BASE + "/providers/" + providerId + "/plan", Map.of("windows", windows))
                .bearerAuth(token), Argument.of(Provider.class));
    }

    /** Staff accounts of the area holding one role (lawyers or counsellors who could take bookings). */
    public List<StaffAccount> staff(String role, String area, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/identity/staff?region=" + encode(area) + "&role=" + role).bearerAuth(token),
                Argument.listOf(StaffAccount.class));
    }

    public List<OverdueApplication> overdueApplications(String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/legal-aid/applications/overdue").bearerAuth(token),
                Argument.listOf(OverdueApplication.class));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Serdeable
    public record Place(String id, String name, String kind, String kindLabel, String regionCode, @Nullable String regionName,
                        @Nullable String address, @Nullable String phone, @Nullable String openingHours, @Nullable Double latitude,
                        @Nullable Double longitude) {
    }

    @Serdeable
    public record Window(int weekday, String starts, String ends) {
    }

    @Serdeable
    public record Provider(String id, String accountId, String displayName, String kind, String kindLabel, Place place,
                           int slotMinutes, int minNoticeMinutes, List<Window> plan) {

        public Provider {
            plan = Missing.orEmpty(plan);
        }

        /** The weekly windows. */
        public List<Window> windows() {
            return plan;
        }
    }

    @Serdeable
    public record StaffAccount(String id, String username, String displayName, List<String> roles, String regionCode) {
        public StaffAccount {
            roles = Missing.orEmpty(roles);
        }
    }

    @Serdeable
    public record OverdueApplication(String id, String statusLabel, String applicantName, String caseTypeLabel,
                                     String submittedOn, String decisionDue, @Nullable String assignmentDue) {
    }
}
