package cn.nanning.civic.portal.booking;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Calls of the shared booking engine that every provider screen makes through the gateway: the provider's agenda
 * and recording whether the citizen came.
 */
@Singleton
public class BookingClient {

    private final GatewayClient gateway;

    BookingClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The signed-in provider's bookings from {@code from} to {@code to} (inclusive). */
    public List<Booking> agenda(LocalDate from, LocalDate to, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/bookings/agenda?from=" + from + "&to=" + to).bearerAuth(token),
                Argument.listOf(Booking.class));
    }

    public Booking attended(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/bookings/" + bookingId + "/attended", Map.of())
                .bearerAuth(token), Argument.of(Booking.class));
    }

    public Booking noShow(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/bookings/" + bookingId + "/no-show", Map.of())
                .bearerAuth(token), Argument.of(Booking.class));
    }

    public Booking cancel(String bookingId, String reason, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/bookings/" + bookingId + "/cancel", Map.of("reason", reason))
                .bearerAuth(token), Argument.of(Booking.class));
    }

    @Serdeable
    public record Booking(String id, String providerId, String service, String serviceLabel, String modeLabel,
                          String startsAt, String endsAt, String status, String statusLabel, @Nullable String topic,
                          boolean urgent, @Nullable String citizenAccountId) {

        /** Booked at a village service point by a clerk for a resident without the mini-program. */
        public boolean bookedAtCounter() {
            return citizenAccountId != null && citizenAccountId.startsWith("resident:");
        }

        /** Attendance can be recorded for a confirmed booking only (the engine also waits for its start). */
        public boolean awaitingAttendance() {
            return "CONFIRMED".equals(status);
        }
    }
}
