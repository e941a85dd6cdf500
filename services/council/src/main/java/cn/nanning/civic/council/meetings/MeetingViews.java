package cn.nanning.civic.council.meetings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response shapes and events of the meetings API. Residents who registered or attended are counted, never named. */
public final class MeetingViews {

    private MeetingViews() {
    }

    @Serdeable
    public record AgendaItem(int position, UUID topicId, String title) {
    }

    @Serdeable
    public record MeetingView(UUID id, UUID councilId, String title, String place, Instant startsAt, Instant endsAt, String status,
                              String statusLabel, List<AgendaItem> agenda, long registrations, List<String> representativesPresent,
                              long residentsPresent, @Nullable Integer walkIns, @Nullable String minutes, @Nullable Instant minutesAt) {
    }

    /** Events on council.meeting.v1 (key = meeting id). */
    @Serdeable
    record MeetingScheduled(UUID meetingId, UUID councilId, String regionCode, String title, String place, Instant startsAt,
                            List<UUID> agenda, Instant occurredAt) {
    }

    @Serdeable
    record MeetingHeld(UUID meetingId, UUID councilId, String regionCode, int representativesPresent, int residentsPresent,
                       int walkIns, Instant occurredAt) {
    }
}
