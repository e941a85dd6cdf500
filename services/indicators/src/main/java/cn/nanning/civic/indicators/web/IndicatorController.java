package cn.nanning.civic.indicators.web;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.indicators.domain.RegionTree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The plan indicator dashboard for city and district officers: administrators and auditors (read-only), each for
 * their own area and everything under it.
 */
@Controller("/api/v1/indicators")
@Secured({"ADMIN", "AUDITOR"})
@Tag(name = "indicators", description = "规划指标看板：各项规划指标按区划的数值、目标、状态、排名与月度趋势")
class IndicatorController {

    private final IndicatorBoards boards;

    IndicatorController(IndicatorBoards boards) {
        this.boards = boards;
    }

    @Get
    @Operation(summary = "某区划的全部规划指标", description = "每项指标含 value、target、status、parts 与 asOf；不传 region 时为本人辖区。")
    Views.Board board(@QueryValue @Nullable String region, Authentication authentication) {
        return boards.board(permitted(region, authentication), true);
    }

    @Get("/{id}/ranking")
    @Operation(summary = "某项指标的下级区划排名", description = "该区划各下级区划的该项指标，最需要优先着力的排在前面。")
    Views.Ranking ranking(@PathVariable String id, @QueryValue @Nullable String region, Authentication authentication) {
        return boards.ranking(IndicatorBoards.indicator(id), permitted(region, authentication));
    }

    @Get("/{id}/trend")
    @Operation(summary = "某项指标的月度趋势", description = "某区划逐月的数值，取自每月快照，不回填快照之前的历史。")
    Views.Trend trend(@PathVariable String id, @QueryValue @Nullable String region, Authentication authentication) {
        return boards.trend(IndicatorBoards.indicator(id), permitted(region, authentication));
    }

    @Post("/refresh")
    @Secured("ADMIN")
    @Operation(summary = "立即重算全部指标", description = "仅限市级管理员；定时任务每 10 分钟也会自动重算。")
    Views.Refreshed refresh(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.isStaff() || !caller.has(Role.ADMIN) || !caller.covers(boards.city().code())) {
            throw ProblemException.forbidden("只有市级管理员可以立即重新计算规划指标。");
        }
        return boards.refresh();
    }

    /** The requested region (default the caller's own), if the caller's area covers it. */
    private RegionTree.Node permitted(@Nullable String requested, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.isStaff() || !(caller.has(Role.ADMIN) || caller.has(Role.AUDITOR)) || caller.regionCode() == null) {
            throw ProblemException.forbidden("只有管理员和审计人员可以查看规划指标看板。");
        }
        String code = requested == null || requested.isBlank() ? caller.regionCode() : requested.strip();
        RegionTree.Node region = boards.region(code);
        if (!caller.covers(region.code())) {
            throw ProblemException.forbidden("您只能查看本辖区的规划指标。");
        }
        return region;
    }
}
