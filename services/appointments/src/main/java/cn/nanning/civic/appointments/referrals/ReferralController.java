package cn.nanning.civic.appointments.referrals;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/appointments/referrals")
@Secured({"LAWYER", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "referrals", description = "转介至法律援助、人民调解的案件")
class ReferralController {

    private final Referrals referrals;

    ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    @Get
    @Operation(summary = "本辖区的转介案件", description = "未处理的在前；可按状态筛选（OPEN 待接收、TAKEN 已接收、CLOSED 已办结）。")
    List<Referral> list(@Nullable @QueryValue String status, Authentication authentication) {
        return referrals.inScope(Caller.from(authentication), status);
    }

    @Post("/{id}/take")
    @Operation(summary = "接收转介案件", description = "每件案件只由一人承办。")
    Referral take(@PathVariable UUID id, Authentication authentication) {
        return referrals.take(Caller.from(authentication), id);
    }

    @Post("/{id}/close")
    @Operation(summary = "办结转介案件", description = "登记已接收案件的处理结果并办结。")
    Referral close(@PathVariable UUID id, @Body Outcome body, Authentication authentication) {
        return referrals.close(Caller.from(authentication), id, body.outcome());
    }

    @Serdeable
    record Outcome(@Nullable String outcome) {
    }
}
