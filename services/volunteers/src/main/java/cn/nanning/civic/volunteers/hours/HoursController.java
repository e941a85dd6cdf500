package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-hours", description = "签到签退、服务时长确认与更正、星级")
class HoursController {

    private final Hours hours;

    HoursController(Hours hours) {
        this.hours = hours;
    }

    @Post("/activities/{id}/check-in")
    @Operation(summary = "Check in with the organiser's code while the activity runs (confirmed place required)")
    HoursViews.AttendanceView checkIn(@PathVariable UUID id, @Body @Valid HoursViews.Code code, Authentication authentication) {
        return hours.checkIn(Caller.from(authentication), id, code.code());
    }

    @Post("/activities/{id}/check-out")
    @Operation(summary = "Check out with the organiser's code; attendance counts from the configured share of the planned duration")
    HoursViews.AttendanceView checkOut(@PathVariable UUID id, @Body @Valid HoursViews.Code code, Authentication authentication) {
        return hours.checkOut(Caller.from(authentication), id, code.code());
    }

    @Get("/activities/{id}/attendance")
    @Operation(summary = "Attendance of an activity (organiser or admin of its area)")
    List<HoursViews.AttendanceView> attendance(@PathVariable UUID id, Authentication authentication) {
        return hours.attendanceOf(Caller.from(authentication), id);
    }

    @Post("/activities/{id}/hours/confirmation")
    @Operation(summary = "Confirm the hours of every qualifying attendance into the ledger (organiser or admin of its area)")
    List<HoursViews.LedgerEntry> confirm(@PathVariable UUID id, Authentication authentication) {
        return hours.confirm(Caller.from(authentication), id);
    }

    @Post("/activities/{id}/hours/corrections")
    @Operation(summary = "Correct a volunteer's hours for the activity: a new ledger entry with the difference and a reason")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<HoursViews.LedgerEntry> correct(@PathVariable UUID id, @Body @Valid HoursViews.Correction correction,
                                                 Authentication authentication) {
        return HttpResponse.created(hours.correct(Caller.from(authentication), id, correction));
    }

    @Post("/me/hours/claims")
    @Operation(summary = "Record hours served alone; they stay unconfirmed and never count")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<HoursViews.ClaimView> claim(@Body @Valid HoursViews.Claim claim, Authentication authentication) {
        HoursViews.ClaimView view = hours.claim(Caller.from(authentication), claim);
        return HttpResponse.created(view, URI.create("/api/v1/volunteers/me/hours"));
    }

    @Get("/me/hours")
    @Operation(summary = "My confirmed hours (ledger), star level and unconfirmed claims")
    HoursViews.MyHours mine(Authentication authentication) {
        return hours.mine(Caller.from(authentication));
    }
}
