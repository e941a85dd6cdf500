package cn.nanning.civic.portal.psychology;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** The counselling screens' calls through the gateway: their own clients' notes (the agenda is {@code BookingClient}'s). */
@Singleton
public class CounsellingClient {

    private final GatewayClient gateway;

    CounsellingClient(GatewayClient gateway) {
        this.gateway = gateway;
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
    public record Note(String id, String text, String createdAt) {
    }
}
