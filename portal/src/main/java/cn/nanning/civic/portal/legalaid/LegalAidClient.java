package cn.nanning.civic.portal.legalaid;

import cn.nanning.civic.portal.gateway.GatewayClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The legal-aid screens' calls through the gateway: applications and their decisions, lawyers to assign, completing
 * a consultation. (The agenda itself is the booking engine's, see {@code BookingClient}.)
 */
@Singleton
public class LegalAidClient {

    private static final String APPLICATIONS = "/api/v1/appointments/legal-aid/applications/";
    private static final String ASSISTED = "/api/v1/appointments/legal-aid/consultations/assisted";

    private final GatewayClient gateway;

    LegalAidClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** Administrators: their area's applications; lawyers: those assigned to them. */
    public List<Application> applications(String token) {
        return gateway.call(() -> HttpRequest.GET(APPLICATIONS + "workbench").bearerAuth(token),
                Argument.listOf(Application.class));
    }

    /** One application with everything the decider or the assigned lawyer reads (personal data masked). */
    public Application application(String applicationId, String token) {
        return gateway.call(() -> HttpRequest.GET(APPLICATIONS + applicationId).bearerAuth(token), Argument.of(Application.class));
    }

    /** Applications already decided in the administrator's area (refused or assigned). */
    public List<Application> decided(String token) {
        return gateway.call(() -> HttpRequest.GET(APPLICATIONS + "decided").bearerAuth(token), Argument.listOf(Application.class));
    }

    /** The applicant's name, phone and ID number in full (decider and assigned lawyer; the services audit it). */
    public ApplicantContact applicantContact(String applicationId, String token) {
        return gateway.call(() -> HttpRequest.GET(APPLICATIONS + applicationId + "/contact").bearerAuth(token),
                Argument.of(ApplicantContact.class));
    }

    public List<Document> documents(String applicationId, String token) {
        return gateway.call(() -> HttpRequest.GET(APPLICATIONS + applicationId + "/documents").bearerAuth(token),
                Argument.listOf(Document.class));
    }

    public byte[] document(String applicationId, String documentId, String token) {
        return gateway.download(() -> HttpRequest.GET(APPLICATIONS + applicationId + "/documents/" + documentId).bearerAuth(token));
    }

    public Application decide(String applicationId, boolean approve, String reasons, String token) {
        return gateway.call(() -> HttpRequest.POST(APPLICATIONS + applicationId + "/decision",
                Map.of("approve", approve, "reasons", reasons)).bearerAuth(token), Argument.of(Application.class));
    }

    public Application requestSupplement(String applicationId, String materials, String token) {
        return gateway.call(() -> HttpRequest.POST(APPLICATIONS + applicationId + "/supplement-request",
                Map.of("materials", materials)).bearerAuth(token), Argument.of(Application.class));
    }

    public Application assign(String applicationId, String providerId, String token) {
        return gateway.call(() -> HttpRequest.POST(APPLICATIONS + applicationId + "/assignment",
                Map.of("providerId", providerId)).bearerAuth(token), Argument.of(Application.class));
    }

    /** Lawyers and legal-aid staff working at places within a region: the people an application can be assigned to. */
    public List<Lawyer> lawyers(String regionCode, String token) {
        return Stream.of("LAWYER", "LEGAL_AID_STAFF")
                .flatMap(kind -> gateway.call(() -> HttpRequest.GET("/api/v1/appointments/providers?kind=" + kind
                        + "&regionCode=" + regionCode).bearerAuth(token), Argument.listOf(Lawyer.class)).stream())
                .toList();
    }

    /** Free slots of one provider on one day. */
    public List<Slot> slots(String providerId, java.time.LocalDate day, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/providers/" + providerId + "/slots?from=" + day + "&to=" + day)
                .bearerAuth(token), Argument.listOf(Slot.class));
    }

    /** A clerk books a consultation for a resident at the counter (代为预约), with the resident's consent. */
    public AssistedBooking bookForResident(String providerId, String startsAt, String mode, String topic, String residentName,
                                           String residentPhone, String contactKind, String contactRelation, boolean consent,
                                           String token) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("providerId", providerId, "startsAt", startsAt, "mode", mode,
                "residentName", residentName, "residentPhone", residentPhone, "consent", consent, "contactKind", contactKind));
        if (contactRelation != null && !contactRelation.isBlank()) {
            body.put("contactRelation", contactRelation);
        }
        if (!topic.isBlank()) {
            body.put("topic", topic);
        }
        return gateway.call(() -> HttpRequest.POST(ASSISTED, body).bearerAuth(token), Argument.of(AssistedBooking.class));
    }

    /** The clerk's own assisted bookings, newest first. */
    public List<AssistedBooking> assistedBookings(String token) {
        return gateway.call(() -> HttpRequest.GET(ASSISTED).bearerAuth(token), Argument.listOf(AssistedBooking.class));
    }

    /** The resident behind a booking made at the counter (masked), for its lawyer. */
    public AssistedBooking assistedBooking(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.GET(ASSISTED + "/" + bookingId).bearerAuth(token), Argument.of(AssistedBooking.class));
    }

    /** The counter-booked resident's name and number in full, for the booking's lawyer (the services audit it). */
    public ResidentContact residentContact(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.GET(ASSISTED + "/" + bookingId + "/contact").bearerAuth(token),
                Argument.of(ResidentContact.class));
    }

    public Completion complete(String bookingId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/appointments/legal-aid/consultations/" + bookingId + "/completed", Map.of())
                .bearerAuth(token), Argument.of(Completion.class));
    }

    @Serdeable
    public record Application(String id, String status, String statusLabel, String applicantName, String caseTypeLabel,
                              String submittedOn, String decisionDue, boolean clockPaused, @Nullable String assignmentDue,
                              boolean overdue, @Nullable String description, @Nullable String assignedLawyerName,
                              @Nullable String regionName, @Nullable String idNumber, @Nullable String phone,
                              @Nullable String otherParty, @Nullable String hardshipStatement, @Nullable String exemptGroundLabel,
                              @Nullable String exemptGroundArticle, @Nullable String supplementRequest, @Nullable String supplementNote,
                              @Nullable String decidedOn, @Nullable String decisionReasons) {

        /** A list row as the workbench shows it (the details come with the application itself). */
        public Application(String id, String status, String statusLabel, String applicantName, String caseTypeLabel,
                           String submittedOn, String decisionDue, boolean clockPaused, @Nullable String assignmentDue,
                           boolean overdue, @Nullable String description, @Nullable String assignedLawyerName) {
            this(id, status, statusLabel, applicantName, caseTypeLabel, submittedOn, decisionDue, clockPaused, assignmentDue, overdue,
                    description, assignedLawyerName, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    @Serdeable
    public record ApplicantContact(String applicationId, String applicantName, String phone, String idNumber) {
    }

    @Serdeable
    public record Document(String id, String displayName, String contentType, long sizeBytes, @Nullable String uploadedAt) {
    }

    @Serdeable
    public record ResidentContact(String bookingId, String residentName, @Nullable String phone, String contactKind,
                                  @Nullable String contactRelation, String consentAt) {
    }

    @Serdeable
    public record Lawyer(String id, String displayName, String kindLabel, @Nullable LawyerPlace place) {
    }

    /** Where a lawyer receives residents. */
    @Serdeable
    public record LawyerPlace(String name, @Nullable String address) {
    }

    @Serdeable
    public record Slot(String startsAt, String endsAt) {
    }

    @Serdeable
    public record AssistedBooking(String bookingId, String residentName, String residentPhone, String providerName,
                                  String startsAt, String endsAt, String status, String statusLabel, @Nullable String topic,
                                  @Nullable String placeName) {
    }

    @Serdeable
    public record Completion(String bookingId, long minutes, boolean volunteerLawyer) {
    }
}
