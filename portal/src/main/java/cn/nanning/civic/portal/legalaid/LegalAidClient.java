package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The legal-aid screens' calls through the gateway: the provider's agenda, applications, completing a consultation. */
@Singleton
public class LegalAidClient {

    private final GatewayClient gateway;

    LegalAidClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Booking> agenda(LocalDate day, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/bookings/agenda?from=" + day + "&to=" + day).bearerAuth(token),
                Argument.listOf(Booking.class));
    }

    /** Administrators: their area's applications; lawyers: those assigned to them. */
    public List<Application> applications(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/legal-aid/applications/workbench").bearerAuth(token),
                Argument.listOf(Application.class));
    }

    public Completion complete(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/legal-aid/consultations/" + bookingId + "/completed", Map.of())
                .bearerAuth(token), Argument.of(Completion.class));
    }

    @Serdeable
    public record Booking(String id, String service, String serviceLabel, String modeLabel, String startsAt, String endsAt,
                          String status, String statusLabel, @Nullable String topic, boolean urgent) {
    }

    @Serdeable
    public record Application(String id, String status, String statusLabel, String applicantName, String caseTypeLabel,
                              String submittedOn, String decisionDue, boolean clockPaused, @Nullable String assignmentDue,
                              boolean overdue) {
    }

    @Serdeable
    public record Completion(String bookingId, long minutes, boolean volunteerLawyer) {
    }
}
