package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Paged;
import cn.nanning.civic.portal.gateway.Missing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The volunteer screens' calls to the gateway: organised activities, sign-ups, attendance and hours, region statistics;
 * the volunteer's own record, activities, hours and certificates; the administrators' search and audited ID reveal.
 */
@Singleton
public class VolunteersClient {

    private final GatewayClient gateway;

    VolunteersClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** What a certificate's QR code proves, for anyone without signing in (masked name and ID number only). */
    public Verification verify(String number) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/public/certificates/"
                + URLEncoder.encode(number, StandardCharsets.UTF_8)), Argument.of(Verification.class));
    }

    @Serdeable
    public record Verification(String number, String statusLabel, String volunteerName, String idNumber, BigDecimal totalHours,
                               String issuer, @Nullable String contact, java.time.LocalDate issuedOn) {
    }

    public List<Activity> organised(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/organised").bearerAuth(token), Argument.listOf(Activity.class));
    }

    /** Publishes a new activity in the organiser's area. */
    public Activity publish(ActivityDraft.Body body, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/activities", body).bearerAuth(token), Argument.of(Activity.class));
    }

    /** Changes an activity before it starts. */
    public Activity change(UUID activityId, ActivityDraft.Body body, String token) {
        return gateway.call(() -> HttpRequest.PUT("/api/v1/volunteers/activities/" + activityId, body).bearerAuth(token),
                Argument.of(Activity.class));
    }

    /** Cancels an activity with a reason; everyone signed up is told. */
    public Activity cancel(UUID activityId, String reason, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/activities/" + activityId + "/cancellation", Map.of("reason", reason))
                .bearerAuth(token), Argument.of(Activity.class));
    }

    /** The check-in code to show now, and when it changes. */
    public CheckCode checkCode(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/check-code").bearerAuth(token),
                Argument.of(CheckCode.class));
    }

    /** The check-in QR code's text to show now ({@code civic-checkin:<activityId>:<code>}), and when it expires. */
    public CheckInQr checkInQr(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/check-in-qr").bearerAuth(token),
                Argument.of(CheckInQr.class));
    }

    /** Open certificate requests of the volunteers in the caller's area, the oldest first (the first 50). */
    public Paged<CertificateRequest> openCertificateRequests(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/certificate-requests?size=50").bearerAuth(token),
                Paged.of(CertificateRequest.class));
    }

    /** Issues the certificate a volunteer asked for, in the name of the organisation. */
    public CertificateRequest issueRequested(UUID requestId, String issuer, String contact, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/certificate-requests/" + requestId + "/issue",
                Map.of("issuer", issuer, "contact", contact)).bearerAuth(token), Argument.of(CertificateRequest.class));
    }

    /** Declines a certificate request with the reason the volunteer is told. */
    public CertificateRequest declineRequested(UUID requestId, String reason, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/certificate-requests/" + requestId + "/decline",
                Map.of("reason", reason)).bearerAuth(token), Argument.of(CertificateRequest.class));
    }

    /** Issues a certificate of a volunteer's confirmed hours in the name of the organisation. */
    public Certificate issueCertificate(UUID volunteerId, String issuer, String contact, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/" + volunteerId + "/certificates",
                Map.of("issuer", issuer, "contact", contact)).bearerAuth(token), Argument.of(Certificate.class));
    }

    /** A certificate as anyone may check it (public; no sign-in). */
    public PublicCertificate publicCertificate(String number) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/public/certificates/" + URLEncoder.encode(number, StandardCharsets.UTF_8)),
                Argument.of(PublicCertificate.class));
    }

    public List<Signup> signups(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/signups").bearerAuth(token),
                Argument.listOf(Signup.class));
    }

    /** The roster with full names and phones, for the activity's organiser (the services audit every read). */
    public List<RosterEntry> rosterContacts(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/roster").bearerAuth(token),
                Argument.listOf(RosterEntry.class));
    }

    public List<Attendance> attendance(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + activityId + "/attendance").bearerAuth(token),
                Argument.listOf(Attendance.class));
    }

    public List<LedgerEntry> confirm(UUID activityId, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/activities/" + activityId + "/hours/confirmation", Map.of())
                .bearerAuth(token), Argument.listOf(LedgerEntry.class));
    }

    public LedgerEntry correct(UUID activityId, UUID volunteerId, int minutes, String reason, String token) {
        Map<String, Object> body = Map.of("volunteerId", volunteerId.toString(), "minutes", minutes, "reason", reason);
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/activities/" + activityId + "/hours/corrections", body)
                .bearerAuth(token), Argument.of(LedgerEntry.class));
    }

    public RegionStatistics statistics(String region, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/statistics?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8))
                .bearerAuth(token), Argument.of(RegionStatistics.class));
    }

    // ------------------------------------------------------------------ the volunteer's own screens

    /** The signed-in volunteer's record (ID number and phone masked); 404 until their portal account is linked. */
    public Profile me(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/me").bearerAuth(token), Argument.of(Profile.class));
    }

    /** Links the signed-in portal account (role VOLUNTEER) with the one-time code the volunteer got in the mini-program. */
    public Profile link(String code, String token) {
        return gateway.call(() -> HttpRequest.POST("/api/v1/volunteers/me/portal-link", Map.of("code", code)).bearerAuth(token),
                Argument.of(Profile.class));
    }

    public List<MySignup> mySignups(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/me/signups?size=50").bearerAuth(token), Paged.of(MySignup.class))
                .items();
    }

    public ActivityDetail activity(UUID id, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/activities/" + id).bearerAuth(token), Argument.of(ActivityDetail.class));
    }

    public MyHours myHours(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/me/hours").bearerAuth(token), Argument.of(MyHours.class));
    }

    public List<Certificate> myCertificates(String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/me/certificates?size=50").bearerAuth(token),
                Paged.of(Certificate.class)).items();
    }

    public byte[] certificatePdf(String number, String token) {
        return gateway.download(() -> HttpRequest.GET("/api/v1/volunteers/certificates/" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "/pdf")
                .bearerAuth(token));
    }

    // ------------------------------------------------------------------ administrators

    /** Volunteers of the admin's area by full name, ID number (full or masked as shown) and region; masked; audited. */
    public List<Match> search(String name, String idNumber, String region, String token) {
        StringBuilder query = new StringBuilder("/api/v1/volunteers/search?region=").append(encode(region));
        if (name != null && !name.isBlank()) {
            query.append("&name=").append(encode(name.strip()));
        }
        if (idNumber != null && !idNumber.isBlank()) {
            query.append("&idNumber=").append(encode(idNumber.strip()));
        }
        return gateway.call(() -> HttpRequest.GET(query.toString()).bearerAuth(token), Argument.listOf(Match.class));
    }

    /** The full ID number for a stated purpose; the services audit every reveal. */
    public String revealIdNumber(UUID volunteerId, String reason, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/volunteers/" + volunteerId + "/id-number?reason=" + encode(reason))
                .bearerAuth(token), Argument.of(IdNumber.class)).idNumber();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    @Serdeable
    public record Profile(UUID id, String status, String statusLabel, @Nullable String realName, @Nullable String idNumber,
                          @Nullable String phone, @Nullable java.time.LocalDate birthDate, @Nullable String sex, @Nullable Integer age,
                          boolean minor, String homeRegion, List<String> skills, @Nullable String availability, Instant registeredAt) {
        public Profile {
            skills = Missing.orEmpty(skills);
        }
    }

    @Serdeable
    public record MySignup(UUID id, UUID activityId, String status, String statusLabel, @Nullable Integer waitlistNo, Instant signedUpAt) {
    }

    @Serdeable
    public record ActivityDetail(UUID id, String title, String place, Instant startsAt, Instant endsAt, int plannedMinutes, String status) {
    }

    @Serdeable
    public record MyLedgerEntry(long id, @Nullable String activityTitle, int minutes, String kind, @Nullable String reason, Instant recordedAt) {
    }

    @Serdeable
    public record Claim(java.time.LocalDate serviceDate, int minutes, String description, String statusLabel) {
    }

    @Serdeable
    public record MyHours(BigDecimal confirmedHours, int stars, String starLabel, int starsUnderNotice, @Nullable Integer nextStarAtHours,
                          List<MyLedgerEntry> ledger, long unconfirmedMinutes, List<Claim> unconfirmedClaims) {
        public MyHours {
            ledger = Missing.orEmpty(ledger);
            unconfirmedClaims = Missing.orEmpty(unconfirmedClaims);
        }
    }

    @Serdeable
    public record Certificate(String number, BigDecimal totalHours, String issuer, String contact, java.time.LocalDate issuedOn,
                              String status, String statusLabel) {
    }

    @Serdeable
    public record Match(UUID id, @Nullable String maskedName, @Nullable String maskedIdNumber, @Nullable String maskedPhone,
                        String homeRegion, String homeRegionName, String status, String statusLabel, Instant registeredAt) {
    }

    @Serdeable
    record IdNumber(String idNumber) {
    }

    @Serdeable
    public record Activity(UUID id, String title, String regionCode, String place, Instant startsAt, Instant endsAt, int plannedMinutes,
                           int capacity, int confirmed, int remaining, String status, @Nullable String description,
                           @Nullable Boolean suitableForMinors) {
    }

    @Serdeable
    public record PublicCertificate(String number, String status, String statusLabel, String volunteerName, String idNumber,
                                    BigDecimal totalHours, String issuer, String contact, java.time.LocalDate issuedOn) {
    }

    @Serdeable
    public record CheckCode(UUID activityId, String code, Instant validFrom, Instant validUntil, @Nullable Instant changesAt) {
    }

    @Serdeable
    public record CheckInQr(UUID activityId, String payload, String code, Instant expiresAt, Instant validFrom, Instant validUntil) {
    }

    @Serdeable
    public record CertificateRequest(UUID id, String kind, String kindLabel, @Nullable String purpose, String status, String statusLabel,
                                     Instant requestedAt, @Nullable String certificateNumber, @Nullable String declineReason,
                                     @Nullable UUID volunteerId, @Nullable String volunteerName, @Nullable BigDecimal confirmedHours) {
    }

    @Serdeable
    public record Signup(UUID id, UUID volunteerId, @Nullable String volunteerName, String status, String statusLabel,
                         @Nullable Integer waitlistNo, Instant signedUpAt) {
    }

    @Serdeable
    public record RosterEntry(UUID volunteerId, String name, String phone, String status, String statusLabel, @Nullable Integer waitlistNo) {
    }

    @Serdeable
    public record Attendance(UUID volunteerId, @Nullable String volunteerName, Instant checkInAt, @Nullable Instant checkOutAt,
                             @Nullable Integer attendedMinutes, @Nullable Boolean qualifies, int requiredMinutes,
                             @Nullable Integer creditableMinutes, boolean confirmed) {
    }

    @Serdeable
    public record LedgerEntry(long id, int minutes, String kind, @Nullable String reason) {
    }

    @Serdeable
    public record Figures(String code, String name, String level, long registered, long active90d, BigDecimal confirmedHours,
                          @Nullable Long population, @Nullable BigDecimal registeredShare, BigDecimal targetShare,
                          @Nullable Long targetVolunteers, @Nullable BigDecimal targetProgress, long stations,
                          long townships, long townshipsWithStation, long pingAnTeams, long patrolTeams) {
    }

    @Serdeable
    public record RegionStatistics(Figures total, List<Figures> children, @Nullable Instant asOf) {
        public RegionStatistics {
            children = Missing.orEmpty(children);
        }
    }
}
