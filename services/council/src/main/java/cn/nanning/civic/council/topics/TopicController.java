package cn.nanning.civic.council.topics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.council.CitizenOpenId;
import cn.nanning.civic.council.Reports;
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
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/council")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council-topics", description = "议题：居民提出、代办员代录入、附议、召集人采纳/合并/不采纳")
class TopicController {

    private final Topics topics;

    TopicController(Topics topics) {
        this.topics = topics;
    }

    @Post("/councils/{councilId}/topics")
    @Operation(summary = "提出议题", description = "居民（市民令牌）提出议题；先经内容检查：含风险内容的拒绝，需人工审核的待审核后公开。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.TopicView> propose(@PathVariable UUID councilId, @Body @Valid NewTopic body, Authentication authentication) {
        TopicViews.TopicView topic = topics.propose(Caller.from(authentication), CitizenOpenId.of(authentication).orElse(null), councilId,
                body.title(), body.description());
        return HttpResponse.created(topic, URI.create("/api/v1/council/topics/" + topic.id()));
    }

    @Post("/councils/{councilId}/assisted-topics")
    @Secured("CLERK")
    @Operation(summary = "代居民提出议题", description = "代办员为不上网的居民录入议题并记录居民同意；录入后等待审核。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.TopicView> proposeForResident(@PathVariable UUID councilId, @Body @Valid AssistedTopic body,
                                                          Authentication authentication) {
        TopicViews.TopicView topic = topics.proposeForResident(Caller.from(authentication), councilId, body.title(), body.description(),
                body.residentName(), body.consent().method(), body.consent().at());
        return HttpResponse.created(topic, URI.create("/api/v1/council/topics/" + topic.id()));
    }

    @Get("/councils/{councilId}/topics")
    @Operation(summary = "议事会已公开的议题", description = "最新的在前，可按状态筛选（OPEN 征集中、ACCEPTED 已采纳、MERGED 已合并、DECLINED 未采纳），隐藏和待审核的不列出；分页返回 {items, page, size, total}，page 从 0 开始，size 为 1 到 200。")
    PageOf<TopicViews.TopicView> ofCouncil(@PathVariable UUID councilId, @Nullable @QueryValue String status,
                                           @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size) {
        return topics.pageOfCouncil(councilId, status, page, size);
    }

    @Get("/topics/{id}")
    @Operation(summary = "查看议题")
    TopicViews.TopicView one(@PathVariable UUID id, Authentication authentication) {
        return topics.find(Caller.from(authentication), id);
    }

    @Post("/topics/{id}/approve")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "通过议题审核", description = "公开待审核的议题（通知提出人），或保留被举报的议题（了结相关举报）；限辖区内的召集人或管理员。")
    TopicViews.TopicView approve(@PathVariable UUID id, Authentication authentication) {
        return topics.approve(Caller.from(authentication), id);
    }

    @Post("/topics/{id}/hide")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "隐藏议题", description = "在所有页面隐藏议题并公开理由，通知提出人；限辖区内的召集人或管理员。")
    TopicViews.TopicView hide(@PathVariable UUID id, @Body @Valid HideReason body, Authentication authentication) {
        return topics.hide(Caller.from(authentication), id, body.reason());
    }

    @Post("/topics/{id}/reports")
    @Operation(summary = "举报议题", description = "居民举报已公开的议题（每人一次，不能举报自己的）；进入审核队列，处理前仍然可见。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.TopicView> report(@PathVariable UUID id, @Body @Valid Reports.NewReport body, Authentication authentication) {
        return HttpResponse.created(topics.report(Caller.from(authentication), id, body.reason()));
    }

    @Post("/topics/{id}/supports")
    @Operation(summary = "附议", description = "每位居民对同一议题只能附议一次。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.SupportView> support(@PathVariable UUID id, Authentication authentication) {
        return HttpResponse.created(topics.support(Caller.from(authentication), id));
    }

    @Post("/topics/{id}/accept")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "采纳议题", description = "可附公开理由；限辖区内的召集人或管理员。")
    TopicViews.TopicView accept(@PathVariable UUID id, @Nullable @Body @Valid Reason body, Authentication authentication) {
        return topics.accept(Caller.from(authentication), id, body != null ? body.reason() : null);
    }

    @Post("/topics/{id}/decline")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "不予采纳议题", description = "须附公开理由；限辖区内的召集人或管理员。")
    TopicViews.TopicView decline(@PathVariable UUID id, @Body @Valid Reason body, Authentication authentication) {
        return topics.decline(Caller.from(authentication), id, body.reason());
    }

    @Post("/topics/{id}/merge")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "合并议题", description = "将议题并入本议事会的另一议题，须附公开理由；限辖区内的召集人或管理员。")
    TopicViews.TopicView merge(@PathVariable UUID id, @Body @Valid Merge body, Authentication authentication) {
        return topics.merge(Caller.from(authentication), id, body.into(), body.reason());
    }

    @Serdeable
    record NewTopic(@NotBlank(message = "请填写议题标题。") @Size(max = 80, message = "标题不超过 80 个字。") String title,
                    @NotBlank(message = "请填写议题内容。") @Size(max = 2000, message = "内容不超过 2000 个字。") String description) {
    }

    @Serdeable
    record Consent(@NotNull(message = "须确认已取得居民本人同意。") @AssertTrue(message = "须确认已取得居民本人同意。") Boolean given,
                   @NotBlank(message = "请填写取得同意的方式（如：当面口头同意、书面签字）。") @Size(max = 60, message = "同意方式不超过 60 个字。") String method,
                   @NotNull(message = "请填写取得同意的时间。") Instant at) {
    }

    @Serdeable
    record AssistedTopic(@NotBlank(message = "请填写议题标题。") @Size(max = 80, message = "标题不超过 80 个字。") String title,
                         @NotBlank(message = "请填写议题内容。") @Size(max = 2000, message = "内容不超过 2000 个字。") String description,
                         @NotBlank(message = "请填写居民姓名。") @Size(max = 30, message = "姓名不超过 30 个字。") String residentName,
                         @NotNull(message = "须记录居民本人的同意。") @Valid Consent consent) {
    }

    @Serdeable
    record Reason(@Nullable @Size(max = 500, message = "理由不超过 500 个字。") String reason) {
    }

    @Serdeable
    record HideReason(@NotBlank(message = "隐藏议题须公开说明理由。") @Size(max = 200, message = "理由不超过 200 个字。") String reason) {
    }

    @Serdeable
    record Merge(@NotNull(message = "请选择要合并到的议题。") UUID into,
                 @NotBlank(message = "合并议题须公开说明理由。") @Size(max = 500, message = "理由不超过 500 个字。") String reason) {
    }
}
