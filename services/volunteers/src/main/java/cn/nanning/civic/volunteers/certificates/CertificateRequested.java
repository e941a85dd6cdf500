package cn.nanning.civic.volunteers.certificates;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A volunteer asked for a certificate ({@value CertificateRequests#TOPIC}, key: the request id). */
@Serdeable
record CertificateRequested(UUID requestId, UUID volunteerId, String kind, Instant occurredAt) {
}
