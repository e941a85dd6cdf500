package cn.nanning.civic.council.meetings;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/council")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council-meetings", description = "议事会议：议程、时间地点、报名、出席记录与会议纪要")
class MeetingController {

    private final Meetings meetings;

    MeetingController(Meetings meetings) {
        this.meetings = meetings;
    }

    @Post("/councils/{councilId}/meetings")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "安排议事会议", description = "议程取本议事会征集中或已采纳的议题；限辖区内的召集人或管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<MeetingViews.MeetingView> schedule(@PathVariable UUID councilId, @Body @Valid NewMeeting body, Authentication authentication) {
        MeetingViews.MeetingView m = meetings.schedule(Caller.from(authentication), councilId, body.title(), body.place(), body.startsAt(),
                body.endsAt(), body.agenda() == null ? List.of() : body.agenda());
        return HttpResponse.created(m, URI.create("/api/v1/council/meetings/" + m.id()));
    }

    @Get("/councils/{councilId}/meetings")
    @Operation(summary = "议事会的会议", description = "时间最近的在前；upcoming=true 只看尚未召开的。")
    List<MeetingViews.MeetingView> ofCouncil(@PathVariable UUID councilId, @Nullable @QueryValue Boolean upcoming) {
        return meetings.ofCouncil(councilId, Boolean.TRUE.equals(upcoming));
    }

    @Get("/meetings/{id}")
    @Operation(summary = "查看会议")
    MeetingViews.MeetingView one(@PathVariable UUID id) {
        return meetings.find(id);
    }

    @Post("/meetings/{id}/registrations")
    @Operation(summary = "报名参加会议", description = "居民在会议开始前报名，每人一次。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<MeetingViews.MeetingView> register(@PathVariable UUID id, Authentication authentication) {
        return HttpResponse.created(meetings.register(Caller.from(authentication), id));
    }

    @Post("/meetings/{id}/record")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "登记出席与会议纪要", description = "会议开始后登记出席人员和会议纪要，登记后会议结束。")
    MeetingViews.MeetingView record(@PathVariable UUID id, @Body @Valid Record body, Authentication authentication) {
        return meetings.hold(Caller.from(authentication), id, body.representativesPresent() == null ? List.of() : body.representativesPresent(),
                body.registeredPresent() == null ? List.of() : body.registeredPresent(), body.walkIns() == null ? 0 : body.walkIns(),
                body.minutes());
    }

    @Serdeable
    record NewMeeting(@NotBlank(message = "请填写会议名称。") @Size(max = 80, message = "会议名称不超过 80 个字。") String title,
                      @NotBlank(message = "请填写会议地点。") @Size(max = 120, message = "地点不超过 120 个字。") String place,
                      @NotNull(message = "请填写开始时间。") Instant startsAt,
                      @NotNull(message = "请填写结束时间。") Instant endsAt,
                      @Nullable @Size(max = 20, message = "议程最多 20 项。") List<UUID> agenda) {
    }

    @Serdeable
    record Record(@Nullable @Size(max = 200, message = "出席代表最多 200 人。") List<UUID> representativesPresent,
                  @Nullable @Size(max = 2000, message = "按报名记录的出席居民最多 2000 人。") List<String> registeredPresent,
                  @Nullable @Min(value = 0, message = "现场参加人数不能为负。") @Max(value = 10000, message = "现场参加人数过大。") Integer walkIns,
                  @NotBlank(message = "请填写会议纪要。") @Size(max = 20000, message = "会议纪要不超过 20000 个字。") String minutes) {
    }
}
