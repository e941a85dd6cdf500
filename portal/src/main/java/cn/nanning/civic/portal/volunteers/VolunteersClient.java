package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The volunteer screens' calls to the gateway: organised activities, sign-ups, attendance and hours, region statistics. */
@Singleton
public class VolunteersClient {

    private final GatewayClient gateway;

    VolunteersClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Activity> organised(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/organised").bearerAuth(token), Argument.listOf(Activity.class));
    }

    public List<Signup> signups(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/signups").bearerAuth(token),
                Argument.listOf(Signup.class));
    }

    public List<Attendance> attendance(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/attendance").bearerAuth(token),
                Argument.listOf(Attendance.class));
    }

    public List<LedgerEntry> confirm(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/activities/" + activityId + "/hours/confirmation", Map.of())
                .bearerAuth(token), Argument.listOf(LedgerEntry.class));
    }

    public LedgerEntry correct(UUID activityId, UUID volunteerId, int minutes, String reason, String token) {
        Map<String, Object> body = Map.of("volunteerId", volunteerId.toString(), "minutes", minutes, "reason", reason);
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/activities/" + activityId + "/hours/corrections", body)
                .bearerAuth(token), Argument.of(LedgerEntry.class));
    }

    public RegionStatistics statistics(String region, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/statistics?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8))
                .bearerAuth(token), Argument.of(RegionStatistics.class));
    }

    @Serdeable
    public record Activity(UUID id, String title, String regionCode, String place, Instant startsAt, Instant endsAt, int plannedMinutes,
                           int capacity, int confirmed, int remaining, String status) {
    }

    @Serdeable
    public record Signup(UUID id, UUID volunteerId, @Nullable String volunteerName, String status, String statusLabel,
                         @Nullable Integer waitlistNo, Instant signedUpAt) {
    }

    @Serdeable
    public record Attendance(UUID volunteerId, @Nullable String volunteerName, Instant checkInAt, @Nullable Instant checkOutAt,
                             @Nullable Integer attendedMinutes, @Nullable Boolean qualifies, int requiredMinutes,
                             @Nullable Integer creditableMinutes, boolean confirmed) {
    }

    @Serdeable
    public record LedgerEntry(long id, int minutes, String kind, @Nullable String reason) {
    }

    @Serdeable
    public record Figures(String code, String name, String level, long registered, long active90d, BigDecimal confirmedHours,
                          @Nullable Long population, @Nullable BigDecimal registeredShare, BigDecimal targetShare, long stations,
                          long townships, long townshipsWithStation, long pingAnTeams, long patrolTeams) {
    }

    @Serdeable
    public record RegionStatistics(Figures total, List<Figures> children, @Nullable Instant asOf) {
    }
}
