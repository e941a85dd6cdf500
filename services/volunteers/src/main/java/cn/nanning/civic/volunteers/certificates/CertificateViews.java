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

    /** A volunteer's request: which certificate (today only SERVICE_HOURS) and, optionally, what it is for. */
    @Serdeable
    record NewRequest(@NotBlank(message = "请选择要申请的证明类型。") String kind,
                      @Nullable @Size(max = 100, message = "用途不超过 100 个字。") String purpose) {
    }

    @Serdeable
    record Decline(@NotBlank(message = "不出具证明须说明原因，志愿者会收到通知。") @Size(max = 200, message = "原因不超过 200 个字。") String reason) {
    }

    /**
     * A certificate request. {@code status}: OPEN (待处理), ISSUED (已出具, with the certificate's number), DECLINED (未出具, with
     * the reason). Staff lists add the volunteer's masked name and confirmed hours.
     */
    @Serdeable
    record RequestView(UUID id, String kind, String kindLabel, @Nullable String purpose, String status, String statusLabel,
                       Instant requestedAt, @Nullable Instant decidedAt, @Nullable String certificateNumber,
                       @Nullable String declineReason, @Nullable UUID volunteerId, @Nullable String volunteerName,
                       @Nullable BigDecimal confirmedHours) {
    }

    @Serdeable
    record CertificateEvent(String number, UUID volunteerId, String issuerRegion, long totalMinutes, @Nullable String reason) {
    }
}
