package cn.nanning.civic.volunteers.activities;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
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
@Tag(name = "volunteer-activities", description = "志愿服务活动：发布、报名、候补与递补")
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    @Post("/activities")
    @Secured("ORGANIZER")
    @Operation(summary = "发布志愿活动", description = "在活动组织者辖区内发布活动：名额、时间段、技能要求、年龄限制和计划时长。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<ActivityViews.ActivityView> publish(@Body @Valid ActivityViews.NewActivity command, Authentication authentication) {
        ActivityViews.ActivityView view = activities.publish(Caller.from(authentication), command);
        return HttpResponse.created(view, URI.create("/api/v1/volunteers/activities/" + view.id()));
    }

    @Put("/activities/{id}")
    @Operation(summary = "修改志愿活动", description = "活动开始前由其组织者或活动所在辖区的管理员修改；时间或地点变更时通知已报名的志愿者。")
    ActivityViews.ActivityView change(@PathVariable UUID id, @Body @Valid ActivityViews.NewActivity command, Authentication authentication) {
        return activities.change(Caller.from(authentication), id, command);
    }

    @Post("/activities/{id}/cancellation")
    @Operation(summary = "取消志愿活动", description = "取消尚未结束的活动，须说明理由；通知所有已报名的人。")
    ActivityViews.ActivityView cancelActivity(@PathVariable UUID id, @Body ActivityViews.Cancellation body, Authentication authentication) {
        return activities.cancelActivity(Caller.from(authentication), id, body.reason());
    }

    @Get("/activities")
    @Operation(summary = "某地区尚未结束的活动", description = "按开始时间排列，分页返回 {items, page, size, total}；region 为 6、9 或 12 位区域代码，page 从 0 开始，size 为 1 到 50。")
    PageOf<ActivityViews.ActivityView> upcoming(@Nullable @QueryValue String region, @QueryValue(defaultValue = "0") int page,
                                                @QueryValue(defaultValue = "20") int size) {
        if (region == null || !region.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw ProblemException.invalidField("region", "请提供 6、9 或 12 位区域代码。");
        }
        return activities.upcoming(region, page, size);
    }

    @Get("/activities/organised")
    @Operation(summary = "我组织的活动", description = "本人组织的活动（管理员为本辖区的活动），最新的在前，含已结束的。")
    List<ActivityViews.ActivityView> organised(Authentication authentication) {
        return activities.organised(Caller.from(authentication));
    }

    @Get("/activities/{id}")
    @Operation(summary = "查看志愿活动", description = "含剩余名额。")
    ActivityViews.ActivityView one(@PathVariable UUID id) {
        return activities.view(id);
    }

    @Post("/activities/{id}/signups")
    @Operation(summary = "报名参加活动", description = "已注册的志愿者报名：尚有名额时获得确认名额，否则取得下一个候补号。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<ActivityViews.SignupView> signUp(@PathVariable UUID id, Authentication authentication) {
        ActivityViews.SignupView signup = activities.signUp(Caller.from(authentication), id);
        return HttpResponse.created(signup, URI.create("/api/v1/volunteers/activities/" + id + "/signups/" + signup.id()));
    }

    @Post("/activities/{id}/signups/cancellation")
    @Operation(summary = "取消报名", description = "活动开始前取消；排在第一位的候补志愿者递补。")
    ActivityViews.SignupView cancel(@PathVariable UUID id, Authentication authentication) {
        return activities.cancel(Caller.from(authentication), id);
    }

    @Get("/activities/{id}/signups")
    @Operation(summary = "报名名单", description = "限活动组织者或活动所在辖区的管理员；姓名脱敏。")
    List<ActivityViews.SignupView> roster(@PathVariable UUID id, Authentication authentication) {
        return activities.roster(Caller.from(authentication), id);
    }

    @Get("/activities/{id}/roster")
    @Operation(summary = "完整报名名单", description = "含完整姓名和电话，限活动组织者（或活动所在辖区的管理员）；记入审计日志。")
    List<ActivityViews.RosterEntry> rosterContacts(@PathVariable UUID id, Authentication authentication) {
        return activities.rosterContacts(Caller.from(authentication), id);
    }

    @Get("/activities/{id}/check-code")
    @Operation(summary = "现场签到码", description = "供现场出示；限活动组织者或活动所在辖区的管理员。")
    ActivityViews.CheckCode checkCode(@PathVariable UUID id, Authentication authentication) {
        return activities.checkCode(Caller.from(authentication), id);
    }

    @Get("/activities/{id}/check-in-qr")
    @Operation(summary = "现场签到二维码内容", description = "供现场大屏显示或打印成二维码：payload 为 civic-checkin:<活动编号>:<签到码>，"
            + "签到码每 2 分钟更换，expiresAt 之后请重新获取；限活动组织者或活动所在辖区的管理员。")
    ActivityViews.CheckInQr checkInQr(@PathVariable UUID id, Authentication authentication) {
        return activities.checkInQr(Caller.from(authentication), id);
    }

    @Get("/me/signups")
    @Operation(summary = "我的活动报名", description = "本人的报名（含活动信息），最新的在前，分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 50。")
    PageOf<ActivityViews.SignupView> mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                                          Authentication authentication) {
        return activities.mine(Caller.from(authentication), page, size);
    }
}
