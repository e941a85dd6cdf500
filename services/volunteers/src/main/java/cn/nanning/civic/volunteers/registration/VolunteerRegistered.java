package cn.nanning.civic.volunteers.registration;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** Event payloads on {@code volunteers.volunteer.v1}; they carry ids and places, never identity data. */
@Serdeable
record VolunteerRegistered(UUID volunteerId, String accountId, String homeRegion, boolean minor, Instant registeredAt) {
}
