package cn.nanning.civic.appointments.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

public record Booking(UUID id, UUID providerId, String citizenAccountId, Service service, Mode mode,
                      Instant startsAt, Instant endsAt, BookingStatus status, @Nullable String topic, boolean urgent,
                      @Nullable String cancelReason, Instant createdAt, @Nullable UUID legalAidApplicationId) {
}
