package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.gateway.tokens.IssuedTokens;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request and response bodies of the sign-in API. */
final class AuthMessages {

    private AuthMessages() {
    }

    @Serdeable
    @Schema(description = "小程序登录：wx.login() 得到的 code")
    record WeChatSignIn(@NotBlank(message = "请提供微信登录凭证") @Size(max = 128, message = "登录凭证格式不正确") String code) {
    }

    @Serdeable
    @Schema(description = "绑定手机号：小程序 getPhoneNumber 按钮回调中的 code（不是 wx.login 的 code）")
    record PhoneCode(@NotBlank(message = "请提供手机号授权凭证") @Size(max = 128, message = "手机号授权凭证格式不正确") String code) {
    }

    @Serdeable
    @Schema(description = "已绑定的手机号（脱敏显示）")
    record PhoneBinding(@Schema(description = "脱敏手机号，如 138****5678") String phone,
                        @Schema(description = "绑定时间（UTC）") java.time.Instant boundAt) {
    }

    @Serdeable
    @Schema(description = "工作人员登录")
    record StaffSignIn(@NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
                       @NotBlank(message = "请输入密码") @Size(max = 256, message = "密码过长") String password,
                       @Nullable @Size(max = 16, message = "动态验证码格式不正确")
                       @Schema(description = "动态验证码（TOTP，6 位数字）；已绑定动态口令的账号必填") String otp) {
    }

    @Serdeable
    @Schema(description = "动态口令验证码")
    record OtpCode(@NotBlank(message = "请输入动态验证码") @Size(max = 16, message = "动态验证码格式不正确") String otp) {
    }

    @Serdeable
    @Schema(description = "动态口令绑定信息：用验证器应用扫描 otpauthUri 生成的二维码，或手动输入 secret；仅此一次显示")
    record OtpEnrolment(String secret, String otpauthUri) {
    }

    @Serdeable
    @Schema(description = "修改密码：新密码至少 12 个字符，且不能是常见密码")
    record PasswordChange(@NotBlank(message = "请输入当前密码") @Size(max = 256, message = "密码过长") String currentPassword,
                          @NotBlank(message = "请输入新密码") @Size(max = 256, message = "密码过长") String newPassword) {
    }

    @Serdeable
    @Schema(description = "刷新令牌")
    record RefreshRequest(@NotBlank(message = "请提供刷新令牌") @Size(max = 128, message = "刷新令牌格式不正确") String refreshToken) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "访问令牌与刷新令牌")
    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, String accountId,
                         @Nullable Boolean newAccount, @Nullable List<String> roles, @Nullable String displayName,
                         @Nullable String regionCode,
                         @Nullable @Schema(description = "工作人员第二因素：TOTP（已验证）或 NOT_ENROLLED（角色要求但尚未绑定）") String secondFactor,
                         @Nullable @Schema(description = "给登录者的提示，例如尚未绑定动态口令") String notice) {

        static TokenResponse citizen(IssuedTokens tokens, boolean newAccount) {
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresIn(),
                    tokens.principal().accountId().toString(), newAccount, null, null, null, null, null);
        }

        static TokenResponse of(IssuedTokens tokens) {
            return staff(tokens, null, null);
        }

        static TokenResponse staff(IssuedTokens tokens, @Nullable String secondFactor, @Nullable String notice) {
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", tokens.expiresIn(),
                    tokens.principal().accountId().toString(), null, tokens.principal().roles(),
                    tokens.principal().displayName(), tokens.principal().regionCode(), secondFactor, notice);
        }
    }
}
