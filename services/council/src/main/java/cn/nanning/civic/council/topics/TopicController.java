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
    @Operation(summary = "A resident proposes a topic (citizen token); checked first (risky text refused, text to review waits for a moderator)")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.TopicView> propose(@PathVariable UUID councilId, @Body @Valid NewTopic body, Authentication authentication) {
        TopicViews.TopicView topic = topics.propose(Caller.from(authentication), CitizenOpenId.of(authentication).orElse(null), councilId,
                body.title(), body.description());
        return HttpResponse.created(topic, URI.create("/api/v1/council/topics/" + topic.id()));
    }

    @Post("/councils/{councilId}/assisted-topics")
    @Secured("CLERK")
    @Operation(summary = "A clerk enters a topic for an offline resident, recording the resident's consent; it waits for a moderator")
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
    @Operation(summary = "One topic")
    TopicViews.TopicView one(@PathVariable UUID id, Authentication authentication) {
        return topics.find(Caller.from(authentication), id);
    }

    @Post("/topics/{id}/approve")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Publish a topic waiting for review (its proposer is told), or keep a reported one (settles its reports); convener or admin in scope")
    TopicViews.TopicView approve(@PathVariable UUID id, Authentication authentication) {
        return topics.approve(Caller.from(authentication), id);
    }

    @Post("/topics/{id}/hide")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Hide a topic everywhere with a public reason (convener or admin in scope); its proposer is told")
    TopicViews.TopicView hide(@PathVariable UUID id, @Body @Valid HideReason body, Authentication authentication) {
        return topics.hide(Caller.from(authentication), id, body.reason());
    }

    @Post("/topics/{id}/reports")
    @Operation(summary = "A resident reports a published topic (once, not their own); it goes to the moderators' queue and stays visible until they decide")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.TopicView> report(@PathVariable UUID id, @Body @Valid Reports.NewReport body, Authentication authentication) {
        return HttpResponse.created(topics.report(Caller.from(authentication), id, body.reason()));
    }

    @Post("/topics/{id}/supports")
    @Operation(summary = "Support a topic (one per resident)")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TopicViews.SupportView> support(@PathVariable UUID id, Authentication authentication) {
        return HttpResponse.created(topics.support(Caller.from(authentication), id));
    }

    @Post("/topics/{id}/accept")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Accept a topic (convener or admin in scope), optional public reason")
    TopicViews.TopicView accept(@PathVariable UUID id, @Nullable @Body @Valid Reason body, Authentication authentication) {
        return topics.accept(Caller.from(authentication), id, body != null ? body.reason() : null);
    }

    @Post("/topics/{id}/decline")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Decline a topic with a public reason (convener or admin in scope)")
    TopicViews.TopicView decline(@PathVariable UUID id, @Body @Valid Reason body, Authentication authentication) {
        return topics.decline(Caller.from(authentication), id, body.reason());
    }

    @Post("/topics/{id}/merge")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Merge a topic into another topic of the council with a public reason (convener or admin in scope)")
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
