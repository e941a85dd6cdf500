package cn.nanning.civic.appointments.booking;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/** A 公共法律服务站/点 or 心理咨询室, with how residents reach it (phone, opening hours, coordinates; all optional). */
public record Place(UUID id, String name, PlaceKind kind, String regionCode, @Nullable String address, boolean active,
                   @Nullable String phone, @Nullable String openingHours, @Nullable Double latitude, @Nullable Double longitude) {

    public Place(UUID id, String name, PlaceKind kind, String regionCode, @Nullable String address, boolean active) {
        this(id, name, kind, regionCode, address, active, null, null, null, null);
    }
}
