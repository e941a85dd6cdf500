package cn.nanning.civic.portal.psychology;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
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

    /** Who the client is and how to reach them (the booking's counsellor only; the services audit it). */
    public Client client(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/psychology/bookings/" + bookingId + "/client").bearerAuth(token),
                Argument.of(Client.class));
    }

    /** The booking with its screening (the counsellor's own client; the services audit reading the screening). */
    public Intake intake(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/psychology/bookings/" + bookingId).bearerAuth(token),
                Argument.of(Intake.class));
    }

    @Serdeable
    public record Screening(@Nullable Integer phq9Score, @Nullable String phq9Level, @Nullable Integer gad7Score,
                            @Nullable String gad7Level, boolean risk) {
    }

    @Serdeable
    public record Intake(boolean urgent, boolean minor, @Nullable Screening screening) {
    }

    @Serdeable
    public record Guardian(@Nullable String name, @Nullable String relation, @Nullable String phone) {
    }

    @Serdeable
    public record Client(String bookingId, @Nullable String name, @Nullable String idNumber, @Nullable Integer age, boolean minor,
                         boolean adultDeclared, @Nullable String phone,
                         @Nullable Guardian guardian, boolean urgent) {
    }

    @Serdeable
    public record Note(String id, String text, String createdAt) {
    }
}
