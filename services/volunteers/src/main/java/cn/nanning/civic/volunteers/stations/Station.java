package cn.nanning.civic.volunteers.stations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A volunteer service station of a township/street. */
@Serdeable
public record Station(UUID id, String townshipCode, @Nullable String townshipName, String name, @Nullable String address, Instant createdAt) {
}
