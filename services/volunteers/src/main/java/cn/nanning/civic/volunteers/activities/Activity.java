package cn.nanning.civic.volunteers.activities;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity as stored (the check-in code included; views decide who sees it). */
public record Activity(UUID id, String organiserAccount, String regionCode, String place, String title, @Nullable String description,
                       Instant startsAt, Instant endsAt, int plannedMinutes, int capacity, int confirmedCount, int waitlistSeq,
                       List<String> requiredSkills, @Nullable Integer minAge, @Nullable Integer maxAge, boolean suitableForMinors,
                       String status, String checkCode, Instant createdAt) {
}
