package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** What every booking has in common, whatever the service: reading, cancelling, rescheduling, attendance. */
@Controller("/api/v1/appointments/bookings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "appointments-bookings", description = "预约：查看、取消、改期、到场与爽约登记")
class BookingController {

    private final Bookings bookings;

    BookingController(Bookings bookings) {
        this.bookings = bookings;
    }

    @Get("/mine")
    @Operation(summary = "我的预约", description = "本人的法律咨询与心理咨询预约（同一格式），预约时间最晚的在前，分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 50。")
    PageOf<BookingView> mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                             Authentication authentication) {
        return bookings.ofCitizen(Caller.from(authentication).accountId(), page, size);
    }

    @Get("/agenda")
    @Secured({"LAWYER", "COUNSELLOR", "ADMIN"})
    @Operation(summary = "我的接待日程", description = "当前登录的服务人员在两个日期之间的预约；同一天内紧急的在前。")
    List<BookingView> agenda(@QueryValue String from, @QueryValue String to, Authentication authentication) {
        return bookings.agenda(Caller.from(authentication), Times.parseDate("from", from), Times.parseDate("to", to))
                .stream().map(bookings::view).toList();
    }

    @Get("/{id}")
    @Operation(summary = "查看预约", description = "预约的市民本人、该预约的服务人员或服务地点所在辖区的管理员可查看。")
    BookingView one(@PathVariable UUID id, Authentication authentication) {
        return bookings.view(bookings.readable(Caller.from(authentication), id));
    }

    @Post("/{id}/cancel")
    @Operation(summary = "取消预约", description = "距开始不足 2 小时取消须说明理由。")
    BookingView cancel(@PathVariable UUID id, @Body Reason body, Authentication authentication) {
        return bookings.view(bookings.cancel(Caller.from(authentication), id, body.reason()));
    }

    @Post("/{id}/reschedule")
    @Operation(summary = "预约改期", description = "改到同一服务人员的另一个时段。")
    BookingView reschedule(@PathVariable UUID id, @Body Reschedule body, Authentication authentication) {
        return bookings.view(bookings.reschedule(Caller.from(authentication), id, Times.parse("startsAt", body.startsAt()), body.reason()));
    }

    @Post("/{id}/no-show")
    @Secured({"LAWYER", "COUNSELLOR", "ADMIN"})
    @Operation(summary = "登记爽约", description = "服务人员登记市民未到场。")
    BookingView noShow(@PathVariable UUID id, Authentication authentication) {
        return bookings.view(bookings.recordNoShow(Caller.from(authentication), id));
    }

    @Post("/{id}/attended")
    @Secured({"LAWYER", "COUNSELLOR", "ADMIN"})
    @Operation(summary = "登记到场", description = "服务人员登记市民已到场。")
    BookingView attended(@PathVariable UUID id, Authentication authentication) {
        return bookings.view(bookings.recordAttended(Caller.from(authentication), id));
    }

    @Serdeable
    record Reason(@Nullable String reason) {
    }

    @Serdeable
    record Reschedule(@Nullable String startsAt, @Nullable String reason) {
    }
}
