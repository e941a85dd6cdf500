package cn.nanning.civic.appointments.statistics;

import cn.nanning.civic.appointments.booking.PlaceKind;
import cn.nanning.civic.appointments.booking.Service;
import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.appointments.legalaid.ApplicationStatus;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An area's appointment figures for administrators and auditors: places and providers, bookings of a period per
 * service and status, legal-aid applications per status and those past their decision day. Counts only.
 */
@Controller("/api/v1/appointments/statistics")
@Secured({"ADMIN", "AUDITOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "appointment-statistics", description = "预约统计：法律咨询、心理咨询预约与法律援助申请的数量")
class AppointmentStatisticsController {

    static final int DEFAULT_DAYS = 30;

    private final AppointmentStatisticsStore store;
    private final AppointmentClock clock;

    AppointmentStatisticsController(AppointmentStatisticsStore store, AppointmentClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Get
    @Operation(summary = "本辖区预约统计", description = "管理员、审计员查看本人辖区（或其下级区划）近若干天（默认 30 天，7–366 天）"
            + "开始的法律咨询、心理咨询预约按状态的数量，期间提交的法律援助申请按状态的数量，以及目前已超过决定期限仍在审查的申请数。"
            + "只含数量，不含个人信息。")
    AppointmentStatistics statistics(@Nullable @QueryValue String region, @Nullable @QueryValue Integer days,
                             Authentication authentication) {
        Caller caller = Caller.from(authentication);
        String area = region == null || region.isBlank() ? caller.regionCode() : region.strip();
        if (area == null) {
            throw ProblemException.forbidden("只能查看本辖区的预约统计。");
        }
        String normalised = area.length() == 4 ? area + "00" : area;
        String prefix = RegionCodes.areaPrefix(normalised, "region");
        if (!caller.covers(normalised)) {
            throw ProblemException.forbidden("只能查看本辖区的预约统计。");
        }
        int span = days == null ? DEFAULT_DAYS : days;
        if (span < 7 || span > 366) {
            throw ProblemException.invalidField("days", "统计天数应在 7 到 366 天之间。");
        }
        LocalDate today = clock.today();
        LocalDate fromDate = today.minusDays(span - 1L);
        Instant from = fromDate.atStartOfDay(AppointmentClock.NANNING).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(AppointmentClock.NANNING).toInstant();
        AppointmentStatisticsStore.Counts counts = store.of(prefix, from, to, fromDate, today, today);

        List<PlaceCount> places = Arrays.stream(PlaceKind.values())
                .map(kind -> new PlaceCount(kind.name(), kind.label(), counts.places().getOrDefault(kind.name(), 0L)))
                .toList();
        List<ServiceFigures> services = Arrays.stream(Service.values()).map(service -> {
            Map<String, Long> byStatus = counts.bookings().getOrDefault(service.name(), Map.of());
            long confirmed = byStatus.getOrDefault("CONFIRMED", 0L);
            long attended = byStatus.getOrDefault("ATTENDED", 0L);
            long noShow = byStatus.getOrDefault("NO_SHOW", 0L);
            long cancelled = byStatus.getOrDefault("CANCELLED", 0L);
            return new ServiceFigures(service.name(), service.label(), confirmed + attended + noShow + cancelled,
                    confirmed, attended, noShow, cancelled);
        }).toList();
        List<StatusCount> applications = Arrays.stream(ApplicationStatus.values())
                .map(status -> new StatusCount(status.name(), status.label(), counts.applications().getOrDefault(status.name(), 0L)))
                .toList();
        long submitted = counts.applications().values().stream().mapToLong(Long::longValue).sum();
        return new AppointmentStatistics(normalised, fromDate, today, span, places, counts.providers(), services,
                counts.urgentBookings(), new LegalAidFigures(submitted, applications, counts.applicationsOverdue()));
    }

    @Serdeable
    @Schema(description = "一个辖区的预约统计")
    record AppointmentStatistics(
            @Schema(description = "区划代码") String region,
            @Schema(description = "统计起始日（含）") LocalDate from,
            @Schema(description = "统计截止日（含，今天）") LocalDate to,
            @Schema(description = "统计天数") int days,
            @Schema(description = "在用的服务场所，按类别") List<PlaceCount> places,
            @Schema(description = "在岗的服务人员（律师、法律援助工作人员、心理咨询师）") long providers,
            @Schema(description = "期间开始的预约，按服务") List<ServiceFigures> services,
            @Schema(description = "其中的紧急心理咨询预约") long urgentBookings,
            @Schema(description = "法律援助申请") LegalAidFigures legalAid) {
    }

    @Serdeable
    record PlaceCount(String kind, String kindLabel, long count) {
    }

    @Serdeable
    @Schema(description = "一项服务期间开始的预约：total = 已预约 + 已到场 + 爽约 + 已取消")
    record ServiceFigures(String service, String serviceLabel, long total, long confirmed, long attended, long noShow,
                          long cancelled) {
    }

    @Serdeable
    record StatusCount(String status, String statusLabel, long count) {
    }

    @Serdeable
    @Schema(description = "期间提交的法律援助申请（按目前状态），以及目前已过决定期限仍在审查的申请（不限提交时间）")
    record LegalAidFigures(long submitted, List<StatusCount> byStatus, long overdueNow) {
    }
}
