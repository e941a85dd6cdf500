package cn.nanning.civic.appointments.psychology;

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
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/appointments/psychology")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "psychology", description = "心理咨询：预约、筛查、咨询记录")
class PsychologyController {

    private final Psychology psychology;

    PsychologyController(Psychology psychology) {
        this.psychology = psychology;
    }

    @Get("/screening/questions")
    @Operation(summary = "心理自评题目", description = "PHQ-9、GAD-7 的题目、作答选项（0–3 分）、风险题说明与心理援助热线；"
            + "作答按题号顺序提交到 POST /screening。")
    Screening.Questions screeningQuestions() {
        return Screening.questions();
    }

    @Post("/screening")
    @Operation(summary = "心理自评", description = "按 PHQ-9、GAD-7 量表评估自评结果，不预约、不保存任何内容；有风险时给出心理援助热线。")
    ScreeningAnswer screen(@Body Screening.Answers answers) {
        Screening.Result result = Screening.evaluate(answers);
        return new ScreeningAnswer(result, result.risk() ? Screening.hotline() : null);
    }

    @Post("/bookings")
    @Operation(summary = "预约心理咨询", description = "自评有风险的预约标记为紧急，并立即返回心理援助热线；未成年人须填写身份证号码并经监护人同意；"
            + "成年人可以不填身份证号码，声明已年满 18 周岁（adult=true）即可。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Psychology.PsychologyBookingView> book(@Body @Valid NewPsychologyBooking b, Authentication authentication) {
        var view = psychology.book(Caller.from(authentication), new Psychology.NewBooking(b.providerId(), Times.parse("startsAt", b.startsAt()),
                Mode.parse(b.mode()), b.topic(), b.idNumber(), b.adult(), b.screening(), b.guardian(), b.name(), b.phone()));
        return HttpResponse.created(view, URI.create("/api/v1/appointments/psychology/bookings/" + view.booking().id()));
    }

    @Get("/bookings/{id}")
    @Operation(summary = "查看心理咨询预约", description = "含预约登记信息；自评结果仅市民本人和该预约的心理咨询师可见。")
    Psychology.PsychologyBookingView one(@PathVariable UUID id, Authentication authentication) {
        return psychology.read(Caller.from(authentication), id);
    }

    @Get("/bookings/{id}/client")
    @Secured("COUNSELLOR")
    @Operation(summary = "来访者完整信息", description = "来访者的姓名、身份证号、年龄、电话和监护人，仅限该预约的心理咨询师查看；记入审计日志。")
    Psychology.ClientView client(@PathVariable UUID id, Authentication authentication) {
        return psychology.client(Caller.from(authentication), id);
    }

    @Post("/bookings/{id}/notes")
    @Secured("COUNSELLOR")
    @Operation(summary = "填写咨询记录", description = "由该预约的心理咨询师填写；加密存储。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<Psychology.NoteView> writeNote(@PathVariable UUID id, @Body NoteBody body, Authentication authentication) {
        return HttpResponse.created(psychology.writeNote(Caller.from(authentication), id, body.text()));
    }

    @Get("/bookings/{id}/notes")
    @Secured("COUNSELLOR")
    @Operation(summary = "查看咨询记录", description = "仅限该预约的心理咨询师及其共享的督导；每次查看都记入审计日志。")
    List<Psychology.NoteView> notes(@PathVariable UUID id, Authentication authentication) {
        return psychology.readNotes(Caller.from(authentication), id);
    }

    @Post("/bookings/{id}/note-shares")
    @Secured("COUNSELLOR")
    @Operation(summary = "共享咨询记录", description = "该预约的心理咨询师将咨询记录共享给一名督导心理咨询师。")
    @ApiResponse(responseCode = "204", description = "已完成，无内容")
    HttpResponse<Void> share(@PathVariable UUID id, @Body Share body, Authentication authentication) {
        psychology.share(Caller.from(authentication), id, body.supervisorAccountId());
        return HttpResponse.noContent();
    }

    @Serdeable
    record ScreeningAnswer(Screening.Result result, @Nullable Screening.CrisisHotline crisisHotline) {
    }

    @Serdeable
    record NewPsychologyBooking(@NotNull(message = "请选择心理咨询师") UUID providerId, @Nullable String startsAt,
                                @Nullable String mode, @Nullable String topic,
                                @Schema(description = "身份证号码；年满 18 周岁的可以不填，同时传 adult=true") @Nullable String idNumber,
                                @Schema(description = "本人声明已年满 18 周岁（不填身份证号码时必须为 true）") @Nullable Boolean adult,
                                @Nullable Screening.Answers screening, @Nullable Psychology.Guardian guardian,
                                @Nullable String name, @Nullable String phone) {
    }

    @Serdeable
    record NoteBody(@Nullable String text) {
    }

    @Serdeable
    record Share(@Nullable String supervisorAccountId) {
    }
}
