package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Paged;
import static cn.nanning.civic.portal.gateway.Missing.orEmpty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The council screens' calls through the gateway: councils, topic triage, meetings, the 四议两公开 register,
 * publications, the moderation queue, and the public pages (no token).
 */
@Singleton
public class CouncilClient {

    private static final String BASE = "/api/v1/council";

    private final GatewayClient gateway;

    CouncilClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    // ---------------------------------------------------------------- councils

    /** Councils whose village lies in the area (the staff member's region). */
    public List<CouncilSummary> councils(String region, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/councils?region=" + encode(region)).bearerAuth(token),
                Argument.listOf(CouncilSummary.class));
    }

    /** Sets up the council of a village (the services check that the village lies in the caller's area). */
    public Council create(String regionCode, String name, String charter, Rules rules, String token) {
        Map<String, Object> body = Map.of("regionCode", regionCode, "name", name, "charter", charter, "rules", rules);
        return gateway.call(() -> HttpRequest.POST(BASE + "/councils", body).bearerAuth(token), Argument.of(Council.class));
    }

    public Council council(String id, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/councils/" + id).bearerAuth(token), Argument.of(Council.class));
    }

    public Council amendCharter(String id, String charter, Rules rules, String token) {
        return gateway.call(() -> HttpRequest.PUT(BASE + "/councils/" + id + "/charter", Map.of("charter", charter, "rules", rules))
                .bearerAuth(token), Argument.of(Council.class));
    }

    public Representative addRepresentative(String councilId, String name, @Nullable String duty, String termStart, String termEnd,
                                            String token) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "termStart", termStart, "termEnd", termEnd));
        if (duty != null && !duty.isBlank()) {
            body.put("duty", duty);
        }
        return gateway.call(() -> HttpRequest.POST(BASE + "/councils/" + councilId + "/representatives", body).bearerAuth(token),
                Argument.of(Representative.class));
    }

    // ---------------------------------------------------------------- topics

    /** Published topics of a council; {@code status} null for all. */
    public List<Topic> topics(String councilId, @Nullable String status, String token) {
        String query = status == null ? "?size=200" : "?size=200&status=" + status;
        return gateway.call(() -> HttpRequest.GET(BASE + "/councils/" + councilId + "/topics" + query).bearerAuth(token),
                Paged.of(Topic.class)).items();
    }

    /** accept (reason optional) or decline (reason required). */
    public Topic triage(String topicId, String action, @Nullable String reason, String token) {
        Map<String, Object> body = reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason);
        return gateway.call(() -> HttpRequest.POST(BASE + "/topics/" + topicId + "/" + action, body).bearerAuth(token),
                Argument.of(Topic.class));
    }

    public Topic merge(String topicId, String intoId, String reason, String token) {
        return gateway.call(() -> HttpRequest.POST(BASE + "/topics/" + topicId + "/merge", Map.of("into", intoId, "reason", reason))
                .bearerAuth(token), Argument.of(Topic.class));
    }

    // ---------------------------------------------------------------- meetings

    public List<Meeting> meetings(String councilId, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/councils/" + councilId + "/meetings").bearerAuth(token),
                Argument.listOf(Meeting.class));
    }

    public Meeting schedule(String councilId, String title, String place, String startsAt, String endsAt, List<String> agenda,
                            String token) {
        Map<String, Object> body = Map.of("title", title, "place", place, "startsAt", startsAt, "endsAt", endsAt, "agenda", agenda);
        return gateway.call(() -> HttpRequest.POST(BASE + "/councils/" + councilId + "/meetings", body).bearerAuth(token),
                Argument.of(Meeting.class));
    }

    public Meeting record(String meetingId, List<String> representativesPresent, int walkIns, String minutes, String token) {
        Map<String, Object> body = Map.of("representativesPresent", representativesPresent, "registeredPresent", List.of(),
                "walkIns", walkIns, "minutes", minutes);
        return gateway.call(() -> HttpRequest.POST(BASE + "/meetings/" + meetingId + "/record", body).bearerAuth(token),
                Argument.of(Meeting.class));
    }

    // ---------------------------------------------------------------- decisions and publications

    public List<DecisionSummary> decisions(String councilId, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/councils/" + councilId + "/decisions?size=200").bearerAuth(token),
                Paged.of(DecisionSummary.class)).items();
    }

    public Decision decision(String id, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/decisions/" + id).bearerAuth(token), Argument.of(Decision.class));
    }

    public Decision openDecision(String councilId, String title, String matter, @Nullable String topicId, String token) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "matter", matter));
        if (topicId != null) {
            body.put("topicId", topicId);
        }
        return gateway.call(() -> HttpRequest.POST(BASE + "/councils/" + councilId + "/decisions", body).bearerAuth(token),
                Argument.of(Decision.class));
    }

    public Decision registerStep(String decisionId, Map<String, Object> holding, String token) {
        return gateway.call(() -> HttpRequest.POST(BASE + "/decisions/" + decisionId + "/register", holding).bearerAuth(token),
                Argument.of(Decision.class));
    }

    public Decision publishResolution(String decisionId, String content, String token) {
        return gateway.call(() -> HttpRequest.POST(BASE + "/decisions/" + decisionId + "/resolution", Map.of("content", content))
                .bearerAuth(token), Argument.of(Decision.class));
    }

    public Decision reportProgress(String decisionId, int percent, String note, String occurredOn, String token) {
        return gateway.call(() -> HttpRequest.POST(BASE + "/decisions/" + decisionId + "/progress",
                Map.of("percent", percent, "note", note, "occurredOn", occurredOn)).bearerAuth(token), Argument.of(Decision.class));
    }

    public Photo uploadPhoto(String decisionId, String progressId, String filename, byte[] content, String token) {
        return gateway.upload(BASE + "/decisions/" + decisionId + "/progress/" + progressId + "/photos", filename, content, token,
                Argument.of(Photo.class));
    }

    /** Removes a progress photo uploaded by mistake, with a reason (its file is deleted; the removal is audited). */
    public Decision removePhoto(String decisionId, String progressId, String photoId, String reason, String token) {
        return gateway.call(() -> HttpRequest.DELETE(BASE + "/decisions/" + decisionId + "/progress/" + progressId + "/photos/" + photoId,
                Map.of("reason", reason)).bearerAuth(token), Argument.of(Decision.class));
    }

    // ---------------------------------------------------------------- moderation

    public List<QueueItem> moderationQueue(String councilId, String token) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/councils/" + councilId + "/moderation-queue").bearerAuth(token),
                Argument.listOf(QueueItem.class));
    }

    /** Publishes (approve; for a reported one: keeps it) or hides (hide, with a reason) a queued topic or opinion. */
    public void moderate(QueueItem item, boolean approve, @Nullable String reason, String token) {
        String path = BASE + ("TOPIC".equals(item.kind()) ? "/topics/" : "/opinions/") + item.id() + (approve ? "/approve" : "/hide");
        Map<String, Object> body = approve ? Map.of() : Map.of("reason", reason == null ? "" : reason);
        gateway.call(() -> HttpRequest.POST(path, body).bearerAuth(token), Argument.of(byte[].class));
    }

    /** Hides a published topic with a public reason (the triage screen's "隐藏"). */
    public void hideTopic(String topicId, String reason, String token) {
        gateway.call(() -> HttpRequest.POST(BASE + "/topics/" + topicId + "/hide", Map.of("reason", reason)).bearerAuth(token),
                Argument.of(byte[].class));
    }

    // ---------------------------------------------------------------- public pages (no token)

    /** The public index: councils in an area (the whole city by default) with their district and township names. */
    public List<PublicListing> publicCouncils(String region) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/public/councils?region=" + encode(region)),
                Argument.listOf(PublicListing.class));
    }

    public PublicPage publicPage(String councilId) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/public/councils/" + councilId), Argument.of(PublicPage.class));
    }

    /** A published decision with its register and progress timeline (photos included). */
    public Decision publicDecision(String decisionId) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/public/decisions/" + decisionId), Argument.of(Decision.class));
    }

    /** A progress photo's bytes, from its public address (metadata already stripped by the services). */
    public byte[] publicPhoto(Photo photo) {
        return gateway.download(() -> HttpRequest.GET(photo.url()));
    }

    public List<Opinion> publicOpinions(String topicId) {
        return gateway.call(() -> HttpRequest.GET(BASE + "/public/topics/" + topicId + "/opinions"), Argument.listOf(Opinion.class));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- shapes (only what the screens show)

    @Serdeable
    public record CouncilSummary(String id, String regionCode, @Nullable String regionName, String name) {
    }

    @Serdeable
    public record PublicListing(String id, String regionCode, @Nullable String regionName, @Nullable String districtName,
                                @Nullable String townshipName, String name, long openTopics, long publishedResolutions) {
    }

    @Serdeable
    public record Threshold(int numerator, int denominator, String comparison) {
    }

    @Serdeable
    public record Rules(String resolutionBody, Threshold quorum, Threshold majority) {
    }

    @Serdeable
    public record Council(String id, String regionCode, @Nullable String regionName, String name, String charter, String resolutionBody,
                          String resolutionBodyLabel, Threshold quorum, Threshold majority, String rulesLabel,
                          List<Representative> representatives, List<Convener> conveners) {
        public Council {
            representatives = orEmpty(representatives);
            conveners = orEmpty(conveners);
        }
    }

    @Serdeable
    public record Representative(String id, String name, @Nullable String duty, String termStart, String termEnd, boolean inTerm) {
    }

    @Serdeable
    public record Convener(String accountId, String displayName) {
    }

    @Serdeable
    public record Topic(String id, String councilId, String title, String description, String status, String statusLabel,
                        boolean clerkAssisted, String sourceLabel, @Nullable String residentName, long supports,
                        @Nullable String mergedInto, @Nullable String publicReason, String createdAt) {
    }

    @Serdeable
    public record AgendaItem(int position, String topicId, String title) {
    }

    @Serdeable
    public record Meeting(String id, String title, String place, String startsAt, String endsAt, String status, String statusLabel,
                          List<AgendaItem> agenda, long registrations, List<String> representativesPresent, long residentsPresent,
                          @Nullable Integer walkIns, @Nullable String minutes) {
        public Meeting {
            agenda = orEmpty(agenda);
            representativesPresent = orEmpty(representativesPresent);
        }
    }

    @Serdeable
    public record DecisionSummary(String id, String title, String status, String statusLabel, @Nullable String nextStep,
                                  @Nullable String nextStepLabel, int progress, String updatedAt) {
    }

    @Serdeable
    public record Step(String step, String stepLabel, int attempt, String heldAt, @Nullable String motionSource,
                       @Nullable Integer expectedAttendance, @Nullable Integer actualAttendance, @Nullable Integer votesFor,
                       @Nullable Integer votesAgainst, @Nullable Integer votesAbstain, String outcome, String outcomeLabel,
                       @Nullable String explanation, @Nullable String supervisorsComments, @Nullable String content) {
    }

    /** The published resolution (null until 决议公开). */
    @Serdeable
    public record Resolution(String content, String publishedAt) {
    }

    @Serdeable
    public record Photo(String id, String contentType, int width, int height, String url) {
    }

    @Serdeable
    public record Progress(String id, int percent, String note, String occurredOn, List<Photo> photos) {
        public Progress {
            photos = orEmpty(photos);
        }
    }

    @Serdeable
    public record Decision(String id, String title, String matter, String status, String statusLabel, @Nullable String nextStep,
                           @Nullable String nextStepLabel, int progress, @Nullable Resolution resolution, List<Step> register,
                           List<Progress> progressUpdates) {
        public Decision {
            register = orEmpty(register);
            progressUpdates = orEmpty(progressUpdates);
        }
    }

    @Serdeable
    public record Report(String reason, String at) {
    }

    @Serdeable
    public record QueueItem(String kind, String kindLabel, String id, String topicId, String topicTitle, String content, String status,
                            String statusLabel, @Nullable String checkResult, List<Report> reports, String createdAt) {
        public QueueItem {
            reports = orEmpty(reports);
        }
    }

    @Serdeable
    public record Opinion(String id, String content, String createdAt) {
    }

    @Serdeable
    public record HiddenTopic(String hiddenAt, String reason) {
    }

    @Serdeable
    public record PublicPage(String id, String name, @Nullable String regionName, String charter, String rules,
                             List<Topic> openTopics, List<Topic> closedTopics, List<DecisionSummary> resolutions,
                             List<Meeting> upcomingMeetings, List<HiddenTopic> hiddenTopics) {
        public PublicPage {
            openTopics = orEmpty(openTopics);
            closedTopics = orEmpty(closedTopics);
            resolutions = orEmpty(resolutions);
            upcomingMeetings = orEmpty(upcomingMeetings);
            hiddenTopics = orEmpty(hiddenTopics);
        }
    }
}
