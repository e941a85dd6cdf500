package cn.nanning.civic.council.decisions;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/council")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council-decisions", description = "四议两公开：按序登记党组织提议、两委会商议、党员大会审议、村民（代表）会议决议，决议公开与实施结果公开")
class DecisionController {

    private final Decisions decisions;
    private final ProgressPhotos photos;

    DecisionController(Decisions decisions, ProgressPhotos photos) {
        this.decisions = decisions;
        this.photos = photos;
    }

    @Post(value = "/decisions/{id}/progress/{progressId}/photos", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"CONVENER", "ADMIN"})
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "上传进展照片", description = "为实施进展添加照片：按内容核验为 JPG 或 PNG，去除元数据，随实施结果一同公开。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<DecisionViews.PhotoView> photo(@PathVariable UUID id, @PathVariable UUID progressId, @Part("file") CompletedFileUpload file,
                                                Authentication authentication) throws IOException {
        DecisionViews.PhotoView photo = photos.upload(Caller.from(authentication), id, progressId, file.getBytes());
        return HttpResponse.created(photo, URI.create(photo.url()));
    }

    @Delete("/decisions/{id}/progress/{progressId}/photos/{photoId}")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "删除进展照片", description = "删除误传的进展照片，须说明理由，可上传照片的人员均可删除；文件随之删除，删除操作记入审计日志。")
    DecisionViews.DecisionView removePhoto(@PathVariable UUID id, @PathVariable UUID progressId, @PathVariable UUID photoId,
                                           @Body @Valid PhotoRemoval body, Authentication authentication) {
        photos.remove(Caller.from(authentication), id, progressId, photoId, body.reason());
        return decisions.find(id);
    }

    @Post("/councils/{councilId}/decisions")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "发起四议两公开事项", description = "发起须经四议两公开的重大事项，可基于已采纳的议题；限辖区内的召集人或管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<DecisionViews.DecisionView> open(@PathVariable UUID councilId, @Body @Valid NewDecision body, Authentication authentication) {
        DecisionViews.DecisionView d = decisions.open(Caller.from(authentication), councilId, body.title(), body.matter(), body.topicId());
        return HttpResponse.created(d, URI.create("/api/v1/council/decisions/" + d.id()));
    }

    @Get("/councils/{councilId}/decisions")
    @Operation(summary = "议事会的决议事项", description = "最近有变化的在前，分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 200。")
    PageOf<DecisionViews.DecisionSummary> ofCouncil(@PathVariable UUID councilId, @QueryValue(defaultValue = "0") int page,
                                                    @QueryValue(defaultValue = "20") int size) {
        return decisions.pageOfCouncil(councilId, false, page, size);
    }

    @Get("/decisions/{id}")
    @Operation(summary = "查看决议事项", description = "含各步骤登记和实施进程；resolution 为公开的决议内容 {content, publishedAt}（决议公开前没有该字段）。")
    DecisionViews.DecisionView one(@PathVariable UUID id) {
        return decisions.find(id);
    }

    @Post("/decisions/{id}/register")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "登记下一表决步骤", description = "登记下一表决步骤的召开情况；不按顺序登记答 409，未达法定人数的记为未通过。")
    DecisionViews.DecisionView hold(@PathVariable UUID id, @Body @Valid StepHolding body, Authentication authentication) {
        Step step;
        try {
            step = Step.valueOf(body.step());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("step", "步骤只能是 PROPOSAL、COMMITTEES_DISCUSSION、PARTY_REVIEW 或 RESIDENTS_RESOLUTION。");
        }
        return decisions.hold(Caller.from(authentication), id, new Decisions.Holding(step, body.heldAt(), body.motionSource(),
                new Procedure.Tally(body.expectedAttendance(), body.actualAttendance(), body.votesFor(), body.votesAgainst(),
                        body.votesAbstain()), body.supervisorsComments()));
    }

    @Post("/decisions/{id}/resolution")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "决议公开", description = "村民（代表）会议决议通过后方可公开决议。")
    DecisionViews.DecisionView publish(@PathVariable UUID id, @Body @Valid Publication body, Authentication authentication) {
        return decisions.publishResolution(Caller.from(authentication), id, body.content());
    }

    @Post("/decisions/{id}/progress")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "实施结果公开", description = "公开实施进展，完成百分比不得低于上一次；达到 100 时事项办结。")
    DecisionViews.DecisionView progress(@PathVariable UUID id, @Body @Valid Progress body, Authentication authentication) {
        return decisions.reportProgress(Caller.from(authentication), id, body.percent(), body.note(), body.occurredOn());
    }

    @Serdeable
    record NewDecision(@NotBlank(message = "请填写事项名称。") @Size(max = 80, message = "名称不超过 80 个字。") String title,
                       @NotBlank(message = "请填写事项内容。") @Size(max = 5000, message = "内容不超过 5000 个字。") String matter,
                       @Nullable UUID topicId) {
    }

    @Serdeable
    record StepHolding(@NotBlank(message = "请选择步骤。") String step,
                       @NotNull(message = "请填写会议时间。") Instant heldAt,
                       @NotBlank(message = "请填写动议来源。") @Size(max = 200, message = "动议来源不超过 200 个字。") String motionSource,
                       @NotNull(message = "请填写应到人数。") @Min(value = 1, message = "应到人数至少为 1。") @Max(value = 100000, message = "应到人数过大。") Integer expectedAttendance,
                       @NotNull(message = "请填写实到人数。") @Min(value = 0, message = "实到人数不能为负数。") @Max(value = 100000, message = "实到人数过大。") Integer actualAttendance,
                       @NotNull(message = "请填写赞成票数。") @Min(value = 0, message = "票数不能为负数。") Integer votesFor,
                       @NotNull(message = "请填写反对票数。") @Min(value = 0, message = "票数不能为负数。") Integer votesAgainst,
                       @NotNull(message = "请填写弃权票数。") @Min(value = 0, message = "票数不能为负数。") Integer votesAbstain,
                       @Nullable @Size(max = 2000, message = "监督意见不超过 2000 个字。") String supervisorsComments) {
    }

    @Serdeable
    record PhotoRemoval(@NotBlank(message = "删除照片须说明理由。") @Size(max = 200, message = "理由不超过 200 个字。") String reason) {
    }

    @Serdeable
    record Publication(@NotBlank(message = "请填写公开内容。") @Size(max = 10000, message = "公开内容不超过 10000 个字。") String content) {
    }

    @Serdeable
    record Progress(@NotNull(message = "请填写进度。") @Min(value = 0, message = "进度应在 0 到 100 之间。") @Max(value = 100, message = "进度应在 0 到 100 之间。") Integer percent,
                    @NotBlank(message = "请填写进度说明。") @Size(max = 2000, message = "说明不超过 2000 个字。") String note,
                    @NotNull(message = "请填写进度日期。") LocalDate occurredOn) {
    }
}
