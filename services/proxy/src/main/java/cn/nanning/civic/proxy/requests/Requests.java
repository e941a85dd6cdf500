package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.calendar.WorkingDayCalendar;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.proxy.catalogue.Catalogue;
import cn.nanning.civic.proxy.catalogue.CatalogueItem;
import cn.nanning.civic.proxy.servicepoints.PointAccess;
import cn.nanning.civic.proxy.servicepoints.ServicePoint;
import cn.nanning.civic.proxy.servicepoints.ServicePoints;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The proxy request lifecycle: authorise, accept, forward, deliver, archive, follow up — each step an event. */
@Singleton
public class Requests {

    static final String TOPIC = "proxy.request.v1";
    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final int WORKBENCH_LIMIT = 200;
    /** A resident pages through their own requests at most this many at a time. */
    static final int MINE_MAX_PAGE_SIZE = 50;
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm").withZone(NANNING);

    private final ProxyRequestRepository requests;
    private final ServicePoints points;
    private final PointAccess access;
    private final Catalogue catalogue;
    private final WorkingDayCalendar calendar;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final JdbcOperations jdbc;
    private final CitizenNotifications notifications;
    private final ResidentContactStore contacts;
    private final AuditLog audit;
    private final IdempotentWrites idempotent;
    private final ReferralStore referrals;
    private final ReceiptCodeStore receiptCodes;
    private final ChecklistStore checklist;
    private final Clock clock;

    Requests(ProxyRequestRepository requests, ServicePoints points, PointAccess access, Catalogue catalogue,
             WorkingDayCalendar calendar, FieldCipher cipher, Outbox outbox, JdbcOperations jdbc,
             CitizenNotifications notifications, ResidentContactStore contacts, AuditLog audit,
             IdempotentWrites idempotent, ReferralStore referrals, ChecklistStore checklist, ReceiptCodeStore receiptCodes) {
        this.idempotent = idempotent;
        this.receiptCodes = receiptCodes;
        this.checklist = checklist;
        this.referrals = referrals;
        this.contacts = contacts;
        this.requests = requests;
        this.points = points;
        this.access = access;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.cipher = cipher;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = Clock.system(NANNING);
    }

    /**
     * 委托 with the client's {@code Idempotency-Key} (may be null): the same caller repeating the same key gets the
     * request the first attempt made; a concurrent repeat ends in {@link IdempotentWrites.Replayed}.
     */
    @Transactional
    public RequestView authorise(Caller caller, NewRequest command, @io.micronaut.core.annotation.Nullable String idempotencyKey) {
        Optional<UUID> earlier = idempotent.earlier(caller, "request", idempotencyKey);
        if (earlier.isPresent()) {
            throw new IdempotentWrites.Replayed(earlier.get());
        }
        RequestView view = authorise(caller, command);
        idempotent.remember(caller, "request", idempotencyKey, view.id());
        return view;
    }

    /** 委托: a resident asks in the mini-program, or a clerk records the request with the resident's consent. */
    @Transactional
    public RequestView authorise(Caller caller, NewRequest command) {
        ServicePoint point = points.find(command.pointId());
        if (!point.active()) {
            throw ProblemException.badRequest("service-point-inactive", "该服务点暂停服务，请选择其他服务点。");
        }
        CatalogueItem item = catalogue.find(command.itemCode());
        if (!item.proxyAllowed()) {
            throw ProblemException.badRequest("item-in-person-only", "“" + item.name() + "”须本人到办理窗口办理，不能代办。");
        }
        if (!points.offers(point.id(), item.code())) {
            throw ProblemException.badRequest("item-not-proxied", "“" + item.name() + "”不在该服务点的代办范围内。");
        }
        if (!Boolean.TRUE.equals(command.consent())) {
            throw ProblemException.invalidField("consent", "代办需要委托人同意授权，请确认委托。");
        }
        ResidentContact contact = ResidentContact.of(caller.isStaff(), command.contactKind(), command.residentPhone(),
                command.contactRelation());
        String phone = contact.phone();
        String channel;
        String citizen;
        if (caller.isStaff()) {
            access.requireWorkOn(caller, point);
            channel = command.consentChannel();
            if (!"IN_PERSON".equals(channel) && !"PHONE".equals(channel)) {
                throw ProblemException.invalidField("consentChannel", "代为登记时请注明委托方式：当面（IN_PERSON）或电话（PHONE）。");
            }
            citizen = null;
        } else {
            channel = "MINI_PROGRAM";
            citizen = caller.accountId();
        }
        String how = caller.isStaff() ? "代办员代为登记（" + ("PHONE".equals(channel) ? "电话委托" : "当面委托") + contact.note() + "）"
                : "居民在小程序提交委托";
        ProxyRequest request = create(point, item.code(), citizen, command.residentName().strip(), phone, channel, caller, null);
        contacts.save(request.id(), contact);
        step(request, caller, how);
        // A bundle (打包快办) fans out into one request per covered item, handled separately and tracked together.
        for (String part : catalogue.bundleParts(item.code())) {
            ProxyRequest child = create(point, part, citizen, command.residentName().strip(), phone, channel, caller, request.id());
            contacts.save(child.id(), contact);
            step(child, caller, "由打包快办“" + item.name() + "”拆分");
        }
        return view(request);
    }

    private ProxyRequest create(ServicePoint point, String itemCode, String citizen, String name, String phone, String channel,
                                Caller caller, UUID parentId) {
        Instant now = now();
        return requests.save(new ProxyRequest(UUID.randomUUID(), null, point.id(), point.regionCode(), itemCode, citizen,
                cipher.encrypt(name, "proxy_request.resident_name"), cipher.encrypt(phone, "proxy_request.resident_phone"),
                channel, now, caller.accountId(), RequestStatus.AUTHORISED, now, null, null, null, null, null, null, null, null,
                parentId, 0));
    }

    /** 受理: the clerk checks the materials against the catalogue's list and issues a receipt number. */
    @Transactional
    public RequestView accept(Caller caller, UUID id, List<String> ticked) {
        ProxyRequest request = forStaff(caller, id);
        transition(request, RequestStatus.ACCEPTED);
        List<String> required = requiredMaterials(catalogue.find(request.itemCode()));
        List<String> missing = Lifecycle.missingMaterials(required, ticked == null ? List.of() : ticked);
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField("materials", "以下材料尚未核对：" + String.join("；", missing) + "。");
        }
        for (int i = 0; i < required.size(); i++) {
            requests.addMaterial(id, i, required.get(i), true);
        }
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, NANNING);
        String receipt = "DB" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", requests.nextReceiptNumber());
        ProxyRequest accepted = requests.update(request.accepted(receipt, now, Lifecycle.forwardDue(today, calendar.current())));
        receiptCodes.save(receipt, randomCode(), now);
        step(accepted, caller, "受理，回执编号 " + receipt);
        return view(accepted);
    }

    /** 办理: forwarded to the competent office. */
    @Transactional
    public RequestView forward(Caller caller, UUID id, String office, String note) {
        ProxyRequest request = forStaff(caller, id);
        transition(request, RequestStatus.FORWARDED);
        if (office == null || office.isBlank()) {
            throw ProblemException.invalidField("office", "请填写承办部门。");
        }
        ProxyRequest forwarded = requests.update(request.forwarded(office.strip(), now()));
        step(forwarded, caller, "已送交" + office.strip() + (note != null && !note.isBlank() ? "：" + note.strip() : ""));
        return view(forwarded);
    }

    /** 送达: the result is delivered to the resident. */
    @Transactional
    public RequestView deliver(Caller caller, UUID id, String note) {
        ProxyRequest request = forStaff(caller, id);
        transition(request, RequestStatus.DELIVERED);
        ProxyRequest delivered = requests.update(request.delivered(now()));
        step(delivered, caller, note != null && !note.isBlank() ? note.strip() : "办理结果已送达");
        return view(delivered);
    }

    /** 归档. */
    @Transactional
    public RequestView archive(Caller caller, UUID id) {
        ProxyRequest request = forStaff(caller, id);
        transition(request, RequestStatus.ARCHIVED);
        ProxyRequest archived = requests.update(request.archived(now()));
        step(archived, caller, "已归档");
        return view(archived);
    }

    /** 回访: satisfaction 1–5, by the resident or the clerk on the phone with them. */
    @Transactional
    public RequestView followUp(Caller caller, UUID id, int satisfaction, String comment) {
        ProxyRequest request = find(id);
        requireVisible(caller, request);
        transition(request, RequestStatus.FOLLOWED_UP);
        if (satisfaction < 1 || satisfaction > 5) {
            throw ProblemException.invalidField("satisfaction", "满意度请在 1 到 5 之间选择。");
        }
        ProxyRequest done = requests.update(request.followedUp(satisfaction, comment));
        step(done, caller, "回访满意度 " + satisfaction + " 分" + (comment != null && !comment.isBlank() ? "：" + comment.strip() : ""));
        return view(done);
    }

    /**
     * The resident withdraws their request before it is accepted (受理): a bundle together with all its parts. Published
     * as {@code ProxyRequestStatusChanged} (status WITHDRAWN) through the outbox and audited; someone else's request
     * answers 404 as a missing one, an accepted one 409.
     */
    // A refused withdrawal changes nothing; its audit row must survive the 409.
    @Transactional(noRollbackFor = ProblemException.class)
    public RequestView withdraw(Caller caller, UUID id, String reason) {
        ProxyRequest request = find(id);
        if (!caller.accountId().equals(request.citizenAccountId())) {
            throw notFound();
        }
        if (request.parentId() != null) {
            throw ProblemException.conflict("bundle-request", "这是打包快办中的一项，请撤回整个打包快办事项。");
        }
        List<ProxyRequest> parts = requests.findByParentIdOrderByCreatedAt(id);
        for (ProxyRequest r : concat(request, parts)) {
            String refusal = Lifecycle.withdrawalRefusal(r.status());
            if (refusal != null) {
                audit.record(new AuditEntry(caller.accountId(), "CITIZEN", "proxy.request.withdraw", "proxy_request", id.toString(),
                        AuditEntry.Outcome.FAILURE, "status " + r.status().name()));
                throw ProblemException.conflict("withdrawal-not-allowed", refusal);
            }
        }
        String note = "居民撤回委托" + (reason != null && !reason.isBlank() ? "：" + reason.strip() : "");
        ProxyRequest withdrawn = requests.update(request.withdrawn());
        step(withdrawn, caller, note);
        for (ProxyRequest part : parts) {
            step(requests.update(part.withdrawn()), caller, note);
        }
        audit.record(new AuditEntry(caller.accountId(), "CITIZEN", "proxy.request.withdraw", "proxy_request", id.toString(),
                AuditEntry.Outcome.SUCCESS, parts.isEmpty() ? null : "with " + parts.size() + " bundle parts"));
        return view(withdrawn);
    }

    private static List<ProxyRequest> concat(ProxyRequest first, List<ProxyRequest> rest) {
        List<ProxyRequest> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * Refers the resident's matter to legal aid or mediation. Only a link and an event: the other capability opens
     * its own case and may answer with its id.
     */
    @Transactional
    public Referral refer(Caller caller, UUID id, String target, String reason, @io.micronaut.core.annotation.Nullable String idempotencyKey) {
        Optional<UUID> earlier = idempotent.earlier(caller, "referral", idempotencyKey);
        if (earlier.isPresent()) {
            throw new IdempotentWrites.Replayed(earlier.get());
        }
        Referral referral = refer(caller, id, target, reason);
        idempotent.remember(caller, "referral", idempotencyKey, referral.id());
        return referral;
    }

    /** A referral made earlier, for answering a repeated attempt (its request must be visible to the caller). */
    @Transactional(readOnly = true)
    public Referral referral(Caller caller, UUID referralId) {
        Referral referral = referrals.find(referralId).orElseThrow(() -> ProblemException.notFound("转介记录不存在。"));
        requireAccess(caller, referral.requestId());
        return referral;
    }

    @Transactional
    public Referral refer(Caller caller, UUID id, String target, String reason) {
        ProxyRequest request = find(id);
        requireWorkedOnBy(caller, request);
        if (!"LEGAL_AID".equals(target) && !"MEDIATION".equals(target)) {
            throw ProblemException.invalidField("target", "只能转介到法律援助（LEGAL_AID）或人民调解（MEDIATION）。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "请说明转介原因。");
        }
        Referral referral = new Referral(UUID.randomUUID(), id, target, reason.strip(), caller.accountId(), now());
        referrals.save(referral);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("referralId", referral.id().toString());
        event.put("requestId", id.toString());
        event.put("target", target);
        event.put("regionCode", request.regionCode());
        event.put("itemCode", request.itemCode());
        event.put("citizenAccountId", request.citizenAccountId());
        outbox.add("proxy.referral.v1", id.toString(), "ProxyRequestReferred", "referral", event);
        requests.addStep(id, request.status().name(), "转介至" + ("LEGAL_AID".equals(target) ? "法律援助" : "人民调解") + "：" + referral.reason(),
                caller.accountId(), actorName(caller, request), referral.referredAt());
        return referral;
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Referral(UUID id, UUID requestId, String target, String reason, String referredBy, Instant referredAt) {
    }

    @Transactional(readOnly = true)
    public RequestView read(Caller caller, UUID id) {
        requireAccess(caller, id);
        ProxyRequest request = find(id);
        return view(request, !caller.isStaff() && caller.accountId().equals(request.citizenAccountId()));
    }

    /**
     * The progress a 受理回执 shows to whoever holds it (no sign-in): item, status, dates, the point, and the first time
     * each status was reached — nothing about the resident and no step notes. An unknown number answers 404.
     */
    @Transactional(readOnly = true)
    public ReceiptProgress progress(String receiptNo, String code) {
        String wanted = receiptNo == null ? "" : receiptNo.strip().toUpperCase(java.util.Locale.ROOT);
        // A number without its check code (or with a wrong one) is answered like an unknown number: receipt numbers
        // run in sequence and must not let anyone walk through a village's requests.
        if (!wanted.matches("DB\\d{8}-\\d{6}") || code == null || !java.security.MessageDigest.isEqual(
                progressCode(wanted, receiptCodes.of(List.of(wanted))).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                code.strip().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw ProblemException.notFound("没有找到该回执，请扫描回执上的二维码查询。");
        }
        ProxyRequest request = requests.findByReceiptNo(wanted)
                .orElseThrow(() -> ProblemException.notFound("没有找到该回执，请扫描回执上的二维码查询。"));
        RequestView view = view(request);
        Map<String, ReceiptProgress.Step> firsts = new LinkedHashMap<>();
        for (RequestView.Step step : view.timeline()) {
            firsts.putIfAbsent(step.status(), new ReceiptProgress.Step(step.status(), step.statusLabel(), step.occurredAt()));
        }
        RequestView.Point point = view.point();
        return new ReceiptProgress(request.receiptNo(), view.itemName(), view.status(), view.statusLabel(),
                LocalDate.ofInstant(request.acceptedAt(), NANNING), request.forwardDue(), view.expectedBy(),
                new ReceiptProgress.Point(point.name(), point.phone(), point.address()), List.copyOf(firsts.values()));
    }

    /** Refuses unless the caller is the resident who asked or staff working on the request's point. */
    @Transactional(readOnly = true)
    public void requireAccess(Caller caller, UUID id) {
        requireVisible(caller, find(id));
    }

    /**
     * The resident who asked, or staff working on the request's point. Anyone else is told the request does not
     * exist, exactly as for an id that is not there: the answer must not reveal that someone else's request exists.
     */
    private void requireVisible(Caller caller, ProxyRequest request) {
        if (!caller.accountId().equals(request.citizenAccountId())) {
            requireWorkedOnBy(caller, request);
        }
    }

    private void requireWorkedOnBy(Caller caller, ProxyRequest request) {
        if (!access.mayWorkOn(caller, points.find(request.pointId()))) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("代办事项不存在。");
    }

    /** The workbench: a clerk's own points, or a supervisor's whole area. */
    @Transactional(readOnly = true)
    public List<RequestView> workbench(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        List<ProxyRequest> found = PointAccess.isSupervisor(caller)
                ? requests.inArea(RegionCodes.significantPrefix(caller.regionCode()), today, WORKBENCH_LIMIT)
                : requests.workbench(caller.accountId(), today, WORKBENCH_LIMIT);
        return summaries(found);
    }

    /** What the workbench no longer shows: requests followed up or withdrawn, the latest first, page by page. */
    @Transactional(readOnly = true)
    public PageOf<RequestView> closed(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, MINE_MAX_PAGE_SIZE);
        if (PointAccess.isSupervisor(caller)) {
            String prefix = RegionCodes.significantPrefix(caller.regionCode());
            return PageOf.of(summaries(requests.closedInArea(prefix, size, offset)), page, size, requests.countClosedInArea(prefix));
        }
        return PageOf.of(summaries(requests.closedAtPointsOf(caller.accountId(), size, offset)), page, size,
                requests.countClosedAtPointsOf(caller.accountId()));
    }

    @Transactional(readOnly = true)
    public List<RequestView> overdue(Caller caller) {
        if (!PointAccess.isSupervisor(caller)) {
            throw ProblemException.forbidden("逾期清单仅对乡镇（街道）及以上负责人开放。");
        }
        return summaries(requests.overdueInArea(RegionCodes.significantPrefix(caller.regionCode()), LocalDate.now(clock), WORKBENCH_LIMIT));
    }

    /** A resident's own requests, newest first, page by page. */
    @Transactional(readOnly = true)
    public PageOf<RequestView> mine(Caller caller, int page, int size) {
        Paging.offset(page, size, MINE_MAX_PAGE_SIZE);
        Page<ProxyRequest> found = requests.findByCitizenAccountIdAndParentIdIsNull(caller.accountId(),
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return PageOf.of(summaries(found.getContent()), page, size, found.getTotalSize());
    }

    private ProxyRequest find(UUID id) {
        return requests.findById(id).orElseThrow(Requests::notFound);
    }

    private ProxyRequest forStaff(Caller caller, UUID id) {
        ProxyRequest request = find(id);
        requireWorkedOnBy(caller, request);
        if (!requests.findByParentIdOrderByCreatedAt(id).isEmpty()) {
            throw ProblemException.conflict("bundle-request", "打包快办事项请分别受理和办理其中的各个子事项。");
        }
        return request;
    }

    private static void transition(ProxyRequest request, RequestStatus wanted) {
        String refusal = Lifecycle.refusal(request.status(), wanted);
        if (refusal != null) {
            throw ProblemException.conflict("invalid-transition", refusal);
        }
    }

    /** The catalogue lists required materials separated by the Chinese semicolon. */
    static List<String> requiredMaterials(CatalogueItem item) {
        return Catalogue.materialsList(item);
    }

    /**
     * The names of the request's checklist lines: as recorded at acceptance, before that the catalogue item's
     * required materials. Uploads may be tied to one of these names.
     */
    @Transactional(readOnly = true)
    public List<String> checklistLines(UUID id) {
        ProxyRequest request = find(id);
        List<ChecklistStore.Line> recorded = checklist.recorded(id);
        return recorded.isEmpty() ? requiredMaterials(catalogue.find(request.itemCode()))
                : recorded.stream().map(ChecklistStore.Line::name).toList();
    }

    /** The checklist with what was ticked at acceptance and which lines have uploads. */
    private List<RequestView.Material> checklist(UUID id, CatalogueItem item) {
        List<ChecklistStore.Line> lines = checklist.recorded(id);
        if (lines.isEmpty()) {
            lines = requiredMaterials(item).stream().map(name -> new ChecklistStore.Line(name, false)).toList();
        }
        Map<String, List<RequestView.MaterialUpload>> byLine = new java.util.HashMap<>();
        for (ChecklistStore.LineUpload u : checklist.uploads(id)) {
            byLine.computeIfAbsent(u.line(), k -> new ArrayList<>()).add(new RequestView.MaterialUpload(u.id(), u.displayName(), u.uploadedAt()));
        }
        return lines.stream().map(line -> {
            List<RequestView.MaterialUpload> uploads = byLine.getOrDefault(line.name(), List.of());
            return new RequestView.Material(line.name(), line.ticked(), !uploads.isEmpty(), List.copyOf(uploads));
        }).toList();
    }

    /** Who acted, as the timeline names them: 本人 for the resident, else the staff member's name (or role). */
    private static String actorName(Caller caller, ProxyRequest request) {
        if (caller.accountId().equals(request.citizenAccountId())) {
            return "本人";
        }
        return caller.displayName() != null && !caller.displayName().isBlank() ? caller.displayName() : "代办员";
    }

    private void step(ProxyRequest request, Caller caller, String note) {
        Instant now = now();
        requests.addStep(request.id(), request.status().name(), note, caller.accountId(), actorName(caller, request), now);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("requestId", request.id().toString());
        event.put("status", request.status().name());
        event.put("pointId", request.pointId().toString());
        event.put("regionCode", request.regionCode());
        event.put("itemCode", request.itemCode());
        event.put("citizenAccountId", request.citizenAccountId());
        event.put("receiptNo", request.receiptNo());
        outbox.add(TOPIC, request.id().toString(), "ProxyRequestStatusChanged", "request", event);
        if (request.citizenAccountId() != null) {
            notifications.notify(request.citizenAccountId(), "proxy-status", Map.of(
                    "thing1", truncate(catalogue.find(request.itemCode()).name(), 20),
                    "phrase2", request.status().label(),
                    "time3", NOTICE_TIME.format(now),
                    "thing4", truncate(note, 20)), "pages/proxy/detail?id=" + request.id(),
                    request.citizenAccountId().equals(caller.accountId()));
        }
    }

    /** WeChat's thing fields hold at most 20 characters. */
    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** List rows: no checklist, timeline or parts (the detail view has them), item names looked up once per list. */
    private List<RequestView> summaries(List<ProxyRequest> found) {
        Map<String, String> itemNames = new java.util.HashMap<>();
        LocalDate today = LocalDate.now(clock);
        Map<UUID, ResidentContactStore.Row> contactRows = contacts.of(found.stream().map(ProxyRequest::id).toList());
        Map<String, String> codes = receiptCodes.of(found.stream().map(ProxyRequest::receiptNo).filter(java.util.Objects::nonNull).toList());
        return found.stream().map(r -> {
            ResidentContactStore.Row contact = contactRows.getOrDefault(r.id(), ResidentContactStore.Row.SELF);
            return new RequestView(r.id(), r.receiptNo(), r.pointId(), r.regionCode(), r.itemCode(),
                itemNames.computeIfAbsent(r.itemCode(), code -> catalogue.find(code).name()),
                Masking.name(cipher.decrypt(r.residentName(), "proxy_request.resident_name")),
                ResidentContact.shown(contact.kind(), contact.relation(), cipher.decrypt(r.residentPhone(), "proxy_request.resident_phone")),
                contact.kind(), contact.relation(),
                r.consentChannel(), r.status().name(), r.status().label(), r.createdAt(), r.forwardDue(),
                Lifecycle.overdue(r.status(), r.forwardDue(), today), r.office(), r.satisfaction(), r.parentId(),
                List.of(), List.of(), List.of(), null, null, progressCode(r.receiptNo(), codes));
        }).toList();
    }

    private RequestView view(ProxyRequest r) {
        return view(r, false);
    }

    /**
     * The request; {@code owner}: read by the resident who made it, who sees the name and phone they gave in full
     * (everyone else, clerks included, sees them masked and reaches the full contact through the audited endpoint).
     */
    private RequestView view(ProxyRequest r, boolean owner) {
        CatalogueItem item = catalogue.find(r.itemCode());
        List<RequestView.Step> timeline = new ArrayList<>();
        jdbc.prepareStatement("select status, note, actor_name, occurred_at from proxy.proxy_request_step where request_id = ? order by id", s -> {
            s.setObject(1, r.id());
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    RequestStatus status = RequestStatus.valueOf(rows.getString(1));
                    String actorName = rows.getString(3);
                    timeline.add(new RequestView.Step(status.name(), status.label(), rows.getString(2),
                            actorName != null ? actorName : "代办员", rows.getTimestamp(4).toInstant()));
                }
            }
            return null;
        });
        List<RequestView.Material> materials = checklist(r.id(), item);
        List<RequestView.Child> children = requests.findByParentIdOrderByCreatedAt(r.id()).stream()
                .map(c -> new RequestView.Child(c.id(), c.itemCode(), catalogue.find(c.itemCode()).name(), c.status().name(), c.status().label()))
                .toList();
        // A bundle is as far along as its slowest part.
        RequestStatus status = children.isEmpty() ? r.status()
                : children.stream().map(c -> RequestStatus.valueOf(c.status())).min(Enum::compareTo).orElseThrow();
        ResidentContactStore.Row contact = contacts.of(r.id());
        return new RequestView(r.id(), r.receiptNo(), r.pointId(), r.regionCode(), r.itemCode(), item.name(),
                owner ? cipher.decrypt(r.residentName(), "proxy_request.resident_name")
                        : Masking.name(cipher.decrypt(r.residentName(), "proxy_request.resident_name")),
                owner ? ResidentContact.shownInFull(contact.kind(), contact.relation(), cipher.decrypt(r.residentPhone(), "proxy_request.resident_phone"))
                        : ResidentContact.shown(contact.kind(), contact.relation(), cipher.decrypt(r.residentPhone(), "proxy_request.resident_phone")),
                contact.kind(), contact.relation(),
                r.consentChannel(), status.name(), status.label(), r.createdAt(), r.forwardDue(),
                Lifecycle.overdue(r.status(), r.forwardDue(), LocalDate.now(clock)), r.office(), r.satisfaction(), r.parentId(),
                materials, timeline, children, point(r.pointId()), expectedBy(r, item),
                r.receiptNo() == null ? null : progressCode(r.receiptNo(), receiptCodes.of(List.of(r.receiptNo()))));
    }

    /**
     * The receipt's check code: a keyed hash of its number (the PII index key), so it cannot be worked out from the
     * number and needs no column of its own.
     */
    /**
     * The check code printed with a receipt: the random one kept when it was issued, or — for a receipt issued before
     * codes were kept — the keyed hash of its number it was printed with.
     */
    private String progressCode(String receiptNo, Map<String, String> stored) {
        if (receiptNo == null) {
            return null;
        }
        String code = stored.get(receiptNo);
        return code != null ? code : cipher.blindIndex(receiptNo, "proxy_request.progress_code").substring(0, 12);
    }

    private static final java.security.SecureRandom CODES = new java.security.SecureRandom();

    /** Twelve lower-case hex characters (48 random bits): not guessable for a number someone else holds. */
    private static String randomCode() {
        byte[] bytes = new byte[6];
        CODES.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private RequestView.Point point(UUID pointId) {
        ServicePoint p = points.find(pointId);
        return new RequestView.Point(p.id(), p.name(), p.phone(), p.address());
    }

    /** Accepted day + the forwarding days + the item's time limit, in working days; null before acceptance. */
    private LocalDate expectedBy(ProxyRequest r, CatalogueItem item) {
        if (r.acceptedAt() == null || r.status() == RequestStatus.WITHDRAWN || item.timeLimitDays() == null) {
            return null;
        }
        LocalDate accepted = LocalDate.ofInstant(r.acceptedAt(), NANNING);
        return calendar.current().addWorkingDays(accepted, Lifecycle.FORWARD_WITHIN_WORKING_DAYS + item.timeLimitDays());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
