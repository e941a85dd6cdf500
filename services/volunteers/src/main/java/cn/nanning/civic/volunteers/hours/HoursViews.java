package cn.nanning.civic.volunteers.hours;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the attendance and hours API. */
final class HoursViews {

    private HoursViews() {
    }

    @Serdeable
    record Code(@NotBlank(message = "请输入现场签到码。") String code) {
    }

    @Serdeable
    record AttendanceView(UUID activityId, UUID volunteerId, @Nullable String volunteerName, Instant checkInAt, @Nullable Instant checkOutAt,
                          @Nullable Integer attendedMinutes, @Nullable Boolean qualifies, int requiredMinutes, @Nullable Integer creditableMinutes,
                          boolean confirmed) {
    }

    /**
     * A volunteer's own attendance of an activity. {@code status}: NOT_CHECKED_IN (未签到), CHECKED_IN (已签到),
     * AWAITING_CONFIRMATION (已签退，待组织方确认时长), NOT_QUALIFIED (已签退，未达到计时要求), CONFIRMED (时长已确认; the
     * ledger holds {@code recordedMinutes}, corrections included).
     */
    @Serdeable
    record MyAttendance(UUID activityId, boolean signedUp, @Nullable String signupStatus, @Nullable String signupStatusLabel,
                        @Nullable Instant checkInAt, @Nullable Instant checkOutAt, @Nullable Integer attendedMinutes,
                        @Nullable Boolean qualifies, int requiredMinutes, @Nullable Integer creditableMinutes, long recordedMinutes,
                        BigDecimal recordedHours, boolean confirmed, String status, String statusLabel) {
    }

    @Serdeable
    record Correction(@NotNull(message = "请指定志愿者。") UUID volunteerId,
                      @NotNull(message = "请填写更正后的服务时长（分钟）。") @Min(value = 0, message = "服务时长不能为负数。") Integer minutes,
                      @NotBlank(message = "更正时长须说明原因。") @Size(max = 200, message = "原因不超过 200 个字。") String reason) {
    }

    @Serdeable
    record Claim(@NotBlank(message = "请描述服务内容。") @Size(max = 200, message = "服务内容不超过 200 个字。") String description,
                 @NotNull(message = "请填写服务日期。") LocalDate serviceDate,
                 @NotNull(message = "请填写服务时长（分钟）。") @Min(value = 1, message = "服务时长至少 1 分钟。") @Max(value = 1440, message = "一天的服务时长不超过 24 小时。") Integer minutes) {
    }

    @Serdeable
    record LedgerEntry(long id, @Nullable UUID activityId, @Nullable String activityTitle, int minutes, String kind,
                       @Nullable String reason, Instant recordedAt) {
    }

    @Serdeable
    record ClaimView(UUID id, LocalDate serviceDate, int minutes, String description, String status, String statusLabel, Instant createdAt) {
    }

    @Serdeable
    record MyHours(UUID volunteerId, long confirmedMinutes, BigDecimal confirmedHours, int stars, String starLabel,
                   int starsUnderNotice, @Nullable Integer nextStarAtHours, List<LedgerEntry> ledger, long unconfirmedMinutes, List<ClaimView> unconfirmedClaims) {
    }

    @Serdeable
    record HoursConfirmed(UUID activityId, UUID volunteerId, long ledgerEntryId, int minutes, String kind, @Nullable String reason) {
    }

    @Serdeable
    record StarNoticeView(UUID id, String volunteerName, String homeRegion, int stars, String starLabel, Instant noticedAt,
                          Instant effectiveAt, int openObjections) {
    }

    @Serdeable
    record Objection(@NotBlank(message = "请说明异议的理由。") @Size(max = 500, message = "理由不超过 500 个字。") String reason) {
    }

    @Serdeable
    record Decision(@NotNull(message = "请选择是否采纳异议。") Boolean uphold,
                    @NotBlank(message = "请填写处理意见。") @Size(max = 200, message = "处理意见不超过 200 个字。") String note) {
    }

    @Serdeable
    record ObjectionView(UUID id, UUID noticeId, String message, Instant createdAt) {
    }
}
