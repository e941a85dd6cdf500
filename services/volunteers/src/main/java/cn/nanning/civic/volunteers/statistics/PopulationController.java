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
    @Operation(summary = "Load resident population per region {source, year, figures:[{code, population}]} (ADMIN covering every code; all or nothing; audited)")
    RegionPopulations.Loaded load(@Body RegionPopulations.Upload upload, Authentication authentication) {
        return populations.load(Caller.from(authentication), upload);
    }

    @Post("/csv{?source,year}")
    @Secured("ADMIN")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "The same from a CSV table (区划代码,常住人口 per line, optional header); source and year as query parameters")
    RegionPopulations.Loaded loadCsv(@Body String csv, @Nullable @QueryValue String source, @Nullable @QueryValue Integer year,
                                     Authentication authentication) {
        return populations.load(Caller.from(authentication), new RegionPopulations.Upload(source, year, RegionPopulations.parseCsv(csv)));
    }

    @Get("{?region}")
    @Operation(summary = "Population figures loaded for a region and its children (latest year each)")
    List<RegionPopulations.Stored> stored(@Nullable @QueryValue String region, Authentication authentication) {
        return populations.stored(Caller.from(authentication), region);
    }
}
