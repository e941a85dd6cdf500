package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Missing;
import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The proxy screens' calls to the gateway: service points, their staff, statistics and overdue requests. */
@Singleton
public class ProxyClient {

    private final GatewayClient gateway;

    ProxyClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Point> points(String region, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/points?region=" + encode(region)).bearerAuth(token),
                Argument.listOf(Point.class));
    }

    public Point point(String id, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/points/" + id).bearerAuth(token), Argument.of(Point.class));
    }

    public Point openPoint(String villageCode, String name, String address, String phone, List<String> itemCodes, String token) {
        Map<String, Object> body = Map.of("regionCode", villageCode, "name", name, "address", address, "phone", phone,
                "itemCodes", itemCodes);
        return gateway.call(() -> HttpRequest.POST("/api/v1/proxy/points", body).bearerAuth(token), Argument.of(Point.class));
    }

    public void assign(String pointId, String accountId, String role, String token) {
        gateway.call(() -> HttpRequest.POST("/api/v1/proxy/points/" + pointId + "/staff",
                Map.of("accountId", accountId, "role", role)).bearerAuth(token), Argument.of(byte[].class));
    }

    public void release(String pointId, String accountId, String token) {
        gateway.call(() -> HttpRequest.DELETE("/api/v1/proxy/points/" + pointId + "/staff/" + accountId).bearerAuth(token),
                Argument.of(byte[].class));
    }

    public void addItems(String pointId, List<String> itemCodes, String token) {
        gateway.call(() -> HttpRequest.POST("/api/v1/proxy/points/" + pointId + "/items",
                Map.of("itemCodes", itemCodes)).bearerAuth(token), Argument.of(byte[].class));
    }

    /** Staff accounts of an area, optionally of one role (administrators only). */
    public List<StaffMember> staff(@Nullable String role, String region, String token) {
        String query = "?region=" + encode(region) + (role == null ? "" : "&role=" + role);
        return gateway.call(() -> HttpRequest.GET("/api/v1/identity/staff" + query).bearerAuth(token),
                Argument.listOf(StaffMember.class));
    }

    public StaffMember createClerk(String username, String displayName, String regionCode, String initialPassword, String token) {
        Map<String, Object> body = Map.of("username", username, "displayName", displayName, "roles", List.of("CLERK"),
                "regionCode", regionCode, "initialPassword", initialPassword);
        return gateway.call(() -> HttpRequest.POST("/api/v1/identity/staff", body).bearerAuth(token), Argument.of(StaffMember.class));
    }

    public AreaStatistics statistics(String region, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/statistics?region=" + encode(region)).bearerAuth(token),
                Argument.of(AreaStatistics.class));
    }

    public List<ProxyRequestSummary> overdue(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/requests/overdue").bearerAuth(token),
                Argument.listOf(ProxyRequestSummary.class));
    }

    /**
     * A clerk registers a request on a resident's behalf; {@code channel} is IN_PERSON or PHONE, {@code contactKind}
     * SELF, RELATIVE (with the relation) or NONE.
     */
    public ProxyRequestSummary registerForResident(String pointId, String itemCode, String residentName, String residentPhone,
                                                   String contactKind, @Nullable String contactRelation, String channel,
                                                   String token) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("pointId", pointId, "itemCode", itemCode,
                "residentName", residentName, "residentPhone", residentPhone, "consent", true, "consentChannel", channel,
                "contactKind", contactKind));
        if (contactRelation != null && !contactRelation.isBlank()) {
            body.put("contactRelation", contactRelation.strip());
        }
        return gateway.call(() -> HttpRequest.POST("/api/v1/proxy/requests", body).bearerAuth(token),
                Argument.of(ProxyRequestSummary.class));
    }

    /** The resident's name and phone in full, for the clerk handling the request (the services audit it). */
    public ResidentContact contact(String requestId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/contact").bearerAuth(token),
                Argument.of(ResidentContact.class));
    }

    public List<Material> materials(String requestId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/materials").bearerAuth(token),
                Argument.listOf(Material.class));
    }

    /** Uploads a scanned material; the services check its content, so a wrong file gets a Chinese explanation. */
    public Material uploadMaterial(String requestId, String filename, byte[] content, String token) {
        return uploadMaterial(requestId, null, filename, content, token);
    }

    /** An upload for one line of the request's checklist (its name), or loose when {@code checklistItem} is null. */
    public Material uploadMaterial(String requestId, @Nullable String checklistItem, String filename, byte[] content, String token) {
        String query = checklistItem == null ? ""
                : "?checklistItem=" + java.net.URLEncoder.encode(checklistItem, java.nio.charset.StandardCharsets.UTF_8);
        return gateway.upload("/api/v1/proxy/requests/" + requestId + "/materials" + query, filename, content, token,
                Argument.of(Material.class));
    }

    public byte[] downloadMaterial(String requestId, String fileId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/requests/" + requestId + "/materials/" + fileId)
                .bearerAuth(token), Argument.of(byte[].class));
    }

    /** 回访: the resident's satisfaction (1–5) and comment, recorded by the clerk on the resident's behalf. */
    public ProxyRequestSummary followUp(String requestId, int satisfaction, String comment, String token) {
        Map<String, Object> body = comment == null || comment.isBlank() ? Map.of("satisfaction", satisfaction)
                : Map.of("satisfaction", satisfaction, "comment", comment.strip());
        return gateway.proxyStep(requestId, "follow-up", body, token);
    }

    /**
     * 转介 to legal aid ({@code LEGAL_AID}) or mediation ({@code MEDIATION}). The same {@code idempotencyKey} sent again
     * (a retry after no answer) answers the first referral and makes no second one.
     */
    public Referral refer(String requestId, String target, String reason, String idempotencyKey, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/proxy/requests/" + requestId + "/referrals",
                        Map.of("target", target, "reason", reason)).header("Idempotency-Key", idempotencyKey).bearerAuth(token),
                Argument.of(Referral.class));
    }

    /** A request's progress by its receipt number and the check code on its QR code: public, no sign-in, nothing personal. */
    public ReceiptProgress receiptProgress(String receiptNo, String code) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/proxy/public/receipts/" + encode(receiptNo) + "?code=" + encode(code)),
                Argument.of(ReceiptProgress.class));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Serdeable
    public record Point(String id, String regionCode, String name, @Nullable String address, @Nullable String phone,
                        boolean active, List<String> itemCodes, List<Staff> staff) {

        public Point {
            itemCodes = Missing.orEmpty(itemCodes);
            staff = Missing.orEmpty(staff);
        }
    }

    @Serdeable
    public record Referral(String id, String requestId, String target, String reason, Instant referredAt) {
    }

    @Serdeable
    public record ReceiptProgress(String receiptNo, String itemName, String status, String statusLabel,
                                  java.time.LocalDate acceptedOn, @Nullable java.time.LocalDate forwardDue,
                                  @Nullable java.time.LocalDate expectedBy, ReceiptPoint point, List<ReceiptStep> steps) {
        public ReceiptProgress {
            steps = Missing.orEmpty(steps);
        }
    }

    @Serdeable
    public record ReceiptPoint(String name, @Nullable String phone, @Nullable String address) {
    }

    @Serdeable
    public record ReceiptStep(String status, String statusLabel, Instant occurredAt) {
    }

    @Serdeable
    public record ResidentContact(String requestId, String residentName, @Nullable String phone, String contactKind,
                                  @Nullable String contactRelation) {
    }

    @Serdeable
    public record Material(String id, @Nullable String checklistItem, String displayName, String contentType, long sizeBytes,
                           Instant uploadedAt) {
    }

    @Serdeable
    public record Staff(String accountId, String role) {
    }

    @Serdeable
    public record StaffMember(String id, String username, String displayName, List<String> roles, String regionCode,
                              boolean enabled, boolean secondFactorEnrolled) {
        public StaffMember {
            roles = Missing.orEmpty(roles);
        }
    }

    @Serdeable
    public record AreaStatistics(String regionCode, long villages, long villagesAbleToProxy, double proxyCoverage,
                                 long activePoints, Map<String, Long> requestsByStatus, @Nullable Double medianHoursToDelivery,
                                 @Nullable Double onTimeForwardingShare, @Nullable Double averageSatisfaction) {
        public AreaStatistics {
            requestsByStatus = Missing.orEmpty(requestsByStatus);
        }
    }
}
