package cn.nanning.civic.appointments.booking;

import java.util.UUID;

/** A staff account that receives bookings at a place, with its booking rules. */
public record Provider(UUID id, String accountId, String displayName, ProviderKind kind, UUID placeId,
                       int slotMinutes, int bufferMinutes, int minNoticeMinutes, int horizonDays, boolean active) {
}
