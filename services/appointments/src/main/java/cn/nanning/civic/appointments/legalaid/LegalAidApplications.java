package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.appointments.booking.Access;
import cn.nanning.civic.appointments.booking.Bookings;
import cn.nanning.civic.appointments.booking.Directory;
import cn.nanning.civic.appointments.booking.Provider;
import cn.nanning.civic.appointments.booking.ProviderKind;
import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.appointments.calendar.Calendar;
import cn.nanning.civic.appointments.idcard.IdNumbers;
import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.kernel.regions.Region;
import cn.nanning.civic.kernel.regions.RegionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 法律援助申请: submitted by the applicant, decided within 7 working days of the complete application (time waiting
 * for supplements excluded, 法律援助法 Art. 43), a lawyer assigned within 3 working days of approval.
 */
@Singleton
class LegalAidApplications {

    static final String TOPIC = "appointments.legal-aid-application.v1";
    static final int DECISION_WORKING_DAYS = 7;
    static final int ASSIGNMENT_WORKING_DAYS = 3;
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int LIST_LIMIT = 200;
    /** An applicant pages through their own applications at most this many at a time. */
    static final int MINE_MAX_PAGE_SIZE = 50;

    private final JdbcOperations jdbc;
    private final FieldCipher cipher;
    private final Calendar calendar;
    private final AppointmentClock clock;
    private final Directory directory;
    private final RegionRepository regions;
    private final Outbox outbox;
    private final AuditLog audit;
    private final ApplicantNotices notices;
    private final Bookings bookings;

    LegalAidApplications(JdbcOperations jdbc, FieldCipher cipher, Calendar calendar, AppointmentClock clock, Directory directory,
                         RegionRepository regions, Outbox outbox, AuditLog audit, ApplicantNotices notices, Bookings bookings) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.calendar = calendar;
        this.clock = clock;
        this.directory = directory;
        this.regions = regions;
        this.outbox = outbox;
        this.audit = audit;
        this.notices = notices;
        this.bookings = bookings;
    }

    record Application(UUID id, String citizenAccountId, String regionCode, String applicantName, String idNumber, String phone,
                       CaseType caseType, String otherParty, String description, @Nullable String hardshipStatement,
                       @Nullable ExemptGround exemptGround, ApplicationStatus status, LocalDate submittedOn, LocalDate decisionDue,
                       @Nullable LocalDate pausedOn, @Nullable String supplementRequest, @Nullable String supplementNote,
                       @Nullable LocalDate decidedOn, @Nullable String decisionReasons, @Nullable LocalDate assignmentDue,
                       @Nullable UUID assignedProviderId, @Nullable String assignedAccountId, @Nullable UUID consultationId) {
    }

    /** {@code consultationId}: the applicant's own legal consultation the application came from, if any. */
    record NewApplication(String applicantName, String idNumber, String phone, String regionCode, String caseType,
                          String otherParty, String description, @Nullable String hardshipStatement, @Nullable String exemptGround,
                          @Nullable UUID consultationId) {
    }

    @Transactional
    public Application submit(Caller caller, NewApplication c) {
        if (caller.isStaff()) {
            throw ProblemException.forbidden("法律援助申请请由申请人本人提交。");
        }
        String name = required("applicantName", c.applicantName(), "请填写申请人姓名。", 50);
        String id = IdNumbers.require("idNumber", c.idNumber(), clock.today()).value();
        String phone = c.phone() == null ? "" : c.phone().strip();
        if (!MOBILE.matcher(phone).matches()) {
            throw ProblemException.invalidField("phone", "请填写正确的 11 位手机号码。");
        }
        String region = c.regionCode() == null ? "" : c.regionCode().strip();
        if (!regions.existsById(region)) {
            throw ProblemException.invalidField("regionCode", "请选择受理申请的区划（南宁市的县区或乡镇）。");
        }
        CaseType caseType = parse(CaseType.class, "caseType", c.caseType(), "请选择案件类型。");
        String otherParty = required("otherParty", c.otherParty(), "请填写对方当事人。", 200);
        String description = required("description", c.description(), "请简要说明案情。", 2000);
        String hardship = c.hardshipStatement() == null || c.hardshipStatement().isBlank() ? null : c.hardshipStatement().strip();
        ExemptGround ground = c.exemptGround() == null || c.exemptGround().isBlank() ? null
                : parse(ExemptGround.class, "exemptGround", c.exemptGround(), "请选择免予核查经济困难状况的情形。");
        if ((hardship == null) == (ground == null)) {
            throw ProblemException.invalidField("hardshipStatement",
                    "请如实说明经济困难状况，或选择一项法律援助法规定的免予核查（不受经济困难条件限制）的情形，二者选其一。");
        }
        if (hardship != null && hardship.length() > 2000) {
            throw ProblemException.invalidField("hardshipStatement", "经济困难状况说明请控制在 2000 字以内。");
        }
        UUID consultation = c.consultationId() == null ? null : bookings.ownConsultation(caller, c.consultationId(), "consultationId").id();
        LocalDate today = clock.today();
        Instant now = clock.now();
        UUID appId = UUID.randomUUID();
        LocalDate due = calendar.snapshot().addWorkingDays(today, DECISION_WORKING_DAYS);
        jdbc.prepareStatement("""
                insert into appointments.legal_aid_application (id, citizen_account_id, region_code, applicant_name, id_number,
                    id_number_index, phone, case_type, other_party, description, hardship_statement, exempt_ground, status,
                    submitted_on, decision_due, created_at, updated_at, consultation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNDER_REVIEW', ?, ?, ?, ?, ?)""", s -> {
            s.setObject(1, appId);
            s.setString(2, caller.accountId());
            s.setString(3, region);
            s.setString(4, cipher.encrypt(name, "legal_aid_application.applicant_name"));
            s.setString(5, cipher.encrypt(id, "legal_aid_application.id_number"));
            s.setString(6, cipher.blindIndex(id, "legal_aid_application.id_number"));
            s.setString(7, cipher.encrypt(phone, "legal_aid_application.phone"));
            s.setString(8, caseType.name());
            s.setString(9, otherParty);
            s.setString(10, description);
            s.setString(11, hardship);
            s.setString(12, ground == null ? null : ground.name());
            s.setObject(13, today);
            s.setObject(14, due);
            s.setTimestamp(15, Timestamp.from(now));
            s.setTimestamp(16, Timestamp.from(now));
            s.setObject(17, consultation);
            return s.executeUpdate();
        });
        if (consultation != null) {
            bookings.linkApplication(consultation, appId);
        }
        Application app = find(appId);
        event(app, "LegalAidApplicationSubmitted", Map.of("caseType", caseType.name(), "exempt", ground != null));
        return app;
    }

    /** 一次性告知: the administrator lists what is missing; the decision clock stops until the applicant supplies it. */
    @Transactional
    public Application requestSupplement(Caller caller, UUID id, String materials) {
        Application app = forAdmin(caller, id);
        requireStatus(app, ApplicationStatus.UNDER_REVIEW);
        String request = required("materials", materials, "请一次性列明需要补充的材料或说明。", 1000);
        update(id, "status = 'SUPPLEMENT_REQUESTED', paused_on = ?, supplement_request = ?", s -> {
            s.setObject(1, clock.today());
            s.setString(2, request);
        });
        Application paused = find(id);
        event(paused, "LegalAidSupplementRequested", Map.of());
        notices.supplementRequested(paused, clock.now());
        return paused;
    }

    /** The applicant supplies the materials; the due day moves back by the working days spent waiting. */
    @Transactional
    public Application supplement(Caller caller, UUID id, String note) {
        Application app = find(id);
        if (!caller.accountId().equals(app.citizenAccountId())) {
            throw hidden(caller);
        }
        requireStatus(app, ApplicationStatus.SUPPLEMENT_REQUESTED);
        String text = required("note", note, "请填写补充说明。", 2000);
        var days = calendar.snapshot();
        LocalDate today = clock.today();
        int waited = days.workingDaysBetween(app.pausedOn(), today);
        LocalDate due = days.addWorkingDays(app.decisionDue(), waited);
        update(id, "status = 'UNDER_REVIEW', paused_on = null, supplement_note = ?, decision_due = ?", s -> {
            s.setString(1, text);
            s.setObject(2, due);
        });
        Application resumed = find(id);
        event(resumed, "LegalAidSupplementProvided", Map.of("workingDaysWaited", waited));
        return resumed;
    }

    /** 决定: give or refuse legal aid, always with reasons (a refusal is told to the applicant in writing with its reasons). */
    @Transactional
    public Application decide(Caller caller, UUID id, Boolean approve, String reasons) {
        Application app = forAdmin(caller, id);
        requireStatus(app, ApplicationStatus.UNDER_REVIEW);
        if (approve == null) {
            throw ProblemException.invalidField("approve", "请选择给予或不予法律援助。");
        }
        String why = required("reasons", reasons, approve ? "请填写给予法律援助的理由。" : "不予法律援助须说明理由。", 2000);
        LocalDate today = clock.today();
        LocalDate assignmentDue = approve ? calendar.snapshot().addWorkingDays(today, ASSIGNMENT_WORKING_DAYS) : null;
        update(id, "status = ?, decided_at = ?, decided_on = ?, decided_by = ?, decision_reasons = ?, assignment_due = ?", s -> {
            s.setString(1, approve ? "APPROVED" : "REJECTED");
            s.setTimestamp(2, Timestamp.from(clock.now()));
            s.setObject(3, today);
            s.setString(4, caller.accountId());
            s.setString(5, why);
            s.setObject(6, assignmentDue);
        });
        Application decided = find(id);
        event(decided, "LegalAidDecided", Map.of("approved", approve, "onTime", !today.isAfter(app.decisionDue())));
        notices.decided(decided, clock.now());
        return decided;
    }

    /**
     * The applicant withdraws the application while it is still undecided (under review or waiting for supplements).
     * The status changes only if it is still undecided at that moment, so a decision made at the same time wins and the
     * withdrawal answers 409. Published as {@code LegalAidApplicationWithdrawn} through the outbox and audited; the
     * withdrawal time is kept in {@code decided_at}, from which the retention job counts.
     */
    // A refused withdrawal changes nothing; its audit row must survive the 409.
    @Transactional(noRollbackFor = ProblemException.class)
    public Application withdraw(Caller caller, UUID id, String reason) {
        Application app = findOrNull(id);
        if (app == null || !caller.accountId().equals(app.citizenAccountId())) {
            throw notFound();
        }
        String why = reason == null || reason.isBlank() ? null : required("reason", reason, "", 500);
        int changed = jdbc.prepareStatement("""
                update appointments.legal_aid_application set status = 'WITHDRAWN', decided_at = ?, paused_on = null, updated_at = now()
                where id = ? and status in ('UNDER_REVIEW', 'SUPPLEMENT_REQUESTED')""", s -> {
            s.setTimestamp(1, Timestamp.from(clock.now()));
            s.setObject(2, id);
            return s.executeUpdate();
        });
        if (changed != 1) {
            audit.record(new AuditEntry(caller.accountId(), roles(caller), "legal-aid.application.withdraw", "legal_aid_application",
                    id.toString(), AuditEntry.Outcome.FAILURE, "status " + app.status().name()));
            throw ProblemException.conflict("withdrawal-not-allowed", app.status() == ApplicationStatus.WITHDRAWN
                    ? "该申请已撤回，无需再次撤回。"
                    : "该申请已作出决定（" + app.status().label() + "），不能再撤回；如有疑问，请联系法律援助中心。");
        }
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "legal-aid.application.withdraw", "legal_aid_application",
                id.toString(), AuditEntry.Outcome.SUCCESS, why == null ? null : "with a reason"));
        Application withdrawn = find(id);
        event(withdrawn, "LegalAidApplicationWithdrawn", why == null ? Map.of() : Map.of("reason", why));
        return withdrawn;
    }

    /** 指派: a lawyer or legal-aid staff member takes the case. */
    @Transactional
    public Application assign(Caller caller, UUID id, UUID providerId) {
        Application app = forAdmin(caller, id);
        requireStatus(app, ApplicationStatus.APPROVED);
        if (providerId == null) {
            throw ProblemException.invalidField("providerId", "请选择指派的律师。");
        }
        Provider provider = directory.provider(providerId);
        if (provider.kind() == ProviderKind.COUNSELLOR || !provider.active()) {
            throw ProblemException.invalidField("providerId", "只能指派在册的律师或法律援助工作人员。");
        }
        update(id, "status = 'ASSIGNED', assigned_provider_id = ?, assigned_account_id = ?, assigned_at = ?", s -> {
            s.setObject(1, providerId);
            s.setString(2, provider.accountId());
            s.setTimestamp(3, Timestamp.from(clock.now()));
        });
        Application assigned = find(id);
        event(assigned, "LegalAidLawyerAssigned", Map.of("providerId", providerId.toString(),
                "onTime", !clock.today().isAfter(app.assignmentDue())));
        notices.assigned(assigned, provider.displayName(), clock.now());
        return assigned;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Application read(Caller caller, UUID id) {
        Application app = findOrNull(id);
        if (app == null) {
            throw notFound();
        }
        if (caller.accountId().equals(app.citizenAccountId()) || isAssignedLawyer(caller, app) || isAdminOver(caller, app)) {
            return app;
        }
        throw hidden(caller);
    }

    /** The full ID number, for the deciding administrator or the assigned lawyer; every read is audited, refusals too. */
    @Transactional(noRollbackFor = ProblemException.class)
    public String fullIdNumber(Caller caller, UUID id) {
        Application app = findOrNull(id);
        boolean allowed = app != null && (isAssignedLawyer(caller, app) || isAdminOver(caller, app));
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "legal-aid.application.read-id-number", "legal_aid_application",
                id.toString(), allowed ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED, null));
        if (app == null) {
            throw notFound();
        }
        if (!allowed) {
            throw hidden(caller);
        }
        return app.idNumber();
    }

    /** How to reach the applicant, in full: for the deciding administrator and the assigned lawyer; every read audited. */
    @Transactional(noRollbackFor = ProblemException.class)
    public Contact contact(Caller caller, UUID id) {
        Application app = findOrNull(id);
        boolean allowed = app != null && (isAssignedLawyer(caller, app) || isAdminOver(caller, app));
        audit.record(new AuditEntry(caller.accountId(), roles(caller), "legal-aid.application.read-contact", "legal_aid_application",
                id.toString(), allowed ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.DENIED, null));
        if (app == null) {
            throw notFound();
        }
        if (!allowed) {
            throw hidden(caller);
        }
        return new Contact(app.id(), app.applicantName(), app.phone(), app.idNumber());
    }

    @io.micronaut.serde.annotation.Serdeable
    record Contact(UUID applicationId, String applicantName, String phone, String idNumber) {
    }

    /** Administrators: their area's applications already decided (refused or assigned), latest decision first. */
    @Transactional(readOnly = true)
    public List<Application> decided(Caller caller) {
        if (!caller.has(Role.ADMIN) || caller.regionCode() == null) {
            throw ProblemException.forbidden("已办结的申请清单仅对管理员开放。");
        }
        return query("""
                select * from appointments.legal_aid_application where region_code like ? || '%'
                and status in ('REJECTED', 'ASSIGNED')
                order by decided_on desc nulls last, created_at desc limit """ + " " + LIST_LIMIT,
                s -> s.setString(1, RegionCodes.significantPrefix(caller.regionCode())));
    }

    @Transactional(readOnly = true)
    public PageOf<ApplicationView> mine(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, MINE_MAX_PAGE_SIZE);
        long total = jdbc.prepareStatement("select count(*) from appointments.legal_aid_application where citizen_account_id = ?", s -> {
            s.setString(1, caller.accountId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Application> rows = query("select * from appointments.legal_aid_application where citizen_account_id = ?"
                + " order by created_at desc, id limit ? offset ?", s -> {
            s.setString(1, caller.accountId());
            s.setInt(2, size);
            s.setInt(3, offset);
        });
        return PageOf.of(rows.stream().map(a -> view(caller, a)).toList(), page, size, total);
    }

    /**
     * Administrators: their area's applications still waiting for them (a decision, materials, or a lawyer once
     * approved), earliest deadline first; lawyers: those assigned to them.
     */
    @Transactional(readOnly = true)
    public List<Application> workbench(Caller caller) {
        if (caller.has(Role.ADMIN) && caller.regionCode() != null) {
            return query("""
                    select * from appointments.legal_aid_application where region_code like ? || '%'
                    and status in ('UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED')
                    order by coalesce(assignment_due, decision_due), created_at limit """ + " " + LIST_LIMIT,
                    s -> s.setString(1, RegionCodes.significantPrefix(caller.regionCode())));
        }
        return query("select * from appointments.legal_aid_application where assigned_account_id = ? order by assigned_at desc limit " + LIST_LIMIT,
                s -> s.setString(1, caller.accountId()));
    }

    /** Applications in the administrator's area past their decision day or their assignment day. */
    @Transactional(readOnly = true)
    public List<Application> overdue(Caller caller) {
        if (!caller.has(Role.ADMIN) || caller.regionCode() == null) {
            throw ProblemException.forbidden("逾期清单仅对管理员开放。");
        }
        LocalDate today = clock.today();
        return query("""
                select * from appointments.legal_aid_application where region_code like ? || '%'
                and ((status = 'UNDER_REVIEW' and decision_due < ?) or (status = 'APPROVED' and assignment_due < ?))
                order by coalesce(assignment_due, decision_due) limit """ + " " + LIST_LIMIT, s -> {
            s.setString(1, RegionCodes.significantPrefix(caller.regionCode()));
            s.setObject(2, today);
            s.setObject(3, today);
        });
    }

    /**
     * The application as {@code viewer} may see it: the applicant reads their own name and phone in full (the ID number
     * stays masked on screen — its full text is in their 我的资料); staff see all three masked and ask for the full
     * contact through the audited {@code /contact}.
     */
    ApplicationView view(Caller viewer, Application a) {
        boolean applicant = !viewer.isStaff() && viewer.accountId().equals(a.citizenAccountId());
        String lawyerName = a.assignedProviderId() == null ? null : directory.provider(a.assignedProviderId()).displayName();
        return new ApplicationView(a.id(), a.status().name(), a.status().label(), a.regionCode(),
                regions.findById(a.regionCode()).map(Region::name).orElse(null),
                applicant ? a.applicantName() : Masking.name(a.applicantName()), Masking.idNumber(a.idNumber()),
                applicant ? a.phone() : Masking.phone(a.phone()),
                a.caseType().name(), a.caseType().label(), a.otherParty(), a.description(), a.hardshipStatement(),
                a.exemptGround() == null ? null : a.exemptGround().name(), a.exemptGround() == null ? null : a.exemptGround().label(),
                a.exemptGround() == null ? null : a.exemptGround().article(),
                a.submittedOn().toString(), a.decisionDue().toString(), a.status() == ApplicationStatus.SUPPLEMENT_REQUESTED,
                a.supplementRequest(), a.supplementNote(), a.decidedOn() == null ? null : a.decidedOn().toString(), a.decisionReasons(),
                a.assignmentDue() == null ? null : a.assignmentDue().toString(), a.assignedProviderId(), lawyerName, overdue(a, clock.today()),
                a.consultationId());
    }

    static boolean overdue(Application a, LocalDate today) {
        return switch (a.status()) {
            case UNDER_REVIEW -> today.isAfter(a.decisionDue());
            case APPROVED -> a.assignmentDue() != null && today.isAfter(a.assignmentDue());
            default -> false;
        };
    }

    // ---- helpers

    private Application forAdmin(Caller caller, UUID id) {
        Application app = findOrNull(id);
        if (app == null) {
            throw notFound();
        }
        if (!isAdminOver(caller, app)) {
            throw notFound();
        }
        return app;
    }

    static boolean isAdminOver(Caller caller, Application app) {
        return Access.adminOver(caller, app.regionCode());
    }

    private static boolean isAssignedLawyer(Caller caller, Application app) {
        return caller.isStaff() && caller.has(Role.LAWYER) && caller.accountId().equals(app.assignedAccountId());
    }

    /** Someone else's application gets the same answer as a missing one, for citizens and staff alike. */
    private static ProblemException hidden(Caller caller) {
        return notFound();
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("法律援助申请不存在。");
    }

    private static void requireStatus(Application app, ApplicationStatus wanted) {
        if (app.status() != wanted) {
            throw ProblemException.conflict("invalid-transition",
                    "该申请当前为“" + app.status().label() + "”，此操作仅适用于“" + wanted.label() + "”的申请。");
        }
    }

    private static String required(String field, String value, String message, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, message);
        }
        if (value.strip().length() > max) {
            throw ProblemException.invalidField(field, "内容过长，请控制在 " + max + " 字以内。");
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String message) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, message);
        }
    }

    private static String roles(Caller caller) {
        return caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private void event(Application a, String type, Map<String, Object> extra) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("applicationId", a.id().toString());
        payload.put("citizenAccountId", a.citizenAccountId());
        payload.put("regionCode", a.regionCode());
        payload.put("status", a.status().name());
        payload.put("decisionDue", a.decisionDue().toString());
        payload.putAll(extra);
        outbox.add(TOPIC, a.id().toString(), type, "application", payload);
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private void update(UUID id, String assignments, Binder binder) {
        jdbc.prepareStatement("update appointments.legal_aid_application set " + assignments + ", updated_at = now() where id = ?", s -> {
            binder.bind(s);
            s.setObject((int) assignments.chars().filter(ch -> ch == '?').count() + 1, id);
            return s.executeUpdate();
        });
    }

    private Application find(UUID id) {
        Application app = findOrNull(id);
        if (app == null) {
            throw notFound();
        }
        return app;
    }

    private Application findOrNull(UUID id) {
        List<Application> found = query("select * from appointments.legal_aid_application where id = ?", s -> s.setObject(1, id));
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Application> query(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, s -> {
            binder.bind(s);
            List<Application> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String ground = rs.getString("exempt_ground");
                    list.add(new Application(rs.getObject("id", UUID.class), rs.getString("citizen_account_id"), rs.getString("region_code"),
                            cipher.decrypt(rs.getString("applicant_name"), "legal_aid_application.applicant_name"),
                            cipher.decrypt(rs.getString("id_number"), "legal_aid_application.id_number"),
                            cipher.decrypt(rs.getString("phone"), "legal_aid_application.phone"),
                            CaseType.valueOf(rs.getString("case_type")), rs.getString("other_party"), rs.getString("description"),
                            rs.getString("hardship_statement"), ground == null ? null : ExemptGround.valueOf(ground),
                            ApplicationStatus.valueOf(rs.getString("status")), rs.getObject("submitted_on", LocalDate.class),
                            rs.getObject("decision_due", LocalDate.class), rs.getObject("paused_on", LocalDate.class),
                            rs.getString("supplement_request"), rs.getString("supplement_note"), rs.getObject("decided_on", LocalDate.class),
                            rs.getString("decision_reasons"), rs.getObject("assignment_due", LocalDate.class),
                            rs.getObject("assigned_provider_id", UUID.class), rs.getString("assigned_account_id"),
                            rs.getObject("consultation_id", UUID.class)));
                }
            }
            return list;
        });
    }
}
