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
    @Operation(summary = "Figures of a region and each of its child regions (ADMIN, ORGANIZER or AUDITOR covering it)")
    VolunteerStatistics.RegionStatistics of(@Nullable @QueryValue String region, Authentication authentication) {
        return statistics.of(Caller.from(authentication), region);
    }
}
