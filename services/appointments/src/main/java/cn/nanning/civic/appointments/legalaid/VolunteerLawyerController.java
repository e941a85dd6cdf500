package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

@Controller("/api/v1/appointments/providers/{providerId}/volunteer-lawyer")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "legal-aid", description = "法律援助：法律咨询预约与法律援助申请")
class VolunteerLawyerController {

    private final ConsultationCompletions completions;

    VolunteerLawyerController(ConsultationCompletions completions) {
        this.completions = completions;
    }

    @Put
    @Operation(summary = "标记志愿律师", description = "标记后该律师完成的法律咨询计入志愿服务时长。")
    ConsultationCompletions.VolunteerLawyer flag(@PathVariable UUID providerId, @Body Flag body, Authentication authentication) {
        return completions.flag(Caller.from(authentication), providerId, body.volunteer(), body.volunteerAccountId());
    }

    @Serdeable
    record Flag(@Nullable Boolean volunteer, @Nullable String volunteerAccountId) {
    }
}
