package cn.nanning.civic.volunteers.activities;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the activities API. */
final class ActivityViews {

    private ActivityViews() {
    }

    @Serdeable
    record NewActivity(
            @NotBlank(message = "请填写活动名称。") @Size(max = 80, message = "活动名称不超过 80 个字。") String title,
            @Nullable @Size(max = 2000, message = "活动介绍不超过 2000 个字。") String description,
            @NotBlank(message = "请填写活动所在的区域代码。") String regionCode,
            @NotBlank(message = "请填写活动地点。") @Size(max = 200, message = "地点不超过 200 个字。") String place,
            @NotNull(message = "请填写开始时间。") Instant startsAt,
            @NotNull(message = "请填写结束时间。") Instant endsAt,
            @NotNull(message = "请填写计划服务时长（分钟）。") @Min(value = 1, message = "计划服务时长至少 1 分钟。") Integer plannedMinutes,
            @NotNull(message = "请填写招募人数。") @Min(value = 1, message = "招募人数至少 1 人。") @Max(value = 10000, message = "招募人数不超过 10000 人。") Integer capacity,
            @Nullable @Size(max = 10, message = "所需技能最多 10 项。") List<String> requiredSkills,
            @Nullable @Min(value = 0, message = "年龄下限不能为负数。") Integer minAge,
            @Nullable @Max(value = 120, message = "年龄上限不正确。") Integer maxAge,
            @Nullable Boolean suitableForMinors) {
    }

    @Serdeable
    record ActivityView(UUID id, String title, @Nullable String description, String regionCode, String place, Instant startsAt,
                        Instant endsAt, int plannedMinutes, int capacity, int confirmed, int remaining, List<String> requiredSkills,
                        @Nullable Integer minAge, @Nullable Integer maxAge, boolean suitableForMinors, String status) {

        static ActivityView of(Activity a) {
            return new ActivityView(a.id(), a.title(), a.description(), a.regionCode(), a.place(), a.startsAt(), a.endsAt(),
                    a.plannedMinutes(), a.capacity(), a.confirmedCount(), a.capacity() - a.confirmedCount(), a.requiredSkills(),
                    a.minAge(), a.maxAge(), a.suitableForMinors(), a.status());
        }
    }

    /** A roster line with the volunteer's full name and mobile (organiser only, audited). */
    @Serdeable
    record RosterEntry(UUID volunteerId, String name, String phone, String status, String statusLabel, @Nullable Integer waitlistNo) {
    }

    /** A sign-up; in the volunteer's own list with the activity embedded (organisers' lists leave it out). */
    @Serdeable
    record SignupView(UUID id, UUID activityId, UUID volunteerId, @Nullable String volunteerName, String status, String statusLabel,
                      @Nullable Integer waitlistNo, Instant signedUpAt, @Nullable Instant confirmedAt, @Nullable Instant cancelledAt,
                      @Nullable ActivitySummary activity) {

        SignupView with(ActivitySummary summary) {
            return new SignupView(id, activityId, volunteerId, volunteerName, status, statusLabel, waitlistNo, signedUpAt,
                    confirmedAt, cancelledAt, summary);
        }
    }

    /** What a volunteer's list shows of the activity signed up for. */
    @Serdeable
    record ActivitySummary(String title, Instant startsAt, Instant endsAt, String place, String regionCode, String status) {

        static ActivitySummary of(Activity a) {
            return new ActivitySummary(a.title(), a.startsAt(), a.endsAt(), a.place(), a.regionCode(), a.status());
        }
    }

    /** The code to show now (it changes at {@code changesAt}), valid between the activity's start and end. */
    @Serdeable
    record CheckCode(UUID activityId, String code, Instant validFrom, Instant validUntil, Instant changesAt) {
    }

    /**
     * The check-in QR code's text ({@code civic-checkin:<activityId>:<code>}), the code inside it and when it stops being
     * shown; scanned or typed while the activity runs (validFrom–validUntil).
     */
    @Serdeable
    record CheckInQr(UUID activityId, String payload, String code, Instant expiresAt, Instant validFrom, Instant validUntil) {
    }

    /** An organiser cancelled the activity (topic volunteers.activity.v1). */
    @Serdeable
    record ActivityCancelled(UUID activityId, String reason, Instant occurredAt) {
    }

    @Serdeable
    record Cancellation(@Nullable String reason) {
    }

    @Serdeable
    record ActivityPublished(UUID activityId, String regionCode, Instant startsAt, Instant endsAt, int capacity) {
    }

    @Serdeable
    record VolunteerSignedUp(UUID activityId, UUID signupId, UUID volunteerId, String status, @Nullable Integer waitlistNo) {
    }

    @Serdeable
    record SignupCancelled(UUID activityId, UUID signupId, UUID volunteerId, String previousStatus) {
    }

    @Serdeable
    record WaitlistPromoted(UUID activityId, UUID signupId, UUID volunteerId, String accountId, Instant startsAt) {
    }
}
