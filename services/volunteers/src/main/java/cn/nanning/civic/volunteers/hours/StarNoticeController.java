package cn.nanning.civic.volunteers.hours;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/volunteers")
@Tag(name = "volunteer-hours")
class StarNoticeController {

    private final StarNotices notices;

    StarNoticeController(StarNotices notices) {
        this.notices = notices;
    }

    @Get("/public/star-notices{?region}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "星级公示", description = "某地区正在公示的星级；任何人可查看，姓名脱敏。")
    List<HoursViews.StarNoticeView> board(@Nullable @QueryValue String region) {
        return notices.board(region);
    }

    @Post("/star-notices/{id}/objections")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "对星级公示提出异议", description = "在公示期内提出；该星级待管理员作出决定。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<HoursViews.ObjectionView> object(@PathVariable UUID id, @Body @Valid HoursViews.Objection objection,
                                                  Authentication authentication) {
        return HttpResponse.created(notices.object(Caller.from(authentication), id, objection.reason()));
    }

    @Post("/star-notices/{id}/decision")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "处理星级异议", description = "异议成立则取消该星级，否则驳回异议；限志愿者所在辖区的管理员（ADMIN）。")
    HoursViews.StarNoticeView decide(@PathVariable UUID id, @Body @Valid HoursViews.Decision decision, Authentication authentication) {
        return notices.resolve(Caller.from(authentication), id, decision.uphold(), decision.note());
    }
}
