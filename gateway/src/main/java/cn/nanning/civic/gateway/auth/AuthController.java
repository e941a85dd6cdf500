package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.accounts.CitizenAccounts;
import cn.nanning.civic.gateway.accounts.StaffAccounts;
import cn.nanning.civic.gateway.audit.AuditLog;
import cn.nanning.civic.gateway.auth.AuthMessages.OtpCode;
import cn.nanning.civic.gateway.auth.AuthMessages.OtpEnrolment;
import cn.nanning.civic.gateway.auth.AuthMessages.PasswordChange;
import cn.nanning.civic.gateway.auth.AuthMessages.PhoneBinding;
import cn.nanning.civic.gateway.auth.AuthMessages.PhoneCode;
import cn.nanning.civic.gateway.auth.AuthMessages.RefreshRequest;
import cn.nanning.civic.gateway.auth.AuthMessages.StaffSignIn;
import cn.nanning.civic.gateway.auth.AuthMessages.TokenResponse;
import cn.nanning.civic.gateway.auth.AuthMessages.WeChatSignIn;
import cn.nanning.civic.gateway.ratelimit.ClientAddresses;
import cn.nanning.civic.gateway.redis.RedisUnavailableException;
import cn.nanning.civic.gateway.tokens.Principal;
import cn.nanning.civic.gateway.tokens.Tokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "登录与令牌")
class AuthController {

    private static final Logger LOG = LoggerFactory.getLogger(AuthController.class);
    static final String BAD_CREDENTIALS = "用户名或密码不正确。";

    private final WeChatSessions weChat;
    private final WeChatPhones phones;
    private final CitizenAccounts citizens;
    private final StaffAccounts staff;
    private final Tokens tokens;
    private final SignInLockout lockout;
    private final AuditLog audit;
    private final ClientAddresses clients;
    private final boolean secondFactorGrace;

    AuthController(WeChatSessions weChat, WeChatPhones phones, CitizenAccounts citizens, StaffAccounts staff, Tokens tokens,
                   SignInLockout lockout, AuditLog audit, ClientAddresses clients,
                   @Value("${civic.sign-in.second-factor-grace:false}") boolean secondFactorGrace) {
        this.secondFactorGrace = secondFactorGrace;
        this.weChat = weChat;
        this.phones = phones;
        this.citizens = citizens;
        this.staff = staff;
        this.tokens = tokens;
        this.lockout = lockout;
        this.audit = audit;
        this.clients = clients;
    }

    @Post("/wechat")
    @Operation(summary = "市民微信登录", description = "用小程序 wx.login() 的 code 换取令牌；首次登录自动建立账号。")
    TokenResponse weChat(@Valid @Body WeChatSignIn request, HttpRequest<?> http) {
        String from = clients.of(http);
        WeChatSessions.WeChatUser user;
        try {
            user = weChat.exchange(request.code().strip());
        } catch (ProblemException e) {
            record(AuditLog.UNKNOWN_ACTOR, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, "wechat:" + e.type());
            throw e;
        }
        CitizenAccounts.SignIn signIn = citizens.signIn(user.openid(), user.unionid());
        LOG.info("Citizen {} signed in with WeChat{}", signIn.principal().accountId(), signIn.newAccount() ? " (new account)" : "");
        record(signIn.principal().accountId().toString(), "CITIZEN", AuditLog.SIGN_IN, AuditLog.SUCCESS, from,
                signIn.newAccount() ? "wechat; new account" : "wechat");
        return TokenResponse.citizen(tokens.issue(signIn.principal()), signIn.newAccount());
    }

    @Post("/wechat/phone")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "市民绑定手机号",
            description = "用小程序手机号快速验证组件（getPhoneNumber）回调的 code 绑定或更换手机号；只返回脱敏号码。"
                    + "每人每 10 分钟最多 5 次。")
    PhoneBinding bindPhone(@Valid @Body PhoneCode request, Authentication authentication, HttpRequest<?> http) {
        UUID accountId = accountId(authentication);
        String from = clients.of(http);
        if (!Claims.KIND_CITIZEN.equals(authentication.getAttributes().get(Claims.KIND))) {
            throw ProblemException.forbidden("只有市民账号可以通过微信绑定手机号。");
        }
        String phone;
        try {
            phone = phones.phoneNumber(request.code().strip());
        } catch (ProblemException e) {
            record(accountId.toString(), "CITIZEN", AuditLog.PHONE_BIND, AuditLog.FAILURE, from, "wechat:" + e.type());
            throw e;
        }
        boolean replaced = citizens.phone(accountId).isPresent();
        CitizenAccounts.BoundPhone bound = citizens.bindPhone(accountId, phone)
                .orElseThrow(() -> ProblemException.unauthorized("账号不存在，请重新登录。"));
        // The audit row names the account, never the number.
        record(accountId.toString(), "CITIZEN", AuditLog.PHONE_BIND, AuditLog.SUCCESS, from,
                replaced ? "wechat phone; replaced the earlier number" : "wechat phone");
        LOG.info("Citizen {} bound a phone number", accountId);
        return new PhoneBinding(bound.maskedPhone(), bound.boundAt());
    }

    @Post("/staff/login")
    @Operation(summary = "工作人员登录", description = "用户名与密码登录，返回令牌、角色、姓名与所辖区域。连续多次失败后账号临时锁定。")
    TokenResponse staffLogin(@Valid @Body StaffSignIn request, HttpRequest<?> http) {
        String from = clients.of(http);
        String username = request.username();
        try {
            Optional<Duration> locked = lockout.lockedFor(username);
            if (locked.isPresent()) {
                // The targeted account is named (an unknown name stays unknown), so the audit shows whom the attempt was on.
                String target = staff.accountIdOf(username).map(UUID::toString).orElse(AuditLog.UNKNOWN_ACTOR);
                record(target, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, "locked");
                throw locked(locked.get());
            }
            StaffAccounts.Verification verification = staff.verify(username, request.password());
            String actor = verification.accountId() == null ? AuditLog.UNKNOWN_ACTOR : verification.accountId().toString();
            if (!verification.verified()) {
                boolean nowLocked = lockout.failed(username);
                record(actor, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, verification.outcome().name().toLowerCase());
                LOG.info("Staff sign-in refused ({})", verification.outcome());
                if (nowLocked) {
                    record(actor, null, AuditLog.LOCKOUT, AuditLog.SUCCESS, from, "locked for " + lockout.duration());
                    LOG.warn("Staff username locked after repeated failures (account {})", actor);
                    throw locked(lockout.duration());
                }
                // Same answer for an unknown name and a wrong password: nothing to learn about which names exist.
                throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", null, BAD_CREDENTIALS);
            }
            Principal principal = verification.principal();
            String secondFactor = null;
            String notice = null;
            switch (verification.secondFactor()) {
                case REQUIRED -> {
                    if (request.otp() == null || request.otp().isBlank()) {
                        // The password was right; no failure is counted, but nothing is issued without the code.
                        record(actor, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, "otp_missing");
                        throw new ProblemException(HttpStatus.UNAUTHORIZED, "otp-required", null,
                                "此账号已启用动态口令，请输入验证器应用中的 6 位动态验证码。");
                    }
                    if (!staff.checkTotp(verification.accountId(), request.otp())) {
                        boolean nowLocked = lockout.failed(username);
                        record(actor, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, "wrong_otp");
                        if (nowLocked) {
                            record(actor, null, AuditLog.LOCKOUT, AuditLog.SUCCESS, from, "locked for " + lockout.duration());
                            throw locked(lockout.duration());
                        }
                        throw new ProblemException(HttpStatus.UNAUTHORIZED, "otp-invalid", null,
                                "动态验证码不正确或已使用，请等待下一个验证码后重试。");
                    }
                    secondFactor = "TOTP";
                }
                case ENROLMENT_DUE -> {
                    if (secondFactorGrace) {
                        // Dev and demo environments: sign in, with a prompt to enrol.
                        secondFactor = "NOT_ENROLLED";
                        notice = "您的账号角色要求绑定动态口令，目前尚未绑定。请尽快在“我的账号”中修改初始密码并绑定动态口令；正式环境将要求每次登录输入动态验证码。";
                    } else {
                        enrolAtSignIn(verification.accountId(), username, request.otp(), actor, from);
                        secondFactor = "TOTP";
                    }
                }
                case NOT_NEEDED -> {
                }
            }
            lockout.succeeded(username);
            LOG.info("Staff {} signed in", principal.accountId());
            record(actor, String.join(",", principal.roles()), AuditLog.SIGN_IN, AuditLog.SUCCESS, from,
                    secondFactor == null ? "password" : "password; " + secondFactor.toLowerCase());
            return TokenResponse.staff(tokens.issue(principal), secondFactor, notice);
        } catch (RedisUnavailableException e) {
            LOG.error("Sign-in lockout store unavailable; refusing staff sign-in: {}", e.getMessage());
            throw ProblemException.unavailable("sign-in-unavailable", "登录安全校验服务暂时不可用，请稍后再试。");
        }
    }

    /**
     * Outside dev and demo, holders of ADMIN, AUDITOR or CLERK roles without a second factor are not signed in. The
     * password was right, so the answer carries a new enrolment (secret and otpauth URI); signing in again with the
     * password and the app's first code confirms it. A wrong code counts toward the lockout like a wrong password.
     */
    private void enrolAtSignIn(UUID accountId, String username, @Nullable String otp, String actor, String from) {
        if (otp == null || otp.isBlank()) {
            StaffAccounts.Enrolment enrolment = staff.startTotpEnrolment(accountId);
            record(actor, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, "otp_enrolment_required");
            record(actor, null, AuditLog.OTP_ENROL, AuditLog.SUCCESS, from, "started at sign-in");
            throw new EnrolmentRequired(enrolment.secret(), enrolment.otpauthUri());
        }
        try {
            staff.confirmTotpEnrolment(accountId, otp);
        } catch (ProblemException e) {
            boolean nowLocked = lockout.failed(username);
            record(actor, null, AuditLog.OTP_ENROL, AuditLog.FAILURE, from, e.type());
            record(actor, null, AuditLog.SIGN_IN, AuditLog.FAILURE, from, "wrong_otp");
            if (nowLocked) {
                record(actor, null, AuditLog.LOCKOUT, AuditLog.SUCCESS, from, "locked for " + lockout.duration());
                throw locked(lockout.duration());
            }
            throw e;
        }
        record(actor, null, AuditLog.OTP_ENROL, AuditLog.SUCCESS, from, "confirmed at sign-in");
    }

    @Post("/refresh")
    @Operation(summary = "刷新令牌", description = "用刷新令牌换取新的一对令牌；旧的刷新令牌随即失效。")
    TokenResponse refresh(@Valid @Body RefreshRequest request, HttpRequest<?> http) {
        return TokenResponse.of(tokens.refresh(request.refreshToken(), clients.of(http)));
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "退出登录", description = "吊销刷新令牌（及同一次登录派生的所有刷新令牌）。")
    @ApiResponse(responseCode = "204", description = "已退出，无内容")
    HttpResponse<Void> logout(@Valid @Body RefreshRequest request, Authentication authentication, HttpRequest<?> http) {
        UUID accountId = accountId(authentication);
        boolean revoked = tokens.revoke(request.refreshToken(), accountId);
        record(accountId.toString(), null, AuditLog.TOKEN_REVOKE, revoked ? AuditLog.SUCCESS : AuditLog.FAILURE,
                clients.of(http), revoked ? "logout" : "logout; token unknown or not the caller's");
        return HttpResponse.noContent();
    }

    @Post("/staff/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "修改密码", description = "工作人员修改自己的密码：至少 12 个字符，且不能是常见密码。成功后其他登录全部失效，需要重新登录。")
    @ApiResponse(responseCode = "204", description = "已完成，无内容")
    HttpResponse<Void> changePassword(@Valid @Body PasswordChange request, Authentication authentication, HttpRequest<?> http) {
        UUID accountId = accountId(authentication);
        String from = clients.of(http);
        if (!Claims.KIND_STAFF.equals(authentication.getAttributes().get(Claims.KIND))) {
            throw ProblemException.forbidden("只有工作人员账号可以修改密码。");
        }
        try {
            staff.changePassword(accountId, request.currentPassword(), request.newPassword());
        } catch (ProblemException e) {
            record(accountId.toString(), null, AuditLog.PASSWORD_CHANGE, AuditLog.FAILURE, from, e.type());
            throw e;
        }
        int revoked = tokens.revokeAll(accountId);
        record(accountId.toString(), null, AuditLog.PASSWORD_CHANGE, AuditLog.SUCCESS, from, "revoked " + revoked + " refresh tokens");
        return HttpResponse.noContent();
    }

    @Post("/staff/otp")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "开始绑定动态口令", description = "为当前工作人员生成 TOTP 密钥，返回 otpauth 链接（生成二维码供验证器应用扫描）。用 /staff/otp/confirm 提交第一个验证码后生效。")
    OtpEnrolment startOtp(Authentication authentication, HttpRequest<?> http) {
        UUID accountId = staffAccountId(authentication);
        StaffAccounts.Enrolment enrolment = staff.startTotpEnrolment(accountId);
        record(accountId.toString(), null, AuditLog.OTP_ENROL, AuditLog.SUCCESS, clients.of(http), "started");
        return new OtpEnrolment(enrolment.secret(), enrolment.otpauthUri());
    }

    @Post("/staff/otp/confirm")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "确认绑定动态口令", description = "提交验证器应用显示的第一个 6 位验证码；成功后每次登录都需输入动态验证码。")
    @ApiResponse(responseCode = "204", description = "已完成，无内容")
    HttpResponse<Void> confirmOtp(@Valid @Body OtpCode request, Authentication authentication, HttpRequest<?> http) {
        UUID accountId = staffAccountId(authentication);
        try {
            staff.confirmTotpEnrolment(accountId, request.otp());
        } catch (ProblemException e) {
            record(accountId.toString(), null, AuditLog.OTP_ENROL, AuditLog.FAILURE, clients.of(http), e.type());
            throw e;
        }
        record(accountId.toString(), null, AuditLog.OTP_ENROL, AuditLog.SUCCESS, clients.of(http), "confirmed");
        return HttpResponse.noContent();
    }

    private static UUID staffAccountId(Authentication authentication) {
        if (!Claims.KIND_STAFF.equals(authentication.getAttributes().get(Claims.KIND))) {
            throw ProblemException.forbidden("只有工作人员账号可以绑定动态口令。");
        }
        return accountId(authentication);
    }

    private static ProblemException locked(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return new ProblemException(HttpStatus.LOCKED, "account-locked", "账号已临时锁定",
                "连续登录失败次数过多，账号已临时锁定，请在 " + minutes + " 分钟后再试，或联系管理员。")
                .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, remaining.toSeconds())));
    }

    private static UUID accountId(Authentication authentication) {
        try {
            return UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("登录信息无效，请重新登录。");
        }
    }

    private void record(String actor, @Nullable String roles, String action, String outcome, String from, String detail) {
        boolean known = !AuditLog.UNKNOWN_ACTOR.equals(actor);
        audit.record(new AuditLog.Entry(actor, roles, action, known ? "account" : null, known ? actor : null, outcome, from, detail));
    }
}
