package cn.nanning.civic.volunteers.teams;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/volunteers/teams")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-teams", description = "志愿服务队（平安建设志愿服务队、平安巡防队等）与入队审核")
class TeamController {

    private final Teams teams;

    TeamController(Teams teams) {
        this.teams = teams;
    }

    @Post
    @Secured("ADMIN")
    @Operation(summary = "组建服务队", description = "在志愿服务站组建服务队，指定一名志愿者为队长；限该辖区的管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TeamViews.TeamView> create(@Body @Valid NewTeam command, Authentication authentication) {
        TeamViews.TeamView team = teams.create(Caller.from(authentication), command.stationId(), command.name(), command.type(),
                command.leaderVolunteerId());
        return HttpResponse.created(team, URI.create("/api/v1/volunteers/teams/" + team.id()));
    }

    @Get
    @Operation(summary = "服务站的服务队")
    List<TeamViews.TeamView> ofStation(@QueryValue UUID station) {
        return teams.ofStation(station);
    }

    @Get("/{id}")
    @Operation(summary = "查看服务队")
    TeamViews.TeamView one(@PathVariable UUID id) {
        return teams.find(id);
    }

    @Post("/{id}/join-requests")
    @Operation(summary = "申请加入服务队", description = "已注册的志愿者提出申请，由队长审批。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<TeamViews.MembershipView> join(@PathVariable UUID id, Authentication authentication) {
        TeamViews.MembershipView request = teams.requestToJoin(Caller.from(authentication), id);
        return HttpResponse.created(request, URI.create("/api/v1/volunteers/teams/" + id + "/join-requests/" + request.id()));
    }

    @Get("/{id}/join-requests")
    @Operation(summary = "入队申请", description = "限队长或该辖区的管理员；状态为 PENDING、APPROVED 或 REJECTED。")
    List<TeamViews.MembershipView> requests(@PathVariable UUID id, @Nullable @QueryValue String status, Authentication authentication) {
        return teams.requests(Caller.from(authentication), id, status);
    }

    @Get("/{id}/members")
    @Operation(summary = "服务队队员", description = "限队长或该辖区的管理员；姓名脱敏。")
    List<TeamViews.MembershipView> members(@PathVariable UUID id, Authentication authentication) {
        return teams.members(Caller.from(authentication), id);
    }

    @Post("/{id}/join-requests/{requestId}/approve")
    @Operation(summary = "批准入队申请", description = "限队长或该辖区的管理员。")
    TeamViews.MembershipView approve(@PathVariable UUID id, @PathVariable UUID requestId, @Nullable @Body Decision decision,
                                     Authentication authentication) {
        return teams.decide(Caller.from(authentication), id, requestId, true, decision != null ? decision.note() : null);
    }

    @Post("/{id}/join-requests/{requestId}/reject")
    @Operation(summary = "拒绝入队申请", description = "限队长或该辖区的管理员。")
    TeamViews.MembershipView reject(@PathVariable UUID id, @PathVariable UUID requestId, @Nullable @Body Decision decision,
                                    Authentication authentication) {
        return teams.decide(Caller.from(authentication), id, requestId, false, decision != null ? decision.note() : null);
    }

    @Serdeable
    record NewTeam(@NotNull(message = "请选择所属志愿服务站。") UUID stationId,
                   @NotBlank(message = "请填写队伍名称。") @Size(max = 60, message = "名称不超过 60 个字。") String name,
                   @NotBlank(message = "请选择队伍类型。") String type,
                   @NotNull(message = "请指定队长。") UUID leaderVolunteerId) {
    }

    @Serdeable
    record Decision(@Nullable @Size(max = 200, message = "说明不超过 200 个字。") String note) {
    }
}
