package cn.nanning.civic.appointments.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** A booking as citizens and providers see it; in-person bookings show where to go. */
@Serdeable
public record BookingView(UUID id, UUID providerId, String providerName, String providerKind, String providerKindLabel,
                          String service, String serviceLabel, String mode, String modeLabel,
                          String startsAt, String endsAt, String status, String statusLabel,
                          @Nullable String topic, boolean urgent, @Nullable Views.PlaceView place,
                          @Nullable String cancelReason, String citizenAccountId, String createdAt,
                          @Schema(description = "据此咨询提交的法律援助申请（律师建议申请时），可为空") @Nullable UUID legalAidApplicationId) {
}
