package cn.nanning.civic.indicators.web;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.indicators.domain.Level;
import cn.nanning.civic.indicators.domain.RegionTree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public summary, without signing in: the city's and each district's indicators, the districts compared, and
 * their monthly trend. Aggregate figures only (no names, no people); townships and villages are not published here.
 */
@Controller("/api/v1/indicators/public")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "indicators-public", description = "规划指标公开汇总（无需登录）：全市及各县（市、区）")
class PublicIndicatorController {

    private final IndicatorBoards boards;

    PublicIndicatorController(IndicatorBoards boards) {
        this.boards = boards;
    }

    @Get
    @Operation(summary = "全市或某县（市、区）的规划指标", description = "不传 region 时为全市；全市的结果同时列出各县（市、区）。")
    Views.Board board(@QueryValue @Nullable String region) {
        RegionTree.Node node = cityOrDistrict(region);
        return boards.board(node, node.level() == Level.CITY);
    }

    @Get("/{id}/ranking")
    @Operation(summary = "某项指标的各县（市、区）排名")
    Views.Ranking ranking(@PathVariable String id) {
        return boards.ranking(IndicatorBoards.indicator(id), boards.city());
    }

    @Get("/{id}/trend")
    @Operation(summary = "某项指标的月度趋势", description = "全市（默认）或某县（市、区）逐月的数值。")
    Views.Trend trend(@PathVariable String id, @QueryValue @Nullable String region) {
        return boards.trend(IndicatorBoards.indicator(id), cityOrDistrict(region));
    }

    private RegionTree.Node cityOrDistrict(@Nullable String region) {
        if (region == null || region.isBlank()) {
            return boards.city();
        }
        RegionTree.Node node = boards.region(region);
        if (node.level() != Level.CITY && node.level() != Level.DISTRICT) {
            throw ProblemException.invalidField("region", "公开汇总只提供全市和各县（市、区）的数据。");
        }
        return node;
    }
}
