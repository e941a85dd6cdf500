package cn.nanning.civic.volunteers.certificates;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** Staff declined a volunteer's certificate request with a reason ({@value CertificateRequests#TOPIC}, key: the request id). */
@Serdeable
record CertificateRequestDeclined(UUID requestId, UUID volunteerId, String kind, String reason, Instant occurredAt) {
}
