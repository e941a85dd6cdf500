package cn.nanning.civic.volunteers.teams;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The calling volunteer's teams and the state of each membership. */
@Controller("/api/v1/volunteers/me/teams")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-teams", description = "志愿服务队（平安建设志愿服务队、平安巡防队等）与入队审核")
class MyTeamsController {

    private final Teams teams;

    MyTeamsController(Teams teams) {
        this.teams = teams;
    }

    @Get
    @Operation(summary = "我的服务队", description = "本人所在及申请加入的服务队：队伍信息、本人角色（队长/队员）与入队申请状态；size 为 1 到 50。")
    TeamViews.MyTeams mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                           Authentication authentication) {
        return teams.mine(Caller.from(authentication), page, size);
    }
}
