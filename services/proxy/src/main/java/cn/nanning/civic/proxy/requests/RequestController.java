package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/proxy/requests")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "proxy-requests", description = "代办事项：委托、受理、办理、送达、归档、回访")
class RequestController {

    private final Requests requests;
    private final RequestContacts contacts;

    RequestController(Requests requests, RequestContacts contacts) {
        this.contacts = contacts;
        this.requests = requests;
    }

    @Post
    @Operation(summary = "委托代办",
            description = "居民在小程序中委托，或由代办员代居民委托代办。可带 Idempotency-Key 请求头（8–100 个字母、数字或 . _ : -）：未收到答复而重试时用同一值，答复第一次创建的委托（响应头 Idempotent-Replayed: true），不会重复创建。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<RequestView> authorise(@Body @Valid NewRequest command,
                                        @Nullable @Header(IdempotentWrites.HEADER) String idempotencyKey,
                                        Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String key = IdempotentWrites.validated(idempotencyKey);
        try {
            RequestView view = requests.authorise(caller, command, key);
            return HttpResponse.created(view, URI.create("/api/v1/proxy/requests/" + view.id()));
        } catch (IdempotentWrites.Replayed replayed) {
            RequestView view = requests.read(caller, replayed.resultId());
            return HttpResponse.created(view, URI.create("/api/v1/proxy/requests/" + view.id()))
                    .header(IdempotentWrites.REPLAYED, "true");
        }
    }

    @Post("/{id}/accept")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "受理", description = "核验材料，出具受理回执编号，开始计算 3 个工作日的转办期限。")
    RequestView accept(@PathVariable UUID id, @Body Accept command, Authentication authentication) {
        return requests.accept(Caller.from(authentication), id, command.materials());
    }

    @Post("/{id}/forward")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "办理", description = "送交主管部门办理。")
    RequestView forward(@PathVariable UUID id, @Body Forward command, Authentication authentication) {
        return requests.forward(Caller.from(authentication), id, command.office(), command.note());
    }

    @Post("/{id}/deliver")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "送达", description = "办理结果已送达居民。")
    RequestView deliver(@PathVariable UUID id, @Body Note command, Authentication authentication) {
        return requests.deliver(Caller.from(authentication), id, command.note());
    }

    @Post("/{id}/archive")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "归档")
    RequestView archive(@PathVariable UUID id, Authentication authentication) {
        return requests.archive(Caller.from(authentication), id);
    }

    @Post("/{id}/follow-up")
    @Operation(summary = "回访", description = "由居民或代办员提交满意度（1–5）和评价。")
    RequestView followUp(@PathVariable UUID id, @Body @Valid FollowUp command, Authentication authentication) {
        return requests.followUp(Caller.from(authentication), id, command.satisfaction(), command.comment());
    }

    @Post("/{id}/withdrawal")
    @Operation(summary = "撤回代办委托", description = "委托人本人在代办员受理前撤回（打包快办连同各子事项）；已受理的答 409。")
    RequestView withdraw(@PathVariable UUID id, @Body @Nullable Withdrawal command, Authentication authentication) {
        return requests.withdraw(Caller.from(authentication), id, command == null ? null : command.reason());
    }

    @Post("/{id}/referrals")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "转介至法律援助或人民调解",
            description = "只建立关联并发出事件，不复制代办申请。可带 Idempotency-Key 请求头：重试时用同一值，答复第一次的转介，不会重复转介。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Requests.Referral> refer(@PathVariable UUID id, @Body Refer command,
                                          @Nullable @Header(IdempotentWrites.HEADER) String idempotencyKey,
                                          Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String key = IdempotentWrites.validated(idempotencyKey);
        try {
            return HttpResponse.created(requests.refer(caller, id, command.target(), command.reason(), key));
        } catch (IdempotentWrites.Replayed replayed) {
            return HttpResponse.created(requests.referral(caller, replayed.resultId())).header(IdempotentWrites.REPLAYED, "true");
        }
    }

    @Get("/{id}/contact")
    @Secured({"CLERK", "ADMIN"})
    @Operation(summary = "居民完整联系方式", description = "居民的完整姓名和电话，仅限在该申请所在服务点经办的工作人员查看；记入审计日志。")
    RequestContacts.Contact contact(@PathVariable UUID id, Authentication authentication) {
        return contacts.read(Caller.from(authentication), id);
    }

    @Get("/closed")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "已办结的代办申请", description = "工作台不再显示的申请（已回访或已撤回），最近办结的在前：代办员看本服务点的，乡镇（街道）及以上负责人看辖区的；个人信息脱敏，分页返回 {items, page, size, total}，page 从 0 开始，size 为 1 到 50。")
    PageOf<RequestView> closed(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                               Authentication authentication) {
        return requests.closed(Caller.from(authentication), page, size);
    }

    @Get("/{id}")
    @Operation(summary = "查看代办申请", description = "含材料清单和办理进程；个人信息脱敏。")
    RequestView one(@PathVariable UUID id, Authentication authentication) {
        return requests.read(Caller.from(authentication), id);
    }

    @Get("/workbench")
    @Secured({"CLERK", "VOLUNTEER", "ADMIN"})
    @Operation(summary = "代办工作台", description = "尚未办结的代办申请，逾期的在前：代办员看本人所在服务点的，乡镇（街道）及以上负责人看其辖区的。")
    List<RequestView> workbench(Authentication authentication) {
        return requests.workbench(Caller.from(authentication));
    }

    @Get("/overdue")
    @Secured({"CLERK", "ADMIN"})
    @Operation(summary = "逾期未转办的代办申请", description = "乡镇（街道）及以上负责人辖区内已受理但超过转办期限的代办申请。")
    List<RequestView> overdue(Authentication authentication) {
        return requests.overdue(Caller.from(authentication));
    }

    @Get("/mine")
    @Operation(summary = "我的代办申请", description = "本人提交的代办申请，最新的在前，分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 50。")
    PageOf<RequestView> mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                             Authentication authentication) {
        return requests.mine(Caller.from(authentication), page, size);
    }

    @Serdeable
    record Accept(@Nullable List<String> materials) {
    }

    @Serdeable
    record Forward(@Nullable String office, @Nullable String note) {
    }

    @Serdeable
    record Note(@Nullable String note) {
    }

    @Serdeable
    record Refer(@Nullable String target, @Nullable String reason) {
    }

    @Serdeable
    record Withdrawal(@Nullable String reason) {
    }

    @Serdeable
    record FollowUp(@NotNull(message = "请选择满意度") Integer satisfaction, @Nullable String comment) {
    }
}
