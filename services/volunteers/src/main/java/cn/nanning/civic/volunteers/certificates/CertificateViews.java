package cn.nanning.civic.volunteers.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Request and response shapes of the certificates API. */
final class CertificateViews {

    private CertificateViews() {
    }

    @Serdeable
    record Issue(@NotBlank(message = "请填写出具证明的组织名称。") @Size(max = 60, message = "组织名称不超过 60 个字。") String issuer,
                 @NotBlank(message = "请填写出具组织的联系方式。") @Size(max = 40, message = "联系方式不超过 40 个字。") String contact) {
    }

    @Serdeable
    record Revoke(@NotBlank(message = "撤销证明须说明原因。") @Size(max = 200, message = "原因不超过 200 个字。") String reason) {
    }

    @Serdeable
    record CertificateView(String number, UUID volunteerId, String volunteerName, String idNumber, long totalMinutes,
                           BigDecimal totalHours, String issuer, String contact, LocalDate issuedOn, Instant issuedAt, String status,
                           String statusLabel, @Nullable Instant revokedAt, @Nullable String revokeReason, String verificationUrl,
                           String pdfPath) {
    }

    /** What anyone may see by the number: masked identity only. */
    @Serdeable
    record Verification(String number, String status, String statusLabel, String volunteerName, String idNumber, BigDecimal totalHours,
                        String issuer, String contact, LocalDate issuedOn) {
    }

    @Serdeable
    record CertificateEvent(String number, UUID volunteerId, String issuerRegion, long totalMinutes, @Nullable String reason) {
    }
}
