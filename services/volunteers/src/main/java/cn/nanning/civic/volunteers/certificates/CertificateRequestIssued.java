package cn.nanning.civic.volunteers.certificates;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff issued the certificate a volunteer asked for ({@value CertificateRequests#TOPIC}, key: the request id); the
 * certificate itself is announced as {@code CertificateIssued} on {@value Certificates#TOPIC}.
 */
@Serdeable
record CertificateRequestIssued(UUID requestId, UUID volunteerId, String kind, String certificateNumber, Instant occurredAt) {
}
