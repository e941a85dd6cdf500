package cn.nanning.civic.council.decisions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response shapes and events of the decisions API (also used by the public pages). */
public final class DecisionViews {

    private DecisionViews() {
    }

    /**
     * A decision with its step register and progress. {@code resolution} is the resolution text published at 决议公开
     * (the content of the register's RESOLUTION_PUBLISHED line), null until it is published (left out of the JSON then,
     * like the API's other empty fields: a null object under a $ref does not validate against OpenAPI 3.0's nullable).
     */
    @Serdeable
    public record DecisionView(UUID id, UUID councilId, @Nullable UUID topicId, String title, String matter, String status,
                               String statusLabel, @Nullable String nextStep, @Nullable String nextStepLabel, int progress,
                               @Nullable Resolution resolution,
                               List<StepView> register, List<ProgressView> progressUpdates, Instant createdAt, Instant updatedAt) {
    }

    /** The published resolution: its text and when it was published. */
    @Serdeable
    public record Resolution(String content, Instant publishedAt) {
    }

    /** One line of the step register. */
    @Serdeable
    public record StepView(UUID id, String step, String stepLabel, int attempt, Instant heldAt, @Nullable String motionSource,
                           @Nullable Integer expectedAttendance, @Nullable Integer actualAttendance, @Nullable Integer votesFor,
                           @Nullable Integer votesAgainst, @Nullable Integer votesAbstain, String outcome, String outcomeLabel,
                           @Nullable String rule, @Nullable String explanation, @Nullable String supervisorsComments,
                           @Nullable String content, Instant recordedAt) {
    }

    @Serdeable
    public record ProgressView(UUID id, int percent, String note, LocalDate occurredOn, Instant recordedAt, List<PhotoView> photos) {
    }

    /** A progress photo; {@code url} is its public address (no sign-in needed, like the decision page). */
    @Serdeable
    public record PhotoView(UUID id, String contentType, int width, int height, String url) {
    }

    @Serdeable
    public record DecisionSummary(UUID id, UUID councilId, String title, String status, String statusLabel,
                                  @Nullable String nextStep, @Nullable String nextStepLabel, int progress, Instant updatedAt) {
    }

    /** Events on council.decision.v1 (key = decision id). */
    @Serdeable
    record DecisionChanged(UUID decisionId, UUID councilId, String regionCode, String status, @Nullable String step,
                           @Nullable String outcome, int progress, Instant occurredAt) {
    }
}
