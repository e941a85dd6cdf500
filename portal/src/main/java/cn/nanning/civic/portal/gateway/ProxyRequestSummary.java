package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A proxy request as the services API shows it to staff (personal data already masked there). */
@Serdeable
public record ProxyRequestSummary(
        String id,
        @Nullable String receiptNo,
        String itemCode,
        String itemName,
        String residentName,
        String residentPhone,
        @Nullable String contactKind,
        @Nullable String contactRelation,
        String status,
        String statusLabel,
        Instant createdAt,
        @Nullable LocalDate forwardDue,
        boolean overdue,
        @Nullable String office,
        @Nullable Integer satisfaction,
        List<Material> materials,
        List<Step> timeline,
        @Nullable Point point,
        @Nullable LocalDate expectedBy,
        @Nullable String progressCode) {

    public ProxyRequestSummary {
        materials = Missing.orEmpty(materials);
        timeline = Missing.orEmpty(timeline);
    }

    /** The service point handling the request (only in a single request's answer, not in lists). */
    @Serdeable
    public record Point(String id, String name, @Nullable String phone, @Nullable String address) {
    }

    /** A line of the materials checklist: ticked at 受理, and the uploads tied to it (none: still missing). */
    @Serdeable
    public record Material(String name, boolean ticked, boolean uploaded, @Nullable List<Upload> uploads) {
        public Material {
            uploads = Missing.orEmpty(uploads);
        }
    }

    /** An upload tied to a checklist line. */
    @Serdeable
    public record Upload(String id, String displayName, Instant uploadedAt) {
    }

    @Serdeable
    public record Step(String status, String statusLabel, @Nullable String note, String actorName, Instant occurredAt) {
    }
}
