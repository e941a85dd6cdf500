package cn.nanning.civic.volunteers.registration;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A volunteer moved to another village/community ({@code volunteers.volunteer.v1}); places only, no identity data. */
@Serdeable
record VolunteerTransferred(UUID volunteerId, String fromRegion, String toRegion, Instant occurredAt) {
}
