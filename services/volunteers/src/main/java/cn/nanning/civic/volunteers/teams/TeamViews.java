package cn.nanning.civic.volunteers.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response shapes of the teams API. */
final class TeamViews {

    private TeamViews() {
    }

    @Serdeable
    record TeamView(UUID id, UUID stationId, String townshipCode, String name, String type, String typeLabel,
                    UUID leaderVolunteerId, String leaderName, long members, Instant createdAt) {
    }

    @Serdeable
    record MembershipView(UUID id, UUID teamId, UUID volunteerId, String volunteerName, String role, String status,
                          String statusLabel, Instant requestedAt, @Nullable Instant decidedAt, @Nullable String note) {
    }

    /** One of my teams: the team and my membership of it (role, state of my request). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MyTeam(TeamView team, String role, String roleLabel, String status, String statusLabel, Instant requestedAt,
                  @Nullable Instant decidedAt, @Nullable String note) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MyTeams(List<MyTeam> items, int page, int size, long total) {
    }

    @Serdeable
    record TeamJoined(UUID teamId, UUID membershipId, UUID volunteerId, String townshipCode, String type, Instant joinedAt) {
    }
}
