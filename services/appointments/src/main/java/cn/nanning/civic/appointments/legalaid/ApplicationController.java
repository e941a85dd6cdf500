package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/appointments/legal-aid/applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "legal-aid", description = "法律援助：法律咨询预约与法律援助申请")
class ApplicationController {

    private final LegalAidApplications applications;

    ApplicationController(LegalAidApplications applications) {
        this.applications = applications;
    }

    @Post
    @Operation(summary = "申请法律援助", description = "提交申请人信息、案件情况、对方当事人，以及经济困难说明或免予核查经济困难的情形。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<ApplicationView> submit(@Body NewApplicationBody b, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        var app = applications.submit(caller, new LegalAidApplications.NewApplication(b.applicantName(), b.idNumber(),
                b.phone(), b.regionCode(), b.caseType(), b.otherParty(), b.description(), b.hardshipStatement(), b.exemptGround(),
                b.consultationId()));
        return HttpResponse.created(applications.view(caller, app), URI.create("/api/v1/appointments/legal-aid/applications/" + app.id()));
    }

    @Get("/mine")
    @Operation(summary = "我的法律援助申请", description = "本人提交的法律援助申请，最新的在前，分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 50。")
    PageOf<ApplicationView> mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                                 Authentication authentication) {
        return applications.mine(Caller.from(authentication), page, size);
    }

    @Get("/workbench")
    @Secured({"ADMIN", "LAWYER"})
    @Operation(summary = "法律援助申请工作台", description = "管理员看到本辖区的申请；律师看到指派给本人的申请。")
    List<ApplicationView> workbench(Authentication authentication) {
        return applications.workbench(Caller.from(authentication)).stream().map(a -> applications.view(Caller.from(authentication), a)).toList();
    }

    @Get("/overdue")
    @Secured("ADMIN")
    @Operation(summary = "逾期的法律援助申请", description = "管理员辖区内已超过决定期限或指派期限的申请。")
    List<ApplicationView> overdue(Authentication authentication) {
        return applications.overdue(Caller.from(authentication)).stream().map(a -> applications.view(Caller.from(authentication), a)).toList();
    }

    @Get("/decided")
    @Secured("ADMIN")
    @Operation(summary = "已作出决定的法律援助申请", description = "管理员辖区内已决定不予法律援助或已指派律师的申请。")
    List<ApplicationView> decided(Authentication authentication) {
        return applications.decided(Caller.from(authentication)).stream().map(a -> applications.view(Caller.from(authentication), a)).toList();
    }

    @Get("/{id}/contact")
    @Secured({"ADMIN", "LAWYER"})
    @Operation(summary = "申请人完整联系方式", description = "申请人的完整姓名、电话和身份证号，仅限作出决定的人员和受指派的律师查看；记入审计日志。")
    LegalAidApplications.Contact contact(@PathVariable UUID id, Authentication authentication) {
        return applications.contact(Caller.from(authentication), id);
    }

    @Get("/{id}")
    @Operation(summary = "查看法律援助申请", description = "申请人、受指派的律师或申请所在辖区的管理员可查看。")
    ApplicationView one(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return applications.view(caller, applications.read(caller, id));
    }

    @Get("/{id}/id-number")
    @Secured({"ADMIN", "LAWYER"})
    @Operation(summary = "申请人完整身份证号", description = "记入审计日志。")
    IdNumber idNumber(@PathVariable UUID id, Authentication authentication) {
        return new IdNumber(applications.fullIdNumber(Caller.from(authentication), id));
    }

    @Post("/{id}/supplement-request")
    @Secured("ADMIN")
    @Operation(summary = "通知补充材料", description = "一次性告知申请人需要补充的全部材料；审查期限暂停计算。")
    ApplicationView requestSupplement(@PathVariable UUID id, @Body Materials body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return applications.view(caller, applications.requestSupplement(caller, id, body.materials()));
    }

    @Post("/{id}/supplement")
    @Operation(summary = "补充材料", description = "申请人提交所要求的材料；审查期限恢复计算。")
    ApplicationView supplement(@PathVariable UUID id, @Body Note body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return applications.view(caller, applications.supplement(caller, id, body.note()));
    }

    @Post("/{id}/withdrawal")
    @Operation(summary = "撤回法律援助申请", description = "申请人本人在作出决定前（审查中、待补充材料）撤回；已作出决定的答 409。")
    ApplicationView withdraw(@PathVariable UUID id, @Body @Nullable Withdrawal body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return applications.view(caller, applications.withdraw(caller, id, body == null ? null : body.reason()));
    }

    @Serdeable
    record Withdrawal(@Nullable String reason) {
    }

    @Post("/{id}/decision")
    @Secured("ADMIN")
    @Operation(summary = "决定是否给予法律援助", description = "给予或不予法律援助，均须说明理由。")
    ApplicationView decide(@PathVariable UUID id, @Body Decision body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return applications.view(caller, applications.decide(caller, id, body.approve(), body.reasons()));
    }

    @Post("/{id}/assignment")
    @Secured("ADMIN")
    @Operation(summary = "指派承办人员", description = "指派律师或法律援助机构工作人员承办；应在决定给予法律援助后 3 个工作日内指派。")
    ApplicationView assign(@PathVariable UUID id, @Body Assignment body, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        return applications.view(caller, applications.assign(caller, id, body.providerId()));
    }

    @Serdeable
    record NewApplicationBody(@Nullable String applicantName, @Nullable String idNumber, @Nullable String phone,
                              @Nullable String regionCode, @Nullable String caseType, @Nullable String otherParty,
                              @Nullable String description, @Nullable String hardshipStatement, @Nullable String exemptGround,
                              @Schema(description = "本人的法律咨询预约编号：律师在咨询中建议申请法律援助时填写，预约即指向本申请")
                              @Nullable UUID consultationId) {
    }

    @Serdeable
    record IdNumber(String idNumber) {
    }

    @Serdeable
    record Materials(@Nullable String materials) {
    }

    @Serdeable
    record Note(@Nullable String note) {
    }

    @Serdeable
    record Decision(@Nullable Boolean approve, @Nullable String reasons) {
    }

    @Serdeable
    record Assignment(@Nullable UUID providerId) {
    }
}
