package cn.nanning.civic.appointments.calendar;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.calendar.WorkingDayCalendar;
import cn.nanning.civic.kernel.calendar.WorkingDays;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The city's working-day calendar (the kernel's table {@code kernel.calendar_day}): read by everyone signed in, so the
 * mini-program can grey out holidays; edited by city-level administrators when the State Council publishes the year's
 * holidays and make-up days. Slots, decision clocks and assignment clocks follow it from the next request on.
 */
@Controller("/api/v1/appointments/calendar")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "appointments-calendar", description = "工作日历：法定节假日与调休上班日")
class CalendarController {

    private static final int MAX_DAYS = 366;

    private final WorkingDayCalendar calendar;

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Serdeable
    record Day(String day, boolean working) {
    }

    @Serdeable
    record Change(@Nullable Boolean working, @Nullable String name) {
    }

    @Get("/days")
    @Operation(summary = "查询工作日", description = "两个日期之间（含首尾，最多一年）每天是否为工作日。")
    List<Day> days(@QueryValue String from, @QueryValue String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.invalidField("to", "日期范围应在一年以内，且结束日期不早于开始日期。");
        }
        WorkingDays days = calendar.current();
        List<Day> list = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            list.add(new Day(d.toString(), days.isWorkingDay(d)));
        }
        return list;
    }

    @Put("/days/{day}")
    @Secured("ADMIN")
    @Operation(summary = "登记节假日或调休上班日", description = "working=false 为法定节假日，working=true 为调休上班日；仅限市级管理员。")
    Day set(@PathVariable String day, @Body Change change, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.isStaff() || !caller.has(Role.ADMIN) || caller.regionCode() == null
                || RegionCodes.significantPrefix(caller.regionCode()).length() > 4) {
            throw ProblemException.forbidden("工作日历由市级管理员维护。");
        }
        LocalDate date = date("day", day);
        if (change.working() == null) {
            throw ProblemException.invalidField("working", "请说明这一天是否上班。");
        }
        if (change.name() == null || change.name().isBlank() || change.name().strip().length() > 50) {
            throw ProblemException.invalidField("name", "请填写节假日或调休的名称（50 字以内）。");
        }
        calendar.set(date, change.working(), change.name().strip());
        return new Day(date.toString(), calendar.current().isWorkingDay(date));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "日期格式应为 2026-12-01。");
        }
    }
}
