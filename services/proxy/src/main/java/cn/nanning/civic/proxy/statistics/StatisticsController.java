package cn.nanning.civic.proxy.statistics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/v1/proxy/statistics")
@Secured({"ADMIN", "CLERK", "AUDITOR"})
@Tag(name = "proxy-statistics", description = "代办服务覆盖率与办理统计")
class StatisticsController {

    private final ProxyStatistics statistics;

    StatisticsController(ProxyStatistics statistics) {
        this.statistics = statistics;
    }

    @Get
    @Operation(summary = "代办统计", description = "覆盖率（能够代办的村（社区）占比）、各状态的代办申请数、送达用时、按时率与满意度。")
    ProxyStatistics.AreaStatistics of(@QueryValue String region, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!region.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw ProblemException.invalidField("region", "区划代码应为 6、9 或 12 位数字。");
        }
        if (!caller.covers(region)) {
            throw ProblemException.forbidden("您只能查看本人负责辖区的统计。");
        }
        return statistics.of(region);
    }
}
