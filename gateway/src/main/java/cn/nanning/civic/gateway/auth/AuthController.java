package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.accounts.CitizenAccounts;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import cn.nanning.civic.gateway.auth.AuthMessages.RefreshRequest;
import cn.nanning.civic.gateway.auth.AuthMessages.StaffSignIn;
import cn.nanning.civic.gateway.auth.AuthMessages.TokenResponse;
import cn.nanning.civic.gateway.auth.AuthMessages.WeChatSignIn;
import cn.nanning.civic.gateway.tokens.Principal;
import cn.nanning.civic.gateway.tokens.Tokens;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "登录与令牌")
class AuthController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthController.class);

    private final WeChatSessions weChat;
    private final CitizenAccounts citizens;
    private final StaffAccounts staff;
    private final Tokens tokens;

    AuthController(WeChatSessions weChat, CitizenAccounts citizens, StaffAccounts staff, Tokens tokens) {
        this.weChat = weChat;
        this.citizens = citizens;
        this.staff = staff;
        this.tokens = tokens;
    }

    @Post("/wechat")
    @Operation(summary = "市民微信登录", description = "用小程序 wx.login() 的 code 换取令牌；首次登录自动建立账号。")
    TokenResponse weChat(@Valid @Body WeChatSignIn request) {
        WeChatSessions.WeChatUser user = weChat.exchange(request.code().strip());
        CitizenAccounts.SignIn signIn = citizens.signIn(user.openid(), user.unionid());
        LOG.info("Citizen {} signed in with WeChat{}", signIn.principal().accountId(), signIn.newAccount() ? " (new account)" : "");
        return TokenResponse.citizen(tokens.issue(signIn.principal()), signIn.newAccount());
    }

    @Post("/staff/login")
    @Operation(summary = "工作人员登录", description = "用户名与密码登录，返回令牌、角色、姓名与所辖区域。")
    TokenResponse staffLogin(@Valid @Body StaffSignIn request) {
        Principal principal = staff.authenticate(request.username(), request.password()).orElseThrow(() -> {
            LOG.info("Staff sign-in refused");
            // Same answer for an unknown name and a wrong password: nothing to learn about which names exist.
            return new ProblemException(io.micronaut.http.HttpStatus.UNAUTHORIZED, "bad-credentials", null,
                    "用户名或密码不正确。");
        });
        LOG.info("Staff {} signed in", principal.accountId());
        return TokenResponse.of(tokens.issue(principal));
    }

    @Post("/refresh")
    @Operation(summary = "刷新令牌", description = "用刷新令牌换取新的一对令牌；旧的刷新令牌随即失效。")
    TokenResponse refresh(@Valid @Body RefreshRequest request) {
        return TokenResponse.of(tokens.refresh(request.refreshToken()));
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "退出登录", description = "吊销刷新令牌（及同一次登录派生的所有刷新令牌）。")
    HttpResponse<Void> logout(@Valid @Body RefreshRequest request, Authentication authentication) {
        UUID accountId;
        try {
            accountId = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("登录信息无效，请重新登录。");
        }
        tokens.revoke(request.refreshToken(), accountId);
        return HttpResponse.noContent();
    }
}
