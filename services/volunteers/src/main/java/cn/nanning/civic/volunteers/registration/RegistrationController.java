package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteers", description = "志愿者实名注册、个人信息处理同意与撤回")
class RegistrationController {

    private final Volunteers volunteers;

    RegistrationController(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @Post
    @Operation(summary = "注册志愿者", description = "本人实名注册为志愿者：姓名、身份证号，并单独同意处理敏感个人信息。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<VolunteerView> register(@Body @Valid NewRegistration command, Authentication authentication) {
        VolunteerView view = volunteers.register(Caller.from(authentication), command);
        return HttpResponse.created(view, URI.create("/api/v1/volunteers/" + view.id()));
    }

    @Get("/me")
    @Operation(summary = "我的志愿者信息", description = "个人信息脱敏。")
    VolunteerView mine(Authentication authentication) {
        return volunteers.mine(Caller.from(authentication));
    }

    @Get("/me/id-number")
    @Operation(summary = "我的完整身份证号", description = "记入审计日志。")
    IdNumber myIdNumber(Authentication authentication) {
        return new IdNumber(volunteers.revealOwnIdNumber(Caller.from(authentication)));
    }

    @Post("/me/consent/withdrawal")
    @Operation(summary = "撤回敏感个人信息处理同意", description = "撤回后身份信息随即删除，不再参加志愿服务。")
    VolunteerView withdraw(Authentication authentication) {
        return volunteers.withdrawConsent(Caller.from(authentication));
    }

    @Get("/search{?name,idNumber,region,page}")
    @Secured("ADMIN")
    @Operation(summary = "查找本辖区志愿者", description = "管理员按完整姓名、身份证号（完整或与显示一致的脱敏号码）和区划查找本辖区的志愿者；结果脱敏，记入审计日志。")
    java.util.List<Volunteers.VolunteerMatch> search(@Nullable @QueryValue String name, @Nullable @QueryValue String idNumber,
                                                     @Nullable @QueryValue String region, @Nullable @QueryValue Integer page,
                                                     Authentication authentication) {
        return volunteers.search(Caller.from(authentication), name, idNumber, region, page);
    }

    @Post("/me/portal-link-code")
    @Operation(summary = "生成门户账号关联码", description = "一次性关联码，10 分钟内有效；志愿者用它将本人的门户账号（角色 VOLUNTEER）关联到志愿者记录。")
    Volunteers.LinkCode portalLinkCode(Authentication authentication) {
        return volunteers.portalLinkCode(Caller.from(authentication));
    }

    @Post("/me/portal-link")
    @Secured("VOLUNTEER")
    @Operation(summary = "关联门户账号", description = "当前登录的门户账号（角色 VOLUNTEER）输入志愿者的一次性关联码，与其志愿者记录关联。")
    VolunteerView linkPortalAccount(@Body PortalLink body, Authentication authentication) {
        return volunteers.linkPortalAccount(Caller.from(authentication), body.code());
    }

    @io.micronaut.http.annotation.Delete("/me/portal-link")
    @io.micronaut.http.annotation.Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "解除门户账号关联", description = "解除志愿者记录与其门户账号的关联。")
    void unlinkPortalAccount(Authentication authentication) {
        volunteers.unlinkPortalAccount(Caller.from(authentication));
    }

    @Serdeable
    record PortalLink(@Nullable String code) {
    }

    @Serdeable
    record TransferRequest(@Nullable String toRegion, @Nullable String reason) {
    }

    @Post("/me/transfers")
    @Operation(summary = "转移我的志愿者记录", description = "转到另一个村（社区）；服务时长、服务记录和志愿服务证明随之转移。")
    java.util.List<Volunteers.Transfer> transferMe(@Body TransferRequest body, Authentication authentication) {
        return volunteers.transfer(Caller.from(authentication), null, body.toRegion(), body.reason());
    }

    @Get("/me/transfers")
    @Operation(summary = "我的志愿者记录转移情况")
    java.util.List<Volunteers.Transfer> myTransfers(Authentication authentication) {
        return volunteers.transfersOf(Caller.from(authentication), null);
    }

    @Post("/{id}/transfers")
    @Secured("ADMIN")
    @Operation(summary = "转移志愿者记录", description = "辖区覆盖志愿者当前所在地的管理员将其记录转到另一个村（社区）；记入审计日志。")
    java.util.List<Volunteers.Transfer> transfer(@PathVariable UUID id, @Body TransferRequest body, Authentication authentication) {
        return volunteers.transfer(Caller.from(authentication), id, body.toRegion(), body.reason());
    }

    @Get("/{id}/transfers")
    @Secured("ADMIN")
    @Operation(summary = "志愿者记录的转移情况", description = "限辖区覆盖志愿者当前所在地的管理员（ADMIN）。")
    java.util.List<Volunteers.Transfer> transfers(@PathVariable UUID id, Authentication authentication) {
        return volunteers.transfersOf(Caller.from(authentication), id);
    }

    @Get("/{id}")
    @Secured("ADMIN")
    @Operation(summary = "查看志愿者信息", description = "限志愿者所在辖区的管理员；个人信息脱敏。")
    VolunteerView one(@PathVariable UUID id, Authentication authentication) {
        return volunteers.forStaff(Caller.from(authentication), id);
    }

    @Get("/{id}/id-number")
    @Operation(summary = "查看志愿者完整身份证号", description = "限志愿者所在辖区的管理员，须说明用途；记入审计日志。")
    IdNumber idNumber(@PathVariable UUID id, @Nullable @QueryValue String reason, Authentication authentication) {
        return new IdNumber(volunteers.revealIdNumber(Caller.from(authentication), id, reason));
    }

    @Serdeable
    record IdNumber(String idNumber) {
    }
}
