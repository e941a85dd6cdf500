package cn.nanning.civic.proxy.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A resident's authorisation of a proxy request (委托). How the resident is reached: {@code contactKind} SELF (their own
 * mobile, the default), RELATIVE (a relative's mobile, with {@code contactRelation}) or NONE (no phone); only a clerk
 * registering for a resident may choose RELATIVE or NONE.
 */
@Serdeable
public record NewRequest(
        @NotNull(message = "请选择服务点") UUID pointId,
        @NotBlank(message = "请选择要代办的服务事项") String itemCode,
        @NotBlank(message = "请填写委托人姓名") @Size(max = 50, message = "姓名不能超过 50 个字") String residentName,
        @Nullable String residentPhone,
        @Nullable Boolean consent,
        @Nullable String consentChannel,
        @Nullable String contactKind,
        @Nullable @Size(max = 20, message = "与委托人的关系请控制在 20 字以内") String contactRelation) {
}
