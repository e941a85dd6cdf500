package cn.nanning.civic.proxy.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A resident's authorisation of a proxy request (委托). */
@Serdeable
public record NewRequest(
        @NotNull(message = "请选择服务点") UUID pointId,
        @NotBlank(message = "请选择要代办的服务事项") String itemCode,
        @NotBlank(message = "请填写委托人姓名") @Size(max = 50, message = "姓名不能超过 50 个字") String residentName,
        @NotBlank(message = "请填写委托人手机号码") String residentPhone,
        @Nullable Boolean consent,
        @Nullable String consentChannel) {
}
