package cn.nanning.civic.portal.psychology;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The counselling screens' calls through the gateway: the counsellor's agenda and their own clients' notes. */
@Singleton
public class CounsellingClient {

    private final GatewayClient gateway;

    CounsellingClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Booking> agenda(LocalDate day, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/bookings/agenda?from=" + day + "&to=" + day).bearerAuth(token),
                Argument.listOf(Booking.class));
    }

    public List<Note> notes(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/psychology/bookings/" + bookingId + "/notes").bearerAuth(token),
                Argument.listOf(Note.class));
    }

    public Note write(String bookingId, String text, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/psychology/bookings/" + bookingId + "/notes", Map.of("text", text))
                .bearerAuth(token), Argument.of(Note.class));
    }

    @Serdeable
    public record Booking(String id, String providerId, String service, String modeLabel, String startsAt, String endsAt,
                          String status, String statusLabel, @Nullable String topic, boolean urgent) {
    }

    @Serdeable
    public record Note(String id, String text, String createdAt) {
    }
}
