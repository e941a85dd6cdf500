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
                            @Nullable String regionName, @Nullable String address, boolean active) {
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

    @Serdeable
    public record AbsenceView(UUID id, String startsAt, String endsAt, String reason) {
    }
}
