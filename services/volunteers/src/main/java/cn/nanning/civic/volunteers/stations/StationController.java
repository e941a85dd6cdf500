package cn.nanning.civic.volunteers.stations;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/volunteers/stations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-stations", description = "志愿服务站（乡镇、街道）")
class StationController {

    private final Stations stations;

    StationController(Stations stations) {
        this.stations = stations;
    }

    @Post
    @Secured("ADMIN")
    @Operation(summary = "设立志愿服务站", description = "在乡镇（街道）设立志愿服务站；限该辖区的管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Station> create(@Body @Valid NewStation command, Authentication authentication) {
        Station station = stations.create(Caller.from(authentication), command.townshipCode(), command.name(), command.address());
        return HttpResponse.created(station, URI.create("/api/v1/volunteers/stations/" + station.id()));
    }

    @Get
    @Operation(summary = "某地区的志愿服务站", description = "按县（区）、乡镇（街道）查询的公开名录。")
    List<Station> list(@Nullable @QueryValue String region) {
        if (region == null || !region.matches("\\d{6}|\\d{9}")) {
            throw ProblemException.invalidField("region", "请提供 6 位区县或 9 位乡镇（街道）代码。");
        }
        return stations.inArea(region);
    }

    @Get("/{id}")
    @Operation(summary = "查看志愿服务站")
    Station one(@PathVariable UUID id) {
        return stations.find(id);
    }

    @Serdeable
    record NewStation(@NotBlank(message = "请填写乡镇（街道）代码。") String townshipCode,
                      @NotBlank(message = "请填写服务站名称。") @Size(max = 60, message = "名称不超过 60 个字。") String name,
                      @Nullable @Size(max = 200, message = "地址不超过 200 个字。") String address) {
    }
}
