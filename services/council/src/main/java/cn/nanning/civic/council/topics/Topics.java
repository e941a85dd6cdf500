package cn.nanning.civic.council.topics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.ContentCheck;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.Reports;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Topics (议题) of a council: residents propose and support them; a clerk may enter one for an offline resident with
 * that resident's recorded consent; conveners accept, merge or decline them with a public reason.
 * <p>
 * Every topic is checked before anyone sees it ({@link ContentCheck}, scene "forum"): risky text is refused and not
 * stored, text to review (and every clerk-entered topic, which has no openid to check it with) waits in the council's
 * moderation queue. Moderators (conveners and administrators covering the council) publish it, or hide any topic with
 * a reason: a hidden topic is left out of every list, page, agenda and notice; only its reason and date stay public,
 * and its proposer is told.
 */
@Singleton
public class Topics {

    static final String TOPIC = "council.topic.v1";
    /** Moderation notices reuse the council's content-moderation template (thing1, phrase2, thing3). */
    static final String TEMPLATE = "council-opinion";
    /** What notices and agendas say instead of a hidden topic's title. */
    public static final String HIDDEN_TITLE = "（已隐藏的议题）";
    private static final String NAME_COLUMN = "council.topic.resident_name";
    private static final int LIST_LIMIT = 200;

    private final Db db;
    private final Councils councils;
    private final Outbox outbox;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final CouncilClock clock;
    private final ContentCheck contentCheck;
    private final CitizenNotifications notifications;
    private final TransactionOperations<Connection> tx;
    private final Reports reports;

    Topics(Db db, Councils councils, Outbox outbox, AuditLog audit, FieldCipher cipher, CouncilClock clock, ContentCheck contentCheck,
           CitizenNotifications notifications, TransactionOperations<Connection> tx, Reports reports) {
        this.reports = reports;
        this.contentCheck = contentCheck;
        this.notifications = notifications;
        this.tx = tx;
        this.db = db;
        this.councils = councils;
        this.outbox = outbox;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    private record Topic(UUID id, UUID councilId, String title, String description, String proposer, boolean clerkAssisted,
                         String residentName, TopicStatus status, UUID mergedInto, String publicReason, Instant decidedAt,
                         Instant createdAt, long supports, Moderation moderation, String checkResult, String hiddenReason,
                         Instant moderatedAt) {
    }

    /** Whether a topic is shown: published, waiting for a moderator, or hidden by one. */
    enum Moderation {
        VISIBLE("已公开"), REVIEW("待审核"), HIDDEN("已隐藏");

        final String label;

        Moderation(String label) {
            this.label = label;
        }
    }

    /** @param openid the proposer's mini-program openid from the token, or null (then the topic waits for a moderator) */
    TopicViews.TopicView propose(Caller caller, String openid, UUID councilId, String title, String description) {
        if (caller.isStaff() || !Claims.KIND_CITIZEN.equals(caller.kind()) || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("议题由居民本人提出；代办员请使用代录入功能并记录居民同意。");
        }
        councils.require(councilId);
        // Checked outside the transaction: WeChat may be slow and nothing is written for refused text.
        ContentCheck.Verdict verdict = checked(title, description, openid);
        return tx.executeWrite(status -> {
            Council council = councils.require(councilId);
            UUID id = UUID.randomUUID();
            Instant now = clock.now();
            db.update("""
                    insert into council.topic (id, council_id, title, description, proposer_account, clerk_assisted, status, created_at,
                      moderation, check_result)
                    values (?, ?, ?, ?, ?, false, 'OPEN', ?, ?, ?)""", id, councilId, title.strip(), description.strip(), caller.accountId(),
                    now, moderationOf(verdict), verdict.result());
            outbox.add(TOPIC, id.toString(), "TopicProposed", "topic",
                    new TopicViews.TopicProposed(id, councilId, council.regionCode(), title.strip(), false, moderationOf(verdict).name(), now));
            return view(require(id, false));
        });
    }

    /** A clerk has no openid of the resident: our word list checks it, then it waits in the moderation queue. */
    TopicViews.TopicView proposeForResident(Caller caller, UUID councilId, String title, String description, String residentName,
                                            String consentMethod, Instant consentAt) {
        Council known = councils.require(councilId);
        if (!caller.isStaff() || !caller.has(Role.CLERK) || !caller.covers(known.regionCode())) {
            throw ProblemException.forbidden("只有本村（社区）的代办员可以为居民代录入议题。");
        }
        if (consentAt.isAfter(clock.now())) {
            throw ProblemException.invalidField("consent.at", "居民同意的时间不能晚于现在。");
        }
        ContentCheck.Verdict verdict = checked(title, description, null);
        return tx.executeWrite(status -> {
            Council council = councils.require(councilId);
            UUID id = UUID.randomUUID();
            Instant now = clock.now();
            db.update("""
                    insert into council.topic (id, council_id, title, description, clerk_assisted, assisted_by, resident_name,
                      consent_method, consent_at, status, created_at, moderation, check_result)
                    values (?, ?, ?, ?, true, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""", id, councilId, title.strip(), description.strip(),
                    caller.accountId(), cipher.encrypt(residentName.strip(), NAME_COLUMN), consentMethod.strip(), consentAt, now,
                    moderationOf(verdict), verdict.result());
            audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.topic.clerk-assisted", "topic", id.toString(),
                    AuditEntry.Outcome.SUCCESS, "consent recorded: " + consentMethod.strip()));
            outbox.add(TOPIC, id.toString(), "TopicProposed", "topic",
                    new TopicViews.TopicProposed(id, councilId, council.regionCode(), title.strip(), true, moderationOf(verdict).name(), now));
            return view(require(id, false));
        });
    }

    private ContentCheck.Verdict checked(String title, String description, String openid) {
        ContentCheck.Verdict verdict = contentCheck.check(title.strip() + "\n" + description.strip(), openid, ContentCheck.SCENE_FORUM);
        if (verdict.suggest() == ContentCheck.Suggest.RISKY) {
            throw ProblemException.badRequest("content-refused", "您的议题含有不宜发布的内容，未能提交。请修改后再试。");
        }
        return verdict;
    }

    private static Moderation moderationOf(ContentCheck.Verdict verdict) {
        return verdict.suggest() == ContentCheck.Suggest.PASS ? Moderation.VISIBLE : Moderation.REVIEW;
    }

    /**
     * Publishes a topic waiting for review (its proposer, if they proposed it themselves, is told), or keeps a
     * published topic that residents reported. Either way its reports are settled.
     */
    @Transactional
    TopicViews.TopicView approve(Caller caller, UUID topicId) {
        Topic topic = requireForModeration(caller, topicId);
        boolean reported = topic.moderation() == Moderation.VISIBLE && reports.openCount(Reports.Kind.TOPIC, topicId) > 0;
        if (topic.moderation() != Moderation.REVIEW && !reported) {
            throw ProblemException.conflict("topic-not-in-review", "该议题" + topic.moderation().label + "，无需审核。");
        }
        Instant now = clock.now();
        db.update("update council.topic set moderation = 'VISIBLE', moderated_by = ?, moderated_at = ? where id = ?",
                caller.accountId(), now, topicId);
        reports.settle(Reports.Kind.TOPIC, topicId);
        if (reported) {
            Council council = councils.require(topic.councilId());
            audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.topic.kept", "topic", topicId.toString(),
                    AuditEntry.Outcome.SUCCESS, "reports dismissed"));
            outbox.add(TOPIC, topicId.toString(), "TopicReportsDismissed", "topic",
                    new TopicViews.TopicModerated(topicId, council.id(), council.regionCode(), Moderation.VISIBLE.name(), null, now));
            return view(require(topicId, false));
        }
        moderated(caller, topic, Moderation.VISIBLE, null, now);
        if (topic.proposer() != null) {
            notifications.notify(topic.proposer(), TEMPLATE, Map.of("thing1", CitizenNotifications.thing(topic.title()), "phrase2", "已公开",
                    "thing3", "您的议题已审核通过"), "pages/council/topic?id=" + topicId);
        }
        return view(require(topicId, false));
    }

    /**
     * A resident reports a published topic (once; not their own). With {@link Reports#QUEUE_THRESHOLD} unsettled
     * reports it waits in the moderators' queue while staying visible, as reported opinions do. Hidden topics and those
     * under review answer like missing ones. Others learn of it from {@code TopicReported} (no reporter, no reason).
     */
    @Transactional
    TopicViews.TopicView report(Caller caller, UUID topicId, String reason) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以举报议题；管理人员请在审核队列中处理。");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "请说明举报理由。");
        }
        Topic topic = requireShown(topicId);
        if (caller.accountId().equals(topic.proposer())) {
            throw ProblemException.conflict("own-topic", "不能举报自己提出的议题。");
        }
        Instant now = clock.now();
        if (!reports.file(Reports.Kind.TOPIC, topicId, caller.accountId(), reason, now)) {
            throw ProblemException.conflict("already-reported", "您已举报过该议题，管理人员会尽快处理。");
        }
        long open = reports.openCount(Reports.Kind.TOPIC, topicId);
        Council council = councils.require(topic.councilId());
        outbox.add(TOPIC, topicId.toString(), "TopicReported", "topic", new TopicViews.TopicReported(topicId, council.id(),
                council.regionCode(), open, open >= Reports.QUEUE_THRESHOLD, now));
        return view(require(topicId, false));
    }

    /**
     * Hides a topic everywhere with a reason that stays public in its place. The proposer is told the reason; the
     * notice names the topic by its date only, so the hidden text does not travel on.
     */
    @Transactional
    TopicViews.TopicView hide(Caller caller, UUID topicId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "隐藏议题须公开说明理由。");
        }
        Topic topic = requireForModeration(caller, topicId);
        if (topic.moderation() == Moderation.HIDDEN) {
            throw ProblemException.conflict("topic-hidden", "该议题已隐藏。");
        }
        Instant now = clock.now();
        db.update("update council.topic set moderation = 'HIDDEN', hidden_reason = ?, moderated_by = ?, moderated_at = ? where id = ?",
                reason.strip(), caller.accountId(), now, topicId);
        reports.settle(Reports.Kind.TOPIC, topicId);
        moderated(caller, topic, Moderation.HIDDEN, reason.strip(), now);
        if (topic.proposer() != null) {
            String day = LocalDate.ofInstant(topic.createdAt(), CouncilClock.NANNING).format(DateTimeFormatter.ofPattern("M月d日"));
            notifications.notify(topic.proposer(), TEMPLATE, Map.of("thing1", "您" + day + "提出的议题", "phrase2", "已隐藏",
                    "thing3", CitizenNotifications.thing("理由：" + reason.strip())), "pages/council/council?id=" + topic.councilId());
        }
        return view(require(topicId, false));
    }

    private void moderated(Caller caller, Topic topic, Moderation moderation, String reason, Instant now) {
        Council council = councils.require(topic.councilId());
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.topic." + moderation.name().toLowerCase(),
                "topic", topic.id().toString(), AuditEntry.Outcome.SUCCESS, reason));
        outbox.add(TOPIC, topic.id().toString(), moderation == Moderation.HIDDEN ? "TopicHidden" : "TopicPublished", "topic",
                new TopicViews.TopicModerated(topic.id(), council.id(), council.regionCode(), moderation.name(), reason, now));
    }

    private Topic requireForModeration(Caller caller, UUID topicId) {
        Topic topic = require(topicId, true);
        councils.requireManager(caller, councils.require(topic.councilId()), "审核议题");
        return topic;
    }

    /** A topic in the moderation queue, with why it is there: the content check's result, and unsettled reports. */
    public record Queued(TopicViews.TopicView topic, String checkResult, List<Reports.ReportView> reports) {
    }

    /**
     * Topics waiting for a moderator, oldest first: those under review, and published ones whose unsettled reports
     * reached {@link Reports#QUEUE_THRESHOLD} (the council's manager has been checked by the caller).
     */
    @Transactional
    public List<Queued> queued(UUID councilId) {
        return db.list(SELECT + " where t.council_id = ? and (t.moderation = 'REVIEW' or (t.moderation = 'VISIBLE' and "
                        + Reports.queued(Reports.Kind.TOPIC, "t.id") + ")) order by t.created_at limit\s" + LIST_LIMIT,
                Topics::map, councilId).stream()
                .map(t -> new Queued(view(t), t.checkResult(), reports.open(Reports.Kind.TOPIC, t.id()))).toList();
    }

    /** What stays public of the council's hidden topics: when, and why. */
    @Transactional
    public List<TopicViews.HiddenTopic> hiddenOf(UUID councilId, int limit) {
        return db.list("""
                select moderated_at, hidden_reason from council.topic where council_id = ? and moderation = 'HIDDEN'
                order by moderated_at desc limit ?""",
                rs -> new TopicViews.HiddenTopic(Db.instant(rs, "moderated_at"), rs.getString("hidden_reason")), councilId,
                Math.min(Math.max(limit, 1), LIST_LIMIT));
    }


    /** One support per resident and topic; the primary key decides races. */
    @Transactional
    TopicViews.SupportView support(Caller caller, UUID topicId) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以附议议题。");
        }
        Topic topic = requireShown(topicId);
        if (topic.status() != TopicStatus.OPEN) {
            throw ProblemException.conflict("topic-closed", "该议题" + topic.status().label + "，不再接受附议。");
        }
        int inserted = db.update("""
                insert into council.topic_support (topic_id, account_id, created_at) values (?, ?, ?) on conflict do nothing""",
                topicId, caller.accountId(), clock.now());
        if (inserted == 0) {
            throw ProblemException.conflict("already-supported", "您已附议过该议题，每人只能附议一次。");
        }
        return new TopicViews.SupportView(topicId, supports(topicId));
    }

    @Transactional
    TopicViews.TopicView accept(Caller caller, UUID topicId, String reason) {
        return triage(caller, topicId, TopicStatus.ACCEPTED, null, reason);
    }

    @Transactional
    TopicViews.TopicView decline(Caller caller, UUID topicId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "不采纳议题须公开说明理由。");
        }
        return triage(caller, topicId, TopicStatus.DECLINED, null, reason);
    }

    /** Merges a topic into another open or accepted topic of the same council; its supports carry over. */
    @Transactional
    TopicViews.TopicView merge(Caller caller, UUID topicId, UUID intoId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "合并议题须公开说明理由。");
        }
        if (topicId.equals(intoId)) {
            throw ProblemException.invalidField("into", "议题不能合并到自身。");
        }
        Topic into = require(intoId, false);
        Topic topic = require(topicId, false);
        if (into.moderation() != Moderation.VISIBLE) {
            throw ProblemException.invalidField("into", "目标议题" + into.moderation().label + "，不能合并到该议题。");
        }
        if (!into.councilId().equals(topic.councilId())) {
            throw ProblemException.invalidField("into", "只能合并到本议事会的议题。");
        }
        if (into.status() != TopicStatus.OPEN && into.status() != TopicStatus.ACCEPTED) {
            throw ProblemException.conflict("merge-target-closed", "目标议题" + into.status().label + "，不能合并到该议题。");
        }
        TopicViews.TopicView merged = triage(caller, topicId, TopicStatus.MERGED, intoId, reason);
        db.update("""
                insert into council.topic_support (topic_id, account_id, created_at)
                select ?, account_id, created_at from council.topic_support where topic_id = ? on conflict do nothing""", intoId, topicId);
        return merged;
    }

    private TopicViews.TopicView triage(Caller caller, UUID topicId, TopicStatus status, UUID mergedInto, String reason) {
        Topic topic = require(topicId, true);
        Council council = councils.require(topic.councilId());
        councils.requireManager(caller, council, "处理议题");
        if (topic.moderation() != Moderation.VISIBLE) {
            throw ProblemException.conflict("topic-not-visible", topic.moderation() == Moderation.REVIEW
                    ? "该议题尚待审核，请先在审核队列中公开或隐藏。" : "该议题已隐藏，不能再处理。");
        }
        if (topic.status() != TopicStatus.OPEN) {
            throw ProblemException.conflict("topic-already-triaged", "该议题已" + topic.status().label + "，不能再次处理。");
        }
        Instant now = clock.now();
        String publicReason = reason == null || reason.isBlank() ? null : reason.strip();
        db.update("""
                update council.topic set status = ?, merged_into = ?, public_reason = ?, decided_by = ?, decided_at = ? where id = ?""",
                status, mergedInto, publicReason, caller.accountId(), now, topicId);
        String eventType = switch (status) {
            case ACCEPTED -> "TopicAccepted";
            case MERGED -> "TopicMerged";
            default -> "TopicDeclined";
        };
        outbox.add(TOPIC, topicId.toString(), eventType, "topic",
                new TopicViews.TopicTriaged(topicId, council.id(), council.regionCode(), status.name(), mergedInto, publicReason, now));
        if (topic.proposer() != null) {
            String outcome = switch (status) {
                case ACCEPTED -> "将提交议事会商议";
                case MERGED -> "已并入同类议题一起商议";
                default -> "感谢您的建议";
            };
            notifications.notify(topic.proposer(), TEMPLATE, Map.of("thing1", CitizenNotifications.thing(topic.title()), "phrase2", status.label,
                    "thing3", CitizenNotifications.thing(publicReason == null ? outcome : "理由：" + publicReason)), "pages/council/topic?id=" + topicId);
        }
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.topic." + status.name().toLowerCase(),
                "topic", topicId.toString(), AuditEntry.Outcome.SUCCESS, mergedInto != null ? "into " + mergedInto : null));
        return view(require(topicId, false));
    }

    /**
     * One topic as the caller may see it: published topics for everybody; one waiting for review for its proposer
     * and the council's moderators; a hidden one for the moderators only (with the reason). Otherwise not found.
     */
    @Transactional
    public TopicViews.TopicView find(Caller caller, UUID id) {
        Topic t = require(id, false);
        boolean moderator = Councils.canManage(caller, councils.require(t.councilId()).regionCode());
        boolean shown = switch (t.moderation()) {
            case VISIBLE -> true;
            case REVIEW -> moderator || caller.accountId().equals(t.proposer());
            case HIDDEN -> moderator;
        };
        if (!shown) {
            throw ProblemException.notFound("没有找到该议题。");
        }
        return view(t);
    }

    /** Topics of a council, newest first; {@code status} null means all. */
    @Transactional
    public List<TopicViews.TopicView> ofCouncil(UUID councilId, String status, int limit) {
        return pageOfCouncil(councilId, status, 0, Math.min(Math.max(limit, 1), LIST_LIMIT)).items();
    }

    /** One page of a council's published topics, newest first; {@code status} null means all. */
    @Transactional
    public PageOf<TopicViews.TopicView> pageOfCouncil(UUID councilId, String status, int page, int size) {
        int offset = Paging.offset(page, size, LIST_LIMIT);
        councils.require(councilId);
        if (status != null) {
            try {
                TopicStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "状态只能是 OPEN、ACCEPTED、MERGED 或 DECLINED。");
            }
        }
        String where = " where t.council_id = ? and t.moderation = 'VISIBLE' and (cast(? as text) is null or t.status = ?)";
        long total = db.count("select count(*) from council.topic t" + where, councilId, status, status);
        List<TopicViews.TopicView> rows = db.list(SELECT + where + " order by t.created_at desc, t.id limit ? offset ?",
                Topics::map, councilId, status, status, size, offset).stream().map(this::view).toList();
        return PageOf.of(rows, page, size, total);
    }

    /** A topic of the council that a decision may be taken on (accepted). */
    @Transactional
    public Optional<TopicViews.TopicView> acceptedOf(UUID councilId, UUID topicId) {
        return db.one(SELECT + " where t.id = ?", Topics::map, topicId)
                .filter(t -> t.councilId().equals(councilId) && t.status() == TopicStatus.ACCEPTED && t.moderation() == Moderation.VISIBLE)
                .map(this::view);
    }

    /**
     * What other parts of the module need to know about a topic: its council, title and whether it is still open.
     * {@code shown} is false while it waits for review or once hidden; {@code title} is then {@link #HIDDEN_TITLE}.
     */
    public record TopicRef(UUID id, UUID councilId, String title, boolean open, boolean accepted, boolean shown) {
    }

    /** The topic or 404 (hidden ones and those under review included; see {@link TopicRef#shown()}). */
    @Transactional
    public TopicRef ref(UUID topicId) {
        Topic t = require(topicId, false);
        boolean shown = t.moderation() == Moderation.VISIBLE;
        return new TopicRef(t.id(), t.councilId(), shown ? t.title() : HIDDEN_TITLE, t.status() == TopicStatus.OPEN,
                t.status() == TopicStatus.ACCEPTED, shown);
    }

    /** A published topic, or 404: hidden topics and those under review answer like missing ones. */
    @Transactional
    public TopicRef shownRef(UUID topicId) {
        TopicRef ref = ref(topicId);
        if (!ref.shown()) {
            throw ProblemException.notFound("没有找到该议题。");
        }
        return ref;
    }

    private Topic requireShown(UUID id) {
        Topic t = require(id, false);
        if (t.moderation() != Moderation.VISIBLE) {
            throw ProblemException.notFound("没有找到该议题。");
        }
        return t;
    }

    private static final String SELECT = """
            select t.*, (select count(*) from council.topic_support s where s.topic_id = t.id) as supports from council.topic t""";

    private Topic require(UUID id, boolean lock) {
        return db.one(lock ? "select t.*, 0 as supports from council.topic t where t.id = ? for update of t" : SELECT + " where t.id = ?",
                Topics::map, id).orElseThrow(() -> ProblemException.notFound("没有找到该议题。"));
    }

    private long supports(UUID topicId) {
        return db.count("select count(*) from council.topic_support where topic_id = ?", topicId);
    }

    private static Topic map(ResultSet rs) throws SQLException {
        return new Topic(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getString("title"),
                rs.getString("description"), rs.getString("proposer_account"), rs.getBoolean("clerk_assisted"), rs.getString("resident_name"),
                TopicStatus.valueOf(rs.getString("status")), rs.getObject("merged_into", UUID.class), rs.getString("public_reason"),
                Db.instant(rs, "decided_at"), Db.instant(rs, "created_at"), rs.getLong("supports"),
                Moderation.valueOf(rs.getString("moderation")), rs.getString("check_result"), rs.getString("hidden_reason"),
                Db.instant(rs, "moderated_at"));
    }

    private TopicViews.TopicView view(Topic t) {
        String resident = t.clerkAssisted() ? Masking.name(cipher.decrypt(t.residentName(), NAME_COLUMN)) : null;
        return new TopicViews.TopicView(t.id(), t.councilId(), t.title(), t.description(), t.status().name(), t.status().label,
                t.clerkAssisted(), t.clerkAssisted() ? "代办员协助录入（已取得居民本人同意）" : "居民提出", resident, t.supports(),
                t.mergedInto(), t.publicReason(), t.decidedAt(), t.createdAt(), t.moderation().name(), t.moderation().label,
                t.hiddenReason(), t.status() == TopicStatus.ACCEPTED ? decisionOf(t.id()) : null, t.publicReason());
    }

    /** The decision opened on an accepted topic (the latest, should there be several), or null while none is. */
    private UUID decisionOf(UUID topicId) {
        return db.one("select id from council.decision where topic_id = ? order by created_at desc limit 1",
                rs -> rs.getObject(1, UUID.class), topicId).orElse(null);
    }
}
