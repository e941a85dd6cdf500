package cn.nanning.civic.appointments.legalaid;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** A legal-aid application as shown to the applicant (own name and phone in full), the deciding administrator and the assigned lawyer (masked). */
@Serdeable
public record ApplicationView(UUID id, String status, String statusLabel, String regionCode, @Nullable String regionName,
                              String applicantName, String idNumber, String phone,
                              String caseType, String caseTypeLabel, String otherParty, String description,
                              @Nullable String hardshipStatement, @Nullable String exemptGround, @Nullable String exemptGroundLabel,
                              @Nullable String exemptGroundArticle,
                              String submittedOn, String decisionDue, boolean clockPaused, @Nullable String supplementRequest,
                              @Nullable String supplementNote, @Nullable String decidedOn, @Nullable String decisionReasons,
                              @Nullable String assignmentDue, @Nullable UUID assignedProviderId, @Nullable String assignedLawyerName,
                              boolean overdue,
                              @Schema(description = "申请所依据的法律咨询预约（律师建议申请时），可为空") @Nullable UUID consultationId) {
}
