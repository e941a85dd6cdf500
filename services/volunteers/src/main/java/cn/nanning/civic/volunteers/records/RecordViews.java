package cn.nanning.civic.volunteers.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The service record per 《志愿服务记录与证明出具办法（试行）》: identity, services, training, awards, evaluations. */
final class RecordViews {

    private RecordViews() {
    }

    @Serdeable
    record Identity(UUID volunteerId, String name, String idNumber, @Nullable String sex, String homeRegion, @Nullable String homeRegionName,
                    List<String> skills, Instant registeredAt) {
    }

    /** One service: an activity (or an outside source such as legal consultations) with its confirmed minutes. */
    @Serdeable
    record Service(@Nullable UUID activityId, String content, @Nullable String place, @Nullable String regionCode,
                   @Nullable Instant startsAt, @Nullable Instant endsAt, long minutes, BigDecimal hours, String source) {
    }

    @Serdeable
    record Entry(long id, String kind, String kindLabel, String title, LocalDate occurredOn, @Nullable String detail, String orgRegion,
                 Instant recordedAt) {
    }

    @Serdeable
    record ServiceRecord(Identity identity, long totalMinutes, BigDecimal totalHours, List<Service> services, List<Entry> training,
                         List<Entry> awards, List<Entry> evaluations, @Nullable String scope) {
    }

    @Serdeable
    record NewEntry(@NotNull(message = "请选择记录类型：培训（TRAINING）、表彰奖励（AWARD）或评价（EVALUATION）。")
                    @Pattern(regexp = "TRAINING|AWARD|EVALUATION", message = "记录类型只能是培训（TRAINING）、表彰奖励（AWARD）或评价（EVALUATION）。")
                    String kind,
                    @NotBlank(message = "请填写记录标题。") @Size(max = 100, message = "标题不超过 100 个字。") String title,
                    @NotNull(message = "请填写日期。") LocalDate occurredOn,
                    @Nullable @Size(max = 500, message = "说明不超过 500 个字。") String detail) {
    }
}
