package cn.nanning.civic.appointments.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** What the API shows of places, providers and slots. */
public final class Views {

    private Views() {
    }

    @Serdeable
    public record PlaceView(UUID id, String name, String kind, String kindLabel, String regionCode,
                            @Nullable String regionName, @Nullable String address, boolean active, @Nullable String phone,
                            @Nullable String openingHours, @Nullable Double latitude, @Nullable Double longitude) {
    }

    @Serdeable
    public record WindowView(int weekday, String starts, String ends) {
    }

    @Serdeable
    public record ProviderView(UUID id, String accountId, String displayName, String kind, String kindLabel,
                               String service, PlaceView place, int slotMinutes, int bufferMinutes,
                               int minNoticeMinutes, int horizonDays, boolean active, List<WindowView> plan) {
    }

    @Serdeable
    public record SlotView(String startsAt, String endsAt) {
    }

    /**
     * A provider near the citizen: how near (proximity VILLAGE, TOWNSHIP, DISTRICT or CITY with its Chinese label, and
     * the distance when both the phone's position and the place's coordinates are known) and the next free slot
     * (none when fully booked over the next 30 days).
     */
    @Serdeable
    public record NearbyProvider(UUID id, String displayName, String kind, String kindLabel, String service, PlaceView place,
                                 String proximity, String proximityLabel, @Nullable Double distanceKm, @Nullable SlotView nextSlot) {
    }

    @Serdeable
    public record AbsenceView(UUID id, String startsAt, String endsAt, String reason) {
    }
}
