package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.appointments.booking.BookingView;
import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.booking.Mode;
import cn.nanning.civic.appointments.booking.Service;
import cn.nanning.civic.appointments.booking.Times;
import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.util.UUID;

/** Free legal advice (法律咨询) booked with a lawyer or legal-aid staff member, online or at a 公共法律服务站/点. */
@Controller("/api/v1/appointments/legal-aid/consultations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "legal-aid", description = "法律援助：法律咨询预约与法律援助申请")
class ConsultationController {

    private final Bookings bookings;
    private final ConsultationCompletions completions;

    ConsultationController(Bookings bookings, ConsultationCompletions completions) {
        this.bookings = bookings;
        this.completions = completions;
    }

    @Post("/{id}/completed")
    @Secured({"LAWYER", "ADMIN"})
    @Operation(summary = "律师登记咨询完成", description = "律师登记法律咨询已完成及所用时间；志愿律师的计入志愿服务时长。")
    ConsultationCompletions.Completion completed(@PathVariable UUID id, @Body @Nullable CompletedBody body, Authentication authentication) {
        return completions.complete(Caller.from(authentication), id,
                body == null || body.startedAt() == null ? null : Times.parse("startedAt", body.startedAt()),
                body == null || body.endedAt() == null ? null : Times.parse("endedAt", body.endedAt()));
    }

    @Post
    @Operation(summary = "预约法律咨询", description = "预约一个法律咨询时段；该时段已被他人先约走时答 409。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<BookingView> book(@Body @Valid NewConsultation command, Authentication authentication) {
        var booking = bookings.book(Caller.from(authentication), Service.LEGAL_CONSULTATION, new Bookings.NewBooking(
                command.providerId(), Times.parse("startsAt", command.startsAt()), Mode.parse(command.mode()), command.topic(), false));
        return HttpResponse.created(bookings.view(booking), URI.create("/api/v1/appointments/bookings/" + booking.id()));
    }

    @Serdeable
    record CompletedBody(@Nullable String startedAt, @Nullable String endedAt) {
    }

    @Serdeable
    record NewConsultation(@NotNull(message = "请选择律师或法律援助工作人员") UUID providerId,
                           @Nullable String startsAt, @Nullable String mode,
                           @Nullable @Size(max = 500, message = "咨询事项请控制在 500 字以内") String topic) {
    }
}
