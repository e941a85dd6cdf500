package cn.nanning.civic.appointments.retention;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/api/v1/appointments/retention")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "appointments-retention", description = "预约与法律援助记录的保存期限与匿名化")
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @Post("/run")
    @Operation(summary = "立即匿名化过期记录", description = "将超过保存期限的已结束记录全部匿名化；仅限市级管理员，记入审计日志。")
    Retention.Result run(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        // Retention covers the whole city's records, so only a city-level administrator may start it.
        if (!caller.isStaff() || !caller.has(Role.ADMIN) || caller.regionCode() == null
                || RegionCodes.significantPrefix(caller.regionCode()).length() > 4) {
            throw ProblemException.forbidden("记录匿名化由市级管理员执行。");
        }
        return retention.run(caller.accountId());
    }
}
