package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.notices.VolunteerNotices;
import cn.nanning.civic.volunteers.registration.VolunteerCard;
import cn.nanning.civic.volunteers.registration.Volunteers;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Volunteers ask for a certificate; the organisers and administrators whose area covers the volunteer — those who issue
 * certificates — see the open requests and issue the certificate (through {@link Certificates#issue}) or decline with a
 * reason. One open request per volunteer and kind. Every change leaves through the outbox, and the volunteer is told
 * of the decision ({@link VolunteerNotices}: an issued certificate by {@link Certificates#issue} itself, a refusal here).
 */
@Singleton
class CertificateRequests {

    static final String TOPIC = "volunteers.certificate-request.v1";

    private final CertificateRequestStore store;
    private final Certificates certificates;
    private final Volunteers volunteers;
    private final Outbox outbox;
    private final VolunteerNotices notices;
    private final AuditLog audit;
    private final VolunteersClock clock;

    CertificateRequests(CertificateRequestStore store, Certificates certificates, Volunteers volunteers, Outbox outbox,
                        VolunteerNotices notices, AuditLog audit, VolunteersClock clock) {
        this.store = store;
        this.certificates = certificates;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    CertificateViews.RequestView request(Caller caller, CertificateViews.NewRequest body) {
        CertificateKind kind = CertificateKind.of(body.kind())
                .orElseThrow(() -> ProblemException.invalidField("kind", "没有这种证明，请选择“志愿服务时长证明”。"));
        VolunteerCard me = volunteers.requireActive(caller);
        if (store.confirmedMinutes(me.id()) <= 0) {
            throw ProblemException.conflict("no-confirmed-hours", "您还没有经组织方确认的服务时长，暂不能申请志愿服务时长证明。");
        }
        String purpose = body.purpose() == null || body.purpose().isBlank() ? null : body.purpose().strip();
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        if (!store.insert(id, me.id(), kind.name(), purpose, now)) {
            throw ProblemException.conflict("request-open", "您已申请过" + kind.label() + "，正在等待组织方处理，请勿重复申请。");
        }
        outbox.add(TOPIC, id.toString(), "CertificateRequested", "certificate-request",
                new CertificateRequested(id, me.id(), kind.name(), now));
        return view(store.find(id, false).orElseThrow(), null, null);
    }

    @Transactional
    PageOf<CertificateViews.RequestView> mine(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, Certificates.MAX_PAGE_SIZE);
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        return PageOf.of(store.ofVolunteer(me, size, offset).stream().map(r -> view(r, null, null)).toList(), page, size,
                store.countOfVolunteer(me));
    }

    /** Open requests of volunteers living in the caller's area, the oldest first. */
    @Transactional
    PageOf<CertificateViews.RequestView> open(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, Certificates.MAX_PAGE_SIZE);
        requireIssuer(caller);
        if (caller.regionCode() == null) {
            return PageOf.of(List.of(), page, size, 0);
        }
        String area = RegionCodes.significantPrefix(caller.regionCode());
        List<CertificateRequestStore.Row> rows = store.openIn(area, size, offset);
        Map<UUID, String> names = volunteers.maskedNames(rows.stream().map(CertificateRequestStore.Row::volunteerId).toList());
        return PageOf.of(rows.stream().map(r -> view(r, names.get(r.volunteerId()), hours(store.confirmedMinutes(r.volunteerId())))).toList(),
                page, size, store.countOpenIn(area));
    }

    /** Issues the certificate asked for, in the organisation's name, and tells the volunteer. */
    @Transactional
    CertificateViews.RequestView issue(Caller caller, UUID id, CertificateViews.Issue body) {
        CertificateRequestStore.Row r = decidable(caller, id);
        CertificateViews.CertificateView certificate = certificates.issue(caller, r.volunteerId(), body);
        Instant now = clock.now();
        store.issued(r.id(), certificate.number(), caller.accountId(), now);
        outbox.add(TOPIC, r.id().toString(), "CertificateRequestIssued", "certificate-request",
                new CertificateRequestIssued(r.id(), r.volunteerId(), r.kind(), certificate.number(), now));
        return decided(r.id());
    }

    /** Declines a request with a reason the volunteer reads. */
    @Transactional
    CertificateViews.RequestView decline(Caller caller, UUID id, CertificateViews.Decline body) {
        CertificateRequestStore.Row r = decidable(caller, id);
        String reason = body.reason().strip();
        Instant now = clock.now();
        store.declined(r.id(), reason, caller.accountId(), now);
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "volunteers.certificate-request.decline", "certificate-request",
                r.id().toString(), AuditEntry.Outcome.SUCCESS, reason));
        outbox.add(TOPIC, r.id().toString(), "CertificateRequestDeclined", "certificate-request",
                new CertificateRequestDeclined(r.id(), r.volunteerId(), r.kind(), reason, now));
        notices.certificateDeclined(r.volunteerId(), CertificateKind.labelOf(r.kind()), reason);
        return decided(r.id());
    }

    private CertificateViews.RequestView decided(UUID id) {
        CertificateRequestStore.Row row = store.find(id, false).orElseThrow();
        return view(row, volunteers.maskedNames(List.of(row.volunteerId())).get(row.volunteerId()),
                hours(store.confirmedMinutes(row.volunteerId())));
    }

    /** The open request, locked, if the caller issues certificates for the volunteer's area; anyone else is told it does not exist. */
    private CertificateRequestStore.Row decidable(Caller caller, UUID id) {
        requireIssuer(caller);
        CertificateRequestStore.Row r = store.find(id, true)
                .filter(row -> volunteers.maskedIdentity(row.volunteerId()).map(v -> caller.covers(v.homeRegion())).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("没有找到该证明申请。"));
        if (!"OPEN".equals(r.status())) {
            throw ProblemException.conflict("request-decided", "该申请已经处理过了（" + statusLabel(r.status()) + "）。");
        }
        return r;
    }

    private static void requireIssuer(Caller caller) {
        if (!caller.has(Role.ORGANIZER) && !caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("只有志愿服务组织者或管理员可以处理证明申请。");
        }
    }


    private static CertificateViews.RequestView view(CertificateRequestStore.Row r, String volunteerName, BigDecimal confirmedHours) {
        return new CertificateViews.RequestView(r.id(), r.kind(), CertificateKind.labelOf(r.kind()), r.purpose(), r.status(),
                statusLabel(r.status()), r.requestedAt(), r.decidedAt(), r.certificateNumber(), r.declineReason(),
                volunteerName == null ? null : r.volunteerId(), volunteerName, confirmedHours);
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "待处理";
            case "ISSUED" -> "已出具";
            default -> "未出具";
        };
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN);
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
