package cn.nanning.civic.proxy.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request as shown to residents and staff: personal data masked, status in Chinese, timeline and checklist, the
 * service point and the day the result is expected by (from acceptance: the forwarding days plus the item's time
 * limit, in working days; null before acceptance, once withdrawn, or when the item sets no time limit). Once accepted,
 * {@code progressCode} is the check code printed on the receipt's QR code: receipt numbers run in sequence, so the
 * public progress page answers only to the number together with its code.
 */
@Serdeable
public record RequestView(
        UUID id,
        @Nullable String receiptNo,
        UUID pointId,
        String regionCode,
        String itemCode,
        String itemName,
        String residentName,
        String residentPhone,
        String contactKind,
        @Nullable String contactRelation,
        String consentChannel,
        String status,
        String statusLabel,
        Instant createdAt,
        @Nullable LocalDate forwardDue,
        boolean overdue,
        @Nullable String office,
        @Nullable Integer satisfaction,
        @Nullable UUID parentId,
        List<Material> materials,
        List<Step> timeline,
        List<Child> children,
        @Nullable Point point,
        @Nullable LocalDate expectedBy,
        @Nullable String progressCode) {

    /** The service point handling the request, with what a resident needs to call or visit it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(UUID id, String name, @Nullable String phone, @Nullable String address) {
    }

    /**
     * One line of the materials checklist: ticked by the clerk at acceptance, and whether a scan or photo was uploaded
     * for it ({@code uploads}, oldest first: id and file name, to open it; empty while the line is still missing).
     */
    @Serdeable
    public record Material(String name, boolean ticked, boolean uploaded, List<MaterialUpload> uploads) {
    }

    /** An upload tied to a checklist line; download it at {@code /api/v1/proxy/requests/{id}/materials/{uploadId}}. */
    @Serdeable
    public record MaterialUpload(UUID id, String displayName, Instant uploadedAt) {
    }

    /** A part of a bundle request (打包快办), with its own status. */
    @Serdeable
    public record Child(UUID id, String itemCode, String itemName, String status, String statusLabel) {
    }

    @Serdeable
    /** One step of the timeline; {@code actorName} is who did it as people read it (本人, a staff member's name), never an account id. */
    public record Step(String status, String statusLabel, @Nullable String note, String actorName, Instant occurredAt) {
    }
}
