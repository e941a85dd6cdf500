package cn.nanning.civic.services.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import cn.nanning.civic.appointments.api.AppointmentsOpenItemsStore;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.api.CouncilOpenItemsStore;
import cn.nanning.civic.kernel.homeregion.HomeRegions;
import cn.nanning.civic.proxy.api.ProxyOpenItemsStore;
import cn.nanning.civic.volunteers.api.VolunteerStandingStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * The services half of "who am I": composed from each module's public {@code api} package (no module's tables are
 * read here). The gateway adds what only it knows (the bound phone, notifications) and serves {@code GET /api/v1/me}.
 */
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "me", description = "我的")
class MeSummaryController {

    private final HomeRegions homeRegions;
    private final VolunteerStandingStore volunteers;
    private final ProxyOpenItemsStore proxy;
    private final AppointmentsOpenItemsStore appointments;
    private final CouncilOpenItemsStore council;
    private final Clock clock = Clock.systemUTC();

    MeSummaryController(HomeRegions homeRegions, VolunteerStandingStore volunteers, ProxyOpenItemsStore proxy,
                        AppointmentsOpenItemsStore appointments, CouncilOpenItemsStore council) {
        this.homeRegions = homeRegions;
        this.volunteers = volunteers;
        this.proxy = proxy;
        this.appointments = appointments;
        this.council = council;
    }

    /** Volunteer or not; when one, the star level in effect, confirmed hours and sign-ups ahead. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Volunteer(boolean registered, int starLevel, @Nullable String starLabel, BigDecimal confirmedHours, int upcomingSignups) {
    }

    /** What is still under way, per capability (counts). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OpenItems(int proxyRequests, int bookings, int legalAidApplications, int legalAidSupplementsRequested,
                     int councilTopics, int councilMeetings, int volunteerSignups) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Summary(@Nullable HomeRegions.HomeRegion homeRegion, Volunteer volunteer, OpenItems openItems) {
    }

    @Get("/summary")
    @Operation(summary = "我的概况（业务部分）", description = "常住村（社区）、志愿者身份（星级、已确认时长）与各项在办事项数量；"
            + "网关的 GET /api/v1/me 在此基础上加上手机号绑定与消息。")
    Summary summary(Authentication authentication) {
        Caller caller = citizen(authentication);
        Instant now = clock.instant();
        Volunteer volunteer = volunteers.of(caller.accountId(), now)
                .map(s -> new Volunteer(true, s.starLevel(), s.starLabel(), s.confirmedHours(), s.upcomingSignups()))
                .orElse(new Volunteer(false, 0, null, BigDecimal.ZERO, 0));
        return new Summary(homeRegions.of(caller.accountId()).orElse(null), volunteer, openItems(caller, now, volunteer));
    }

    @Get("/open-items")
    @Operation(summary = "我的在办事项数量", description = "代办、预约、法律援助申请、议事会议题与会议、志愿活动报名，各为仍在进行中的数量。")
    OpenItems openItems(Authentication authentication) {
        Caller caller = citizen(authentication);
        Instant now = clock.instant();
        int signups = volunteers.of(caller.accountId(), now).map(VolunteerStandingStore.Standing::upcomingSignups).orElse(0);
        return openItems(caller, now, new Volunteer(signups > 0, 0, null, BigDecimal.ZERO, signups));
    }

    private OpenItems openItems(Caller caller, Instant now, Volunteer volunteer) {
        AppointmentsOpenItemsStore.OpenItems a = appointments.of(caller.accountId(), now);
        CouncilOpenItemsStore.OpenItems c = council.of(caller.accountId(), now);
        return new OpenItems(proxy.openRequests(caller.accountId()), a.upcomingBookings(), a.legalAidApplications(),
                a.legalAidSupplementsRequested(), c.openTopics(), c.upcomingMeetings(), volunteer.upcomingSignups());
    }

    private static Caller citizen(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!Claims.KIND_CITIZEN.equals(caller.kind())) {
            throw ProblemException.forbidden("这是市民本人的概况，工作人员账号没有。");
        }
        return caller;
    }
}
