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
    @Operation(summary = "活动签到", description = "活动进行中凭活动组织者提供的签到码签到；须已获得确认名额。")
    HoursViews.AttendanceView checkIn(@PathVariable UUID id, @Body @Valid HoursViews.Code code, Authentication authentication) {
        return hours.checkIn(Caller.from(authentication), id, code.code());
    }

    @Post("/activities/{id}/check-out")
    @Operation(summary = "活动签退", description = "凭活动组织者提供的签到码签退；在场时长达到计划时长的设定比例才计为出勤。")
    HoursViews.AttendanceView checkOut(@PathVariable UUID id, @Body @Valid HoursViews.Code code, Authentication authentication) {
        return hours.checkOut(Caller.from(authentication), id, code.code());
    }

    @Get("/activities/{id}/attendance")
    @Operation(summary = "活动出勤情况", description = "限活动组织者或活动所在辖区的管理员。")
    List<HoursViews.AttendanceView> attendance(@PathVariable UUID id, Authentication authentication) {
        return hours.attendanceOf(Caller.from(authentication), id);
    }

    @Get("/activities/{id}/attendance/mine")
    @Operation(summary = "我在该活动的签到与时长", description = "本人是否已报名、签到和签退时间、在场时长，以及记入台账的服务时长和状态"
            + "（未签到、已签到、已签退待确认、未达到计时要求、时长已确认）；未报名该活动时返回 404。")
    HoursViews.MyAttendance myAttendance(@PathVariable UUID id, Authentication authentication) {
        return hours.myAttendance(Caller.from(authentication), id);
    }

    @Post("/activities/{id}/hours/confirmation")
    @Operation(summary = "确认服务时长", description = "将所有符合条件的出勤时长确认记入时长台账；限活动组织者或活动所在辖区的管理员。")
    List<HoursViews.LedgerEntry> confirm(@PathVariable UUID id, Authentication authentication) {
        return hours.confirm(Caller.from(authentication), id);
    }

    @Post("/activities/{id}/hours/corrections")
    @Operation(summary = "更正服务时长", description = "更正志愿者在该活动的服务时长：在台账中新增一条差额记录，并说明理由。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<HoursViews.LedgerEntry> correct(@PathVariable UUID id, @Body @Valid HoursViews.Correction correction,
                                                 Authentication authentication) {
        return HttpResponse.created(hours.correct(Caller.from(authentication), id, correction));
    }

    @Post("/me/hours/claims")
    @Operation(summary = "自行登记服务时长", description = "登记本人独自服务的时长；始终为未确认，不计入服务时长。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<HoursViews.ClaimView> claim(@Body @Valid HoursViews.Claim claim, Authentication authentication) {
        HoursViews.ClaimView view = hours.claim(Caller.from(authentication), claim);
        return HttpResponse.created(view, URI.create("/api/v1/volunteers/me/hours"));
    }

    @Get("/me/hours")
    @Operation(summary = "我的服务时长", description = "已确认的服务时长（台账）、星级和未确认的自行登记。")
    HoursViews.MyHours mine(Authentication authentication) {
        return hours.mine(Caller.from(authentication));
    }
}
