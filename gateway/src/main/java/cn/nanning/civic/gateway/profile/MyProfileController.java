package cn.nanning.civic.gateway.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.nanning.civic.common.idcard.ResidentIdNumber;
import cn.nanning.civic.gateway.accounts.Callers;
import cn.nanning.civic.gateway.audit.AuditLog;
import cn.nanning.civic.gateway.ratelimit.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * 我的资料: the citizen's name, ID number and bound phone, typed once and reused to fill in the next form. Only the
 * owner reads them, in full; every read, save and erasure is audited (who, when, from where; never the data itself).
 */
@Controller("/api/v1/me/profile")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "我的")
@SecurityRequirement(name = "bearerAuth")
class MyProfileController {

    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    private final CitizenProfiles profiles;
    private final AuditLog audit;
    private final ClientAddresses clients;

    MyProfileController(CitizenProfiles profiles, AuditLog audit, ClientAddresses clients) {
        this.profiles = profiles;
        this.audit = audit;
        this.clients = clients;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Profile(
            @Schema(description = "是否已保存资料（姓名、身份证号码）") boolean saved,
            @Schema(description = "姓名（本人可见全文）") @Nullable String name,
            @Schema(description = "身份证号码（本人可见全文）") @Nullable String idNumber,
            @Schema(description = "出生日期 YYYY-MM-DD，由身份证号码得出") @Nullable String birthDate,
            @Schema(description = "是否已年满 18 周岁，由身份证号码得出") @Nullable Boolean adult,
            @Schema(description = "已绑定的手机号（本人可见全文）；未绑定为 null") @Nullable String phone,
            @Schema(description = "手机号绑定时间") @Nullable Instant phoneBoundAt,
            @Schema(description = "保存资料时同意的说明版本") @Nullable String consentVersion,
            @Schema(description = "同意时间") @Nullable Instant consentedAt,
            @Schema(description = "同意的是否为当前版本的说明；为 false 时请本人重新阅读并同意") boolean consentCurrent,
            @Schema(description = "最近一次保存时间") @Nullable Instant updatedAt,
            @Schema(description = "当前的资料保存说明，保存前展示给本人") ProfilePolicy policy) {
    }

    @Serdeable
    record SaveProfile(@Schema(description = "与身份证一致的姓名") @Nullable String name,
                       @Schema(description = "18 位身份证号码") @Nullable String idNumber,
                       @Schema(description = "本人已阅读并同意资料保存说明，必须为 true") @Nullable Boolean consent,
                       @Schema(description = "同意的说明版本，取自 GET 返回的 policy.version") @Nullable String policyVersion) {
    }

    @Get
    @Operation(summary = "我的资料", description = "本人的姓名、身份证号码（均为全文）和已绑定的手机号，用于自动填写志愿者注册、法律援助申请、"
            + "心理咨询预约和代办申请；未保存时 saved 为 false，并附资料保存说明。仅本人可读，每次读取记入审计日志。")
    @ApiResponse(responseCode = "200", description = "本人的资料", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "工作人员账号没有市民资料",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Profile get(Authentication authentication, HttpRequest<?> request) {
        UUID account = citizen(authentication);
        CitizenProfiles.Stored stored = profiles.of(account);
        record(account, AuditLog.PROFILE_READ, request, stored.name() == null ? "empty" : null);
        return view(stored);
    }

    @Put
    @Operation(summary = "保存我的资料", description = "本人同意资料保存说明后保存姓名和身份证号码（加密存储），以后的表单自动填写；"
            + "再次保存即修改。手机号使用已绑定的号码，不在此保存。")
    @ApiResponse(responseCode = "200", description = "已保存的资料", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "未同意保存说明、说明版本已过期、姓名或身份证号码有误；什么也没有保存",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "403", description = "工作人员账号没有市民资料",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Profile put(@Body SaveProfile body, Authentication authentication, HttpRequest<?> request) {
        UUID account = citizen(authentication);
        CitizenProfiles.Stored stored = profiles.save(account, body.name(), body.idNumber(), body.consent(), body.policyVersion());
        record(account, AuditLog.PROFILE_SAVE, request, "policy " + stored.consentVersion());
        return view(stored);
    }

    @Delete
    @Operation(summary = "撤回同意并删除我的资料", description = "删除保存的姓名和身份证号码，以后的表单不再自动填写；已提交的申请不受影响，"
            + "已绑定的手机号仍用于登录。没有保存过资料时同样返回 204。")
    @ApiResponse(responseCode = "204", description = "已删除")
    @ApiResponse(responseCode = "403", description = "工作人员账号没有市民资料",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    HttpResponse<Void> delete(Authentication authentication, HttpRequest<?> request) {
        UUID account = citizen(authentication);
        boolean erased = profiles.erase(account);
        record(account, AuditLog.PROFILE_ERASE, request, erased ? null : "nothing saved");
        return HttpResponse.noContent();
    }

    private static Profile view(CitizenProfiles.Stored s) {
        ResidentIdNumber id = s.idNumber();
        LocalDate today = LocalDate.now(NANNING);
        return new Profile(s.name() != null, s.name(), id == null ? null : id.value(),
                id == null ? null : id.birthDate().toString(), id == null ? null : id.ageOn(today) >= 18,
                s.phone(), s.phoneBoundAt(), s.consentVersion(), s.consentedAt(),
                ProfilePolicy.CURRENT.version().equals(s.consentVersion()), s.updatedAt(), ProfilePolicy.CURRENT);
    }

    private void record(UUID account, String action, HttpRequest<?> request, @Nullable String detail) {
        audit.record(new AuditLog.Entry(account.toString(), "CITIZEN", action, "citizen_profile", account.toString(),
                AuditLog.SUCCESS, clients.of(request), detail));
    }

    private static UUID citizen(Authentication authentication) {
        return Callers.citizen(authentication, "“我的资料”是市民本人的资料，工作人员账号没有。");
    }
}
