package cn.nanning.civic.volunteers.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A citizen's registration. {@code sensitiveInfoConsent} is its own, unbundled consent to processing the ID number
 * (sensitive personal information) under the notice of {@code consentPolicyVersion}.
 */
@Serdeable
record NewRegistration(
        @NotBlank(message = "请填写真实姓名。") @Size(max = 30, message = "姓名不超过 30 个字。") String realName,
        @NotBlank(message = "请填写身份证号码。") String idNumber,
        @NotBlank(message = "请填写手机号码。") String phone,
        @NotBlank(message = "请选择所在的村（社区）。") String homeRegion,
        @Nullable @Size(max = 20, message = "技能最多填写 20 项。") List<@NotBlank(message = "技能名称不能为空。") @Size(max = 30, message = "每项技能不超过 30 个字。") String> skills,
        @Nullable @Size(max = 200, message = "可服务时间不超过 200 个字。") String availability,
        @Nullable Boolean sensitiveInfoConsent,
        @Nullable String consentPolicyVersion,
        @Nullable @Valid Guardian guardian) {

    /** A guardian's consent for a volunteer under 14. */
    @Serdeable
    record Guardian(@Nullable String name, @Nullable String phone, @Nullable String relation, @Nullable Boolean consent) {
    }
}
