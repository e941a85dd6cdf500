package cn.nanning.civic.volunteers.teams;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** The kinds of volunteer teams with their Chinese names. */
@Controller("/api/v1/volunteers/team-types")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteers", description = "志愿者")
class TeamTypeController {

    @Serdeable
    record TeamTypeView(String code, String label) {
    }

    @Serdeable
    record TeamTypes(List<TeamTypeView> items) {
    }

    @Get
    @Operation(summary = "志愿服务队类型", description = "创建服务队时 type 取 code。")
    TeamTypes teamTypes() {
        return new TeamTypes(Arrays.stream(TeamType.values()).map(t -> new TeamTypeView(t.name(), t.label)).toList());
    }
}
