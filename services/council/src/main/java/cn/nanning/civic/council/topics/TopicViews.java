package cn.nanning.civic.council.topics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** Response shapes and events of the topics API. */
public final class TopicViews {

    private TopicViews() {
    }

    /**
     * A topic as residents and staff see it; an offline resident's name is masked. {@code decisionId}: the decision
     * opened on an accepted topic (its publication page); {@code statusReason}: why it was accepted, declined or merged
     * (the same text as {@code publicReason}, kept for older clients).
     */
    @Serdeable
    public record TopicView(UUID id, UUID councilId, String title, String description, String status, String statusLabel,
                            boolean clerkAssisted, String sourceLabel, @Nullable String residentName, long supports,
                            @Nullable UUID mergedInto, @Nullable String publicReason, @Nullable Instant decidedAt, Instant createdAt,
                            String moderation, String moderationLabel, @Nullable String hiddenReason,
                            @Nullable UUID decisionId, @Nullable String statusReason) {
    }

    /** What the public page keeps of a hidden topic: not its text, only when and why it was hidden. */
    @Serdeable
    public record HiddenTopic(Instant hiddenAt, String reason) {
    }

    @Serdeable
    public record SupportView(UUID topicId, long supports) {
    }

    /** Events on council.topic.v1 (key = topic id). */
    @Serdeable
    record TopicProposed(UUID topicId, UUID councilId, String regionCode, String title, boolean clerkAssisted, String moderation,
                         Instant occurredAt) {
    }

    /** TopicPublished (after review) or TopicHidden: consumers drop what they hold of a hidden topic. No text, no author. */
    @Serdeable
    record TopicModerated(UUID topicId, UUID councilId, String regionCode, String moderation, @Nullable String reason, Instant occurredAt) {
    }

    /** A resident reported the topic: how many reports are open, and whether it now waits in the moderation queue. */
    @Serdeable
    record TopicReported(UUID topicId, UUID councilId, String regionCode, long openReports, boolean queued, Instant occurredAt) {
    }

    @Serdeable
    record TopicTriaged(UUID topicId, UUID councilId, String regionCode, String status, @Nullable UUID mergedInto,
                        @Nullable String publicReason, Instant occurredAt) {
    }
}
