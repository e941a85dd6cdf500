package cn.nanning.civic.volunteers.registration;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** The volunteer withdrew consent: consumers must stop processing their personal information. */
@Serdeable
record VolunteerConsentWithdrawn(UUID volunteerId, String accountId, Instant withdrawnAt) {
}
