package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/appointments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "appointments-directory", description = "预约：服务地点、服务人员、排班、请假与可预约时段")
class DirectoryController {

    private final Directory directory;
    private final Bookings bookings;
    private final Waitlist waitlist;
    private final NearestProviders nearestProviders;

    DirectoryController(Directory directory, Bookings bookings, Waitlist waitlist, NearestProviders nearestProviders) {
        this.nearestProviders = nearestProviders;
        this.directory = directory;
        this.bookings = bookings;
        this.waitlist = waitlist;
    }

    @Post("/places")
    @Secured("ADMIN")
    @Operation(summary = "登记服务地点", description = "在管理员本人辖区内登记公共法律服务站（点）或心理咨询室。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Views.PlaceView> createPlace(@Body @Valid NewPlace command, Authentication authentication) {
        Place place = directory.createPlace(Caller.from(authentication), command.name(), placeKind(command.kind()),
                command.regionCode(), command.address(), PlaceContact.checked(command.phone(), command.openingHours(),
                        command.latitude(), command.longitude()));
        return HttpResponse.created(directory.view(place), URI.create("/api/v1/appointments/places/" + place.id()));
    }

    @Put("/places/{id}/contact")
    @Secured("ADMIN")
    @Operation(summary = "设置服务地点的联系方式", description = "电话、开放时间和坐标（供居民拨打电话、查看地图）；留空的项目会被清除。仅限该地点所在辖区的管理员。")
    Views.PlaceView changeContact(@PathVariable UUID id, @Body ContactChange body, Authentication authentication) {
        return directory.view(directory.changeContact(Caller.from(authentication), id,
                PlaceContact.checked(body.phone(), body.openingHours(), body.latitude(), body.longitude())));
    }

    @Get("/places")
    @Operation(summary = "在用的服务地点", description = "可按区划（region，与其他模块同名；旧名 regionCode 仍可用）和类型筛选。")
    List<Views.PlaceView> places(@QueryValue @Nullable String region,
                                 @Parameter(deprecated = true, description = "旧名，请改用 region") @QueryValue @Nullable String regionCode,
                                 @QueryValue @Nullable String kind) {
        return directory.places(area(region != null ? region : regionCode), kind == null ? null : placeKind(kind)).stream()
                .map(directory::view).toList();
    }

    @Post("/providers")
    @Secured("ADMIN")
    @Operation(summary = "登记服务人员", description = "将工作人员账号登记为某服务地点的服务人员，并设定预约规则。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Views.ProviderView> createProvider(@Body @Valid NewProvider c, Authentication authentication) {
        Provider provider = directory.createProvider(Caller.from(authentication), c.accountId(), c.displayName(), providerKind(c.kind()),
                c.placeId(), c.slotMinutes(), c.bufferMinutes() == null ? 0 : c.bufferMinutes(),
                c.minNoticeMinutes() == null ? 120 : c.minNoticeMinutes(), c.horizonDays() == null ? 14 : c.horizonDays());
        return HttpResponse.created(directory.view(provider), URI.create("/api/v1/appointments/providers/" + provider.id()));
    }

    @Get("/providers")
    @Operation(summary = "在岗的服务人员", description = "可按类型和区划（region，与其他模块同名；旧名 regionCode 仍可用）筛选。")
    List<Views.ProviderView> providers(@QueryValue @Nullable String kind, @QueryValue @Nullable String region,
                                       @Parameter(deprecated = true, description = "旧名，请改用 region") @QueryValue @Nullable String regionCode) {
        return directory.providers(kind == null ? null : providerKind(kind), area(region != null ? region : regionCode)).stream()
                .map(directory::view).toList();
    }

    @Get("/providers/nearest")
    @Operation(summary = "附近可预约的律师或心理咨询师", description = "按离我多近排列（提供手机位置且服务地点登记了坐标时按距离，否则按本村（社区）、本乡镇（街道）、本县（区）、市内），距离相同时最早可约的在前；每人附最近一个空闲时段（30 天内约满则无）。near 为我的村（社区）或所在地区的区划代码，limit 为 1 到 20。")
    List<Views.NearbyProvider> nearest(@QueryValue String kind, @QueryValue String near, @QueryValue @Nullable Double latitude,
                                       @QueryValue @Nullable Double longitude, @QueryValue(defaultValue = "5") int limit) {
        return nearestProviders.find(providerKind(kind), near, latitude, longitude, limit);
    }

    @Get("/providers/{id}")
    @Operation(summary = "查看服务人员", description = "含服务地点和每周排班。")
    Views.ProviderView provider(@PathVariable UUID id) {
        return directory.view(directory.provider(id));
    }

    @Put("/providers/{id}/plan")
    @Operation(summary = "修改每周排班", description = "整体替换每周排班；限服务人员本人或服务地点所在辖区的管理员。")
    Views.ProviderView replacePlan(@PathVariable UUID id, @Body Plan plan, Authentication authentication) {
        directory.replacePlan(Caller.from(authentication), id, plan.windows());
        return directory.view(directory.provider(id));
    }

    @Post("/providers/{id}/absences")
    @Operation(summary = "登记请假", description = "请假期间不提供可预约时段。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Views.AbsenceView> addAbsence(@PathVariable UUID id, @Body Absence absence, Authentication authentication) {
        return HttpResponse.created(directory.addAbsence(Caller.from(authentication), id, Times.parse("startsAt", absence.startsAt()),
                Times.parse("endsAt", absence.endsAt()), absence.reason()));
    }

    @Get("/providers/{id}/slots")
    @Operation(summary = "可预约时段", description = "服务人员在两个日期之间（含首尾，最多 31 天）的可预约时段。")
    List<Views.SlotView> slots(@PathVariable UUID id, @QueryValue String from, @QueryValue String to) {
        return bookings.availableSlots(id, Times.parseDate("from", from), Times.parseDate("to", to));
    }

    @Post("/providers/{id}/waitlist")
    @Operation(summary = "候补已约满的日期", description = "有人取消预约空出时段时，优先提供给排在第一位的候补市民。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Waitlist.EntryView> joinWaitlist(@PathVariable UUID id, @Body WaitFor body, Authentication authentication) {
        LocalDate day = Times.parseDate("day", body.day());
        return HttpResponse.created(waitlist.join(Caller.from(authentication), id, day, bookings.availableSlots(id, day, day)));
    }

    /** A region filter means the whole area: 450100 (the city) covers 450103's places too. */
    private static String area(@Nullable String regionCode) {
        return regionCode == null || regionCode.isBlank() ? null : RegionCodes.areaPrefix(regionCode.strip(), "regionCode");
    }

    static PlaceKind placeKind(String value) {
        try {
            return PlaceKind.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("kind", "地点类型只能是 LEGAL_SERVICE_STATION、LEGAL_SERVICE_POINT 或 COUNSELLING_ROOM。");
        }
    }

    static ProviderKind providerKind(String value) {
        try {
            return ProviderKind.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("kind", "服务人员类型只能是 LAWYER、LEGAL_AID_STAFF 或 COUNSELLOR。");
        }
    }

    @Serdeable
    record NewPlace(@NotBlank(message = "请填写地点名称") String name, @NotBlank(message = "请选择地点类型") String kind,
                    @NotBlank(message = "请选择区划") String regionCode, @Nullable String address, @Nullable String phone,
                    @Nullable String openingHours, @Nullable Double latitude, @Nullable Double longitude) {
    }

    @Serdeable
    record ContactChange(@Nullable String phone, @Nullable String openingHours, @Nullable Double latitude, @Nullable Double longitude) {
    }

    @Serdeable
    record NewProvider(@NotBlank(message = "请填写工作人员账号") String accountId,
                       @NotBlank(message = "请填写显示名称") String displayName,
                       @NotBlank(message = "请选择服务人员类型") String kind,
                       @NotNull(message = "请选择服务地点") UUID placeId,
                       @NotNull(message = "请填写每个时段的分钟数") Integer slotMinutes,
                       @Nullable Integer bufferMinutes, @Nullable Integer minNoticeMinutes, @Nullable Integer horizonDays) {
    }

    @Serdeable
    record Plan(@Nullable List<Views.WindowView> windows) {
    }

    @Serdeable
    record WaitFor(@Nullable String day) {
    }

    @Serdeable
    record Absence(@Nullable String startsAt, @Nullable String endsAt, @Nullable String reason) {
    }
}
