package cn.nanning.civic.appointments.assisted;

import cn.nanning.civic.appointments.booking.Mode;
import cn.nanning.civic.appointments.booking.Times;
import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/appointments/legal-aid/consultations/assisted")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "legal-aid", description = "法律援助：法律咨询预约与法律援助申请")
class AssistedBookingController {

    private final AssistedBookings assisted;

    AssistedBookingController(AssistedBookings assisted) {
        this.assisted = assisted;
    }

    @Post
    @Secured("CLERK")
    @Operation(summary = "代居民预约法律咨询", description = "服务点代办员在窗口经居民同意后，为其预约法律咨询。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<AssistedBookings.AssistedView> book(@Body @Valid NewAssisted b, Authentication authentication) {
        Caller clerk = Caller.from(authentication);
        var booking = assisted.book(clerk, new AssistedBookings.NewAssistedBooking(b.providerId(), Times.parse("startsAt", b.startsAt()),
                Mode.parse(b.mode()), b.topic(), b.residentName(), b.residentPhone(), Boolean.TRUE.equals(b.consent()),
                b.contactKind(), b.contactRelation()));
        return HttpResponse.created(assisted.one(clerk, booking.id()),
                URI.create("/api/v1/appointments/legal-aid/consultations/assisted/" + booking.id()));
    }

    @Get
    @Secured("CLERK")
    @Operation(summary = "我代为办理的预约", description = "代办员本人代为办理的预约，最新的在前；居民信息脱敏。")
    List<AssistedBookings.AssistedView> mine(Authentication authentication) {
        return assisted.mine(Caller.from(authentication));
    }

    @Get("/{id}")
    @Operation(summary = "查看代为办理的预约", description = "代为预约的代办员、该预约的律师或服务地点所在辖区的管理员可查看；居民信息脱敏。")
    AssistedBookings.AssistedView one(@PathVariable UUID id, Authentication authentication) {
        return assisted.one(Caller.from(authentication), id);
    }

    @Get("/{id}/contact")
    @Secured({"LAWYER", "CLERK"})
    @Operation(summary = "居民完整联系方式", description = "居民的完整姓名和电话，仅限该预约的律师或代为预约的代办员查看；记入审计日志。")
    AssistedBookings.ResidentContact contact(@PathVariable UUID id, Authentication authentication) {
        return assisted.contact(Caller.from(authentication), id);
    }

    @Serdeable
    record NewAssisted(@NotNull(message = "请选择律师或法律援助工作人员") UUID providerId, @Nullable String startsAt,
                       @Nullable String mode, @Nullable @Size(max = 500, message = "咨询事项请控制在 500 字以内") String topic,
                       @Nullable String residentName, @Nullable String residentPhone, @Nullable Boolean consent,
                       @Nullable String contactKind, @Nullable String contactRelation) {
    }
}
