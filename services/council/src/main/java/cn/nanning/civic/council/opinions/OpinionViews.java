package cn.nanning.civic.council.opinions;

import cn.nanning.civic.council.Reports;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response shapes and events of the opinions API. Authors are never named in public. */
public final class OpinionViews {

    private OpinionViews() {
    }

    /** An opinion as residents see it. */
    @Serdeable
    public record OpinionView(UUID id, UUID topicId, String content, String status, String statusLabel, Instant createdAt) {
    }

    /**
     * An item of the moderation queue: an opinion waiting for review or visible but reported ({@code kind} OPINION,
     * approve/hide at /opinions/{id}/…), or a topic waiting for review or visible but reported ({@code kind} TOPIC,
     * id = topicId, content = its description, approve/hide at /topics/{id}/…). Reports show reason and time, never
     * who reported.
     */
    @Serdeable
    public record QueueItem(String kind, String kindLabel, UUID id, UUID topicId, String topicTitle, String content, String status,
                            String statusLabel, String checkResult, List<Reports.ReportView> reports, Instant createdAt) {
    }

    /** Events on council.opinion.v1 (key = opinion id). */
    @Serdeable
    record OpinionPosted(UUID opinionId, UUID topicId, UUID councilId, String status, Instant occurredAt) {
    }

    @Serdeable
    record OpinionModerated(UUID opinionId, UUID topicId, UUID councilId, String status, @Nullable String reason, Instant occurredAt) {
    }
}
