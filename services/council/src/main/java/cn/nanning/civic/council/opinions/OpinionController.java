package cn.nanning.civic.council.opinions;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.council.CitizenOpenId;
import cn.nanning.civic.council.Reports;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/council")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council-opinions", description = "议题意见：内容安全检查、举报、审核与隐藏")
class OpinionController {

    private final Opinions opinions;

    OpinionController(Opinions opinions) {
        this.opinions = opinions;
    }

    @Post("/topics/{topicId}/opinions")
    @Operation(summary = "发表意见", description = "居民对征集中的议题发表意见；先经内容检查：含风险内容的拒绝，需人工审核的待审核后公开。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<OpinionViews.OpinionView> post(@PathVariable UUID topicId, @Body @Valid NewOpinion body, Authentication authentication) {
        OpinionViews.OpinionView opinion = opinions.post(Caller.from(authentication),
                CitizenOpenId.of(authentication).orElse(null), topicId, body.content());
        return HttpResponse.created(opinion, URI.create("/api/v1/council/topics/" + topicId + "/opinions"));
    }

    @Get("/topics/{topicId}/opinions")
    @Operation(summary = "议题的意见", description = "已公开的意见，以及本人待审核的意见。")
    List<OpinionViews.OpinionView> ofTopic(@PathVariable UUID topicId, Authentication authentication) {
        return opinions.ofTopic(topicId, authentication.getName());
    }

    @Post("/opinions/{id}/reports")
    @Operation(summary = "举报意见", description = "每人一次；进入审核队列。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<OpinionViews.OpinionView> report(@PathVariable UUID id, @Body @Valid Reports.NewReport body, Authentication authentication) {
        return HttpResponse.created(opinions.report(Caller.from(authentication), id, body.reason()));
    }

    @Get("/councils/{councilId}/moderation-queue")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "审核队列", description = "待审核和被举报的议题与意见；限辖区内的召集人或管理员。")
    List<OpinionViews.QueueItem> queue(@PathVariable UUID councilId, Authentication authentication) {
        return opinions.queue(Caller.from(authentication), councilId);
    }

    @Post("/opinions/{id}/approve")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "通过意见审核", description = "公开待审核的意见，或保留被举报的意见（了结相关举报）。")
    OpinionViews.OpinionView approve(@PathVariable UUID id, Authentication authentication) {
        return opinions.approve(Caller.from(authentication), id);
    }

    @Post("/opinions/{id}/hide")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "隐藏意见", description = "在所有页面隐藏意见，须说明理由；通知发表人。")
    OpinionViews.OpinionView hide(@PathVariable UUID id, @Body @Valid HideReason body, Authentication authentication) {
        return opinions.hide(Caller.from(authentication), id, body.reason());
    }

    @Serdeable
    record NewOpinion(@NotBlank(message = "请填写意见内容。") @Size(max = 500, message = "意见不超过 500 个字。") String content) {
    }

    @Serdeable
    record HideReason(@NotBlank(message = "隐藏意见须说明理由。") @Size(max = 200, message = "理由不超过 200 个字。") String reason) {
    }
}
