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
    @Operation(summary = "A resident comments on an open topic; checked first (risky text refused, text to review waits for a moderator)")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<OpinionViews.OpinionView> post(@PathVariable UUID topicId, @Body @Valid NewOpinion body, Authentication authentication) {
        OpinionViews.OpinionView opinion = opinions.post(Caller.from(authentication),
                CitizenOpenId.of(authentication).orElse(null), topicId, body.content());
        return HttpResponse.created(opinion, URI.create("/api/v1/council/topics/" + topicId + "/opinions"));
    }

    @Get("/topics/{topicId}/opinions")
    @Operation(summary = "Published opinions of a topic (and the caller's own ones waiting for review)")
    List<OpinionViews.OpinionView> ofTopic(@PathVariable UUID topicId, Authentication authentication) {
        return opinions.ofTopic(topicId, authentication.getName());
    }

    @Post("/opinions/{id}/reports")
    @Operation(summary = "A resident reports an opinion (once); it goes to the moderators' queue")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<OpinionViews.OpinionView> report(@PathVariable UUID id, @Body @Valid Reports.NewReport body, Authentication authentication) {
        return HttpResponse.created(opinions.report(Caller.from(authentication), id, body.reason()));
    }

    @Get("/councils/{councilId}/moderation-queue")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Topics and opinions waiting for review and reported ones (convener or admin in scope)")
    List<OpinionViews.QueueItem> queue(@PathVariable UUID councilId, Authentication authentication) {
        return opinions.queue(Caller.from(authentication), councilId);
    }

    @Post("/opinions/{id}/approve")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Publish an opinion under review or keep a reported one (settles its reports)")
    OpinionViews.OpinionView approve(@PathVariable UUID id, Authentication authentication) {
        return opinions.approve(Caller.from(authentication), id);
    }

    @Post("/opinions/{id}/hide")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "Hide an opinion everywhere with a reason; the author is notified")
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
