package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The legal-aid screens' calls through the gateway: applications and their decisions, lawyers to assign, completing
 * a consultation. (The agenda itself is the booking engine's, see {@code BookingClient}.)
 */
@Singleton
public class LegalAidClient {

    private static final String APPLICATIONS = "/api/v1/appointments/legal-aid/applications/";
    private static final String ASSISTED = "/api/v1/appointments/legal-aid/consultations/assisted";

    private final GatewayClient gateway;

    LegalAidClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Administrators: their area's applications; lawyers: those assigned to them. */
    public List<Application> applications(String token) {
        return gateway.call(() -> HttpRequest.GET(APPLICATIONS + "workbench").bearerAuth(token),
                Argument.listOf(Application.class));
    }

    public Application decide(String applicationId, boolean approve, String reasons, String token) {
        return gateway.call(() -> HttpRequest.POST(APPLICATIONS + applicationId + "/decision",
                Map.of("approve", approve, "reasons", reasons)).bearerAuth(token), Argument.of(Application.class));
    }

    public Application requestSupplement(String applicationId, String materials, String token) {
        return gateway.call(() -> HttpRequest.POST(APPLICATIONS + applicationId + "/supplement-request",
                Map.of("materials", materials)).bearerAuth(token), Argument.of(Application.class));
    }

    public Application assign(String applicationId, String providerId, String token) {
        return gateway.call(() -> HttpRequest.POST(APPLICATIONS + applicationId + "/assignment",
                Map.of("providerId", providerId)).bearerAuth(token), Argument.of(Application.class));
    }

    /** Lawyers and legal-aid staff working at places within a region: the people an application can be assigned to. */
    public List<Lawyer> lawyers(String regionCode, String token) {
        return Stream.of("LAWYER", "LEGAL_AID_STAFF")
                .flatMap(kind -> gateway.call(() -> HttpRequest.GET("/api/v1/appointments/providers?kind=" + kind
                        + "&regionCode=" + regionCode).bearerAuth(token), Argument.listOf(Lawyer.class)).stream())
                .toList();
    }

    /** Free slots of one provider on one day. */
    public List<Slot> slots(String providerId, java.time.LocalDate day, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/providers/" + providerId + "/slots?from=" + day + "&to=" + day)
                .bearerAuth(token), Argument.listOf(Slot.class));
    }

    /** A clerk books a consultation for a resident at the counter (代为预约), with the resident's consent. */
    public AssistedBooking bookForResident(String providerId, String startsAt, String mode, String topic, String residentName,
                                           String residentPhone, boolean consent, String token) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("providerId", providerId, "startsAt", startsAt, "mode", mode,
                "residentName", residentName, "residentPhone", residentPhone, "consent", consent));
        if (!topic.isBlank()) {
            body.put("topic", topic);
        }
        return gateway.call(() -> HttpRequest.POST(ASSISTED, body).bearerAuth(token), Argument.of(AssistedBooking.class));
    }

    /** The clerk's own assisted bookings, newest first. */
    public List<AssistedBooking> assistedBookings(String token) {
        return gateway.call(() -> HttpRequest.GET(ASSISTED).bearerAuth(token), Argument.listOf(AssistedBooking.class));
    }

    /** The resident behind a booking made at the counter (masked), for its lawyer. */
    public AssistedBooking assistedBooking(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.GET(ASSISTED + "/" + bookingId).bearerAuth(token), Argument.of(AssistedBooking.class));
    }

    public Completion complete(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/legal-aid/consultations/" + bookingId + "/completed", Map.of())
                .bearerAuth(token), Argument.of(Completion.class));
    }

    @Serdeable
    public record Application(String id, String status, String statusLabel, String applicantName, String caseTypeLabel,
                              String submittedOn, String decisionDue, boolean clockPaused, @Nullable String assignmentDue,
                              boolean overdue, @Nullable String description, @Nullable String assignedLawyerName) {
    }

    @Serdeable
    public record Lawyer(String id, String displayName, String kindLabel) {
    }

    @Serdeable
    public record Slot(String startsAt, String endsAt) {
    }

    @Serdeable
    public record AssistedBooking(String bookingId, String residentName, String residentPhone, String providerName,
                                  String startsAt, String endsAt, String status, String statusLabel, @Nullable String topic,
                                  @Nullable String placeName) {
    }

    @Serdeable
    public record Completion(String bookingId, long minutes, boolean volunteerLawyer) {
    }
}
