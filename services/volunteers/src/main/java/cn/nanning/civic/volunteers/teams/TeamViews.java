package cn.nanning.civic.volunteers.teams;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
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

    @Serdeable
    record TeamJoined(UUID teamId, UUID membershipId, UUID volunteerId, String townshipCode, String type, Instant joinedAt) {
    }
}
