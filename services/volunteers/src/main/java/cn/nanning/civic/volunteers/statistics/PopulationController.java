package cn.nanning.civic.volunteers.statistics;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/api/v1/volunteers/statistics/population")
@Secured({"ADMIN", "AUDITOR"})
@Tag(name = "volunteer-statistics", description = "志愿服务统计：注册人数、活跃人数、服务时长、服务站与队伍")
class PopulationController {

    private final RegionPopulations populations;

    PopulationController(RegionPopulations populations) {
        this.populations = populations;
    }

    @Post
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入常住人口", description = "按区划导入常住人口 {source, year, figures:[{code, population}]}；限辖区覆盖全部区划代码的管理员（ADMIN）；全部导入或全部不导入；记入审计日志。")
    RegionPopulations.Loaded load(@Body RegionPopulations.Upload upload, Authentication authentication) {
        return populations.load(Caller.from(authentication), upload);
    }

    @Post("/csv{?source,year}")
    @Secured("ADMIN")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "从 CSV 导入常住人口", description = "CSV 每行为“区划代码,常住人口”，可带表头；source 和 year 作为查询参数传入。")
    RegionPopulations.Loaded loadCsv(@Body String csv, @Nullable @QueryValue String source, @Nullable @QueryValue Integer year,
                                     Authentication authentication) {
        return populations.load(Caller.from(authentication), new RegionPopulations.Upload(source, year, RegionPopulations.parseCsv(csv)));
    }

    @Get("{?region}")
    @Operation(summary = "常住人口数据", description = "某区划及其下级区划已导入的常住人口，各取最新年份。")
    List<RegionPopulations.Stored> stored(@Nullable @QueryValue String region, Authentication authentication) {
        return populations.stored(Caller.from(authentication), region);
    }
}
