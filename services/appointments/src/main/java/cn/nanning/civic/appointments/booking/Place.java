package cn.nanning.civic.appointments.booking;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

public record Place(UUID id, String name, PlaceKind kind, String regionCode, @Nullable String address, boolean active) {
}
