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
    @Operation(summary = "Referred cases in the caller's region, open ones first (status OPEN, TAKEN or CLOSED to filter)")
    List<Referral> list(@Nullable @QueryValue String status, Authentication authentication) {
        return referrals.inScope(Caller.from(authentication), status);
    }

    @Post("/{id}/take")
    @Operation(summary = "Take a referred case (one handler per case)")
    Referral take(@PathVariable UUID id, Authentication authentication) {
        return referrals.take(Caller.from(authentication), id);
    }

    @Post("/{id}/close")
    @Operation(summary = "Close a taken case with its outcome")
    Referral close(@PathVariable UUID id, @Body Outcome body, Authentication authentication) {
        return referrals.close(Caller.from(authentication), id, body.outcome());
    }

    @Serdeable
    record Outcome(@Nullable String outcome) {
    }
}
