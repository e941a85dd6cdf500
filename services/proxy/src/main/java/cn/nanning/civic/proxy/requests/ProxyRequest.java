package cn.nanning.civic.proxy.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A proxy request as stored; the resident's name and phone are ciphertexts (see {@link Requests}). */
@MappedEntity(value = "proxy_request", schema = "proxy")
record ProxyRequest(
        @Id UUID id,
        @Nullable String receiptNo,
        UUID pointId,
        String regionCode,
        String itemCode,
        @Nullable String citizenAccountId,
        String residentName,
        String residentPhone,
        String consentChannel,
        Instant consentAt,
        String createdBy,
        RequestStatus status,
        Instant createdAt,
        @Nullable Instant acceptedAt,
        @Nullable LocalDate forwardDue,
        @Nullable Instant forwardedAt,
        @Nullable String office,
        @Nullable Instant deliveredAt,
        @Nullable Instant archivedAt,
        @Nullable Integer satisfaction,
        @Nullable String feedback,
        @Nullable UUID parentId,
        @Version long version) {

    ProxyRequest withStatus(RequestStatus next) {
        return new ProxyRequest(id, receiptNo, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, next, createdAt, acceptedAt, forwardDue, forwardedAt, office, deliveredAt,
                archivedAt, satisfaction, feedback, parentId, version);
    }

    ProxyRequest accepted(String receipt, Instant at, LocalDate due) {
        return new ProxyRequest(id, receipt, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, RequestStatus.ACCEPTED, createdAt, at, due, forwardedAt, office, deliveredAt,
                archivedAt, satisfaction, feedback, parentId, version);
    }

    ProxyRequest forwarded(String toOffice, Instant at) {
        return new ProxyRequest(id, receiptNo, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, RequestStatus.FORWARDED, createdAt, acceptedAt, forwardDue, at, toOffice,
                deliveredAt, archivedAt, satisfaction, feedback, parentId, version);
    }

    ProxyRequest delivered(Instant at) {
        return new ProxyRequest(id, receiptNo, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, RequestStatus.DELIVERED, createdAt, acceptedAt, forwardDue, forwardedAt, office,
                at, archivedAt, satisfaction, feedback, parentId, version);
    }

    ProxyRequest archived(Instant at) {
        return new ProxyRequest(id, receiptNo, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, RequestStatus.ARCHIVED, createdAt, acceptedAt, forwardDue, forwardedAt, office,
                deliveredAt, at, satisfaction, feedback, parentId, version);
    }

    ProxyRequest withdrawn() {
        return new ProxyRequest(id, receiptNo, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, RequestStatus.WITHDRAWN, createdAt, acceptedAt, forwardDue, forwardedAt,
                office, deliveredAt, archivedAt, satisfaction, feedback, parentId, version);
    }

    ProxyRequest followedUp(int score, String comment) {
        return new ProxyRequest(id, receiptNo, pointId, regionCode, itemCode, citizenAccountId, residentName, residentPhone,
                consentChannel, consentAt, createdBy, RequestStatus.FOLLOWED_UP, createdAt, acceptedAt, forwardDue, forwardedAt,
                office, deliveredAt, archivedAt, score, comment, parentId, version);
    }
}
