package cn.nanning.civic.proxy.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What anyone holding a 受理回执 (or its QR code) may see of the request without signing in: the item, where it is
 * handled and how far it has got. No resident, no phone of theirs, no step notes (a clerk's note may name people), no
 * office or account: a lost slip gives nothing personal away.
 */
@Serdeable
public record ReceiptProgress(
        String receiptNo,
        String itemName,
        String status,
        String statusLabel,
        LocalDate acceptedOn,
        @Nullable LocalDate forwardDue,
        @Nullable LocalDate expectedBy,
        Point point,
        List<Step> steps) {

    /** The service point handling the request: whom to call or visit. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(String name, @Nullable String phone, @Nullable String address) {
    }

    /** The first time the request reached a status of the lifecycle. */
    @Serdeable
    public record Step(String status, String statusLabel, Instant occurredAt) {
    }
}
