package cn.nanning.civic.proxy.servicepoints;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/proxy/points")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "service-points", description = "村（社区）便民服务点")
class ServicePointController {

    private final ServicePoints points;

    ServicePointController(ServicePoints points) {
        this.points = points;
    }

    @Post
    @Secured("ADMIN")
    @Operation(summary = "设立服务点", description = "为村（社区）设立便民服务点。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<PointView> open(@Body @Valid OpenPoint command, Authentication authentication) {
        ServicePoint point = points.open(Caller.from(authentication), command.regionCode(), command.name(), command.address(),
                command.phone(), command.itemCodes() == null ? List.of() : command.itemCodes());
        return HttpResponse.created(view(point), URI.create("/api/v1/proxy/points/" + point.id()));
    }

    @Post("/{id}/staff")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "安排代办员或志愿者", description = "为服务点安排代办员或协助代办的志愿者。")
    void assign(@PathVariable UUID id, @Body @Valid AssignStaff command, Authentication authentication) {
        points.assign(Caller.from(authentication), id, command.accountId(), command.role());
    }

    @Delete("/{id}/staff/{accountId}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "移出代办员或志愿者", description = "将代办员或志愿者从服务点移出。")
    void release(@PathVariable UUID id, @PathVariable String accountId, Authentication authentication) {
        points.release(Caller.from(authentication), id, accountId);
    }

    @Post("/{id}/items")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "增加可代办事项", description = "为服务点增加可代办的目录事项。")
    void addItems(@PathVariable UUID id, @Body @Valid Items command, Authentication authentication) {
        points.addItems(Caller.from(authentication), id, command.itemCodes());
    }

    @Get
    @Operation(summary = "某区域内的服务点", description = "按市、县（区）、乡镇（街道）或村（社区）区划代码查询。")
    List<PointView> inArea(@QueryValue String region) {
        return points.inArea(region).stream().map(this::view).toList();
    }

    @Get("/{id}")
    @Operation(summary = "查看服务点", description = "含该服务点可代办的事项。")
    PointView one(@PathVariable UUID id) {
        return view(points.find(id));
    }

    private PointView view(ServicePoint p) {
        return new PointView(p.id(), p.regionCode(), p.name(), p.address(), p.phone(), p.active(), points.items(p.id()),
                points.staff(p.id()));
    }

    @Serdeable
    record OpenPoint(@NotBlank(message = "请选择服务点所在的村（社区）") @Pattern(regexp = "\\d{12}", message = "村（社区）区划代码应为 12 位数字") String regionCode,
                     @Nullable String name, @Nullable String address, @Nullable String phone, @Nullable List<String> itemCodes) {
    }

    @Serdeable
    record AssignStaff(@NotBlank(message = "请指定人员账号") String accountId,
                       @NotNull(message = "请指定岗位") @Pattern(regexp = "CLERK|VOLUNTEER", message = "岗位只能是 CLERK（代办员）或 VOLUNTEER（志愿者）") String role) {
    }

    @Serdeable
    record Items(@NotNull(message = "请选择服务事项") List<String> itemCodes) {
    }

    @Serdeable
    record PointView(UUID id, String regionCode, String name, @Nullable String address, @Nullable String phone, boolean active,
                     List<String> itemCodes, List<PointStaff> staff) {
    }
}
