package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/v1/volunteers/statistics")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-statistics", description = "志愿服务统计：注册人数、活跃人数、服务时长、服务站与队伍")
class StatisticsController {

    private final VolunteerStatistics statistics;

    StatisticsController(VolunteerStatistics statistics) {
        this.statistics = statistics;
    }

    @Get("{?region}")
    @Operation(summary = "志愿服务统计", description = "某区划及其各下级区划的统计数据；限辖区覆盖该区划的管理员（ADMIN）、活动组织者（ORGANIZER）或审计员（AUDITOR）。")
    VolunteerStatistics.RegionStatistics of(@Nullable @QueryValue String region, Authentication authentication) {
        return statistics.of(Caller.from(authentication), region);
    }
}
