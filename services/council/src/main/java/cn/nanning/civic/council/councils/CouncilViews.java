package cn.nanning.civic.council.councils;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response shapes of the councils API (also used by the public pages). */
public final class CouncilViews {

    private CouncilViews() {
    }

    @Serdeable
    public record CouncilView(UUID id, String regionCode, @Nullable String regionName, String name, String charter,
                              String resolutionBody, String resolutionBodyLabel, Threshold quorum, Threshold majority,
                              String rulesLabel, List<RepresentativeView> representatives, List<ConvenerView> conveners,
                              Instant createdAt, Instant updatedAt) {
    }

    @Serdeable
    public record RepresentativeView(UUID id, String name, @Nullable String duty, LocalDate termStart, LocalDate termEnd,
                                     boolean inTerm) {
    }

    @Serdeable
    public record ConvenerView(String accountId, String displayName, Instant addedAt) {
    }

    @Serdeable
    public record CouncilSummary(UUID id, String regionCode, @Nullable String regionName, String name) {
    }

    /** A council in the public index: where it is, by name at every level, and what residents can read there. */
    @Serdeable
    public record PublicListing(UUID id, String regionCode, @Nullable String regionName, @Nullable String districtName,
                                @Nullable String townshipName, String name, long openTopics, long publishedResolutions) {
    }
}
