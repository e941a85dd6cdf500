package cn.nanning.civic.council.opinions;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.ContentCheck;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.Reports;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.council.topics.Topics;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Residents' opinions on open topics. Every text is checked before anyone sees it ({@link ContentCheck}); risky text
 * is refused and not stored, text to review waits for a moderator. Residents report opinions; moderators (conveners
 * and administrators whose scope covers the council) publish or hide them with a reason, and the author is told.
 * A hidden opinion is left out of every list, public or not.
 */
@Singleton
public class Opinions {

    static final String TOPIC = "council.opinion.v1";
    static final String TEMPLATE = "council-opinion";
    private static final int LIST_LIMIT = 200;

    private final Db db;
    private final Councils councils;
    private final Topics topics;
    private final ContentCheck contentCheck;
    private final Outbox outbox;
    private final CitizenNotifications notifications;
    private final AuditLog audit;
    private final CouncilClock clock;
    private final TransactionOperations<Connection> tx;
    private final Reports reports;

    Opinions(Db db, Councils councils, Topics topics, ContentCheck contentCheck, Outbox outbox, CitizenNotifications notifications,
             AuditLog audit, CouncilClock clock, TransactionOperations<Connection> tx, Reports reports) {
        this.tx = tx;
        this.reports = reports;
        this.db = db;
        this.councils = councils;
        this.topics = topics;
        this.contentCheck = contentCheck;
        this.outbox = outbox;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    private record Opinion(UUID id, UUID topicId, UUID councilId, String author, String content, OpinionStatus status,
                           String checkResult, String topicTitle, Instant createdAt) {
    }

    OpinionViews.OpinionView post(Caller caller, String openid, UUID topicId, String content) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以对议题发表意见。");
        }
        Topics.TopicRef topic = topics.shownRef(topicId);
        if (!topic.open()) {
            throw ProblemException.conflict("topic-closed", "该议题已结束征集，不再接受意见。");
        }
        String text = content.strip();
        // Checked outside the transaction: WeChat may be slow and nothing is written for refused text.
        // Without the author's openid (an older token) only our word list decides and the rest waits for a moderator.
        ContentCheck.Verdict verdict = contentCheck.check(text, openid, ContentCheck.SCENE_COMMENT);
        if (verdict.suggest() == ContentCheck.Suggest.RISKY) {
            throw ProblemException.badRequest("content-refused", "您的意见含有不宜发布的内容，未能提交。请修改后再试。");
        }
        return tx.executeWrite(status -> store(caller, topic, text, verdict));
    }

    private OpinionViews.OpinionView store(Caller caller, Topics.TopicRef topic, String text, ContentCheck.Verdict verdict) {
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        OpinionStatus status = verdict.suggest() == ContentCheck.Suggest.PASS ? OpinionStatus.VISIBLE : OpinionStatus.REVIEW;
        db.update("""
                insert into council.opinion (id, topic_id, council_id, author_account, content, status, check_result, check_trace, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, topic.id(), topic.councilId(), caller.accountId(), text, status,
                verdict.result(), verdict.traceId(), now);
        outbox.add(TOPIC, id.toString(), "OpinionPosted", "opinion",
                new OpinionViews.OpinionPosted(id, topic.id(), topic.councilId(), status.name(), now));
        return view(require(id));
    }

    /**
     * Visible opinions of a published topic, oldest first; the caller's own opinions waiting for review are shown to
     * them too. A hidden topic (or one under review) answers like a missing one.
     */
    @Transactional
    public List<OpinionViews.OpinionView> ofTopic(UUID topicId, String viewerAccount) {
        topics.shownRef(topicId);
        return db.list(SELECT + " " + """
                 where o.topic_id = ? and (o.status = 'VISIBLE' or (o.status = 'REVIEW' and o.author_account = ?))
                 order by o.created_at limit\s""" + LIST_LIMIT, Opinions::map, topicId, viewerAccount == null ? "" : viewerAccount)
                .stream().map(Opinions::view).toList();
    }

    @Transactional
    OpinionViews.OpinionView report(Caller caller, UUID opinionId, String reason) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以举报意见；管理人员请在审核队列中处理。");
        }
        Opinion o = requireVisibleTo(opinionId, caller.accountId());
        if (o.status() != OpinionStatus.VISIBLE) {
            throw ProblemException.conflict("not-reportable", "该意见" + o.status().label + "，无需举报。");
        }
        if (o.author().equals(caller.accountId())) {
            throw ProblemException.conflict("own-opinion", "不能举报自己的意见。");
        }
        if (!reports.file(Reports.Kind.OPINION, opinionId, caller.accountId(), reason, clock.now())) {
            throw ProblemException.conflict("already-reported", "您已举报过该意见，管理人员会尽快处理。");
        }
        return view(o);
    }

    /**
     * The council's moderation queue, oldest first: topics and opinions waiting for review, and visible topics and
     * opinions whose unsettled reports reached {@link Reports#QUEUE_THRESHOLD}. Opinions on a hidden topic are shown
     * nowhere, so they are not queued either.
     */
    @Transactional
    List<OpinionViews.QueueItem> queue(Caller caller, UUID councilId) {
        Council council = councils.require(councilId);
        councils.requireManager(caller, council, "审核意见");
        List<OpinionViews.QueueItem> items = new java.util.ArrayList<>(topics.queued(councilId).stream()
                .map(q -> new OpinionViews.QueueItem("TOPIC", "议题", q.topic().id(), q.topic().id(), q.topic().title(),
                        q.topic().description(), q.topic().moderation(), q.topic().moderationLabel(), q.checkResult(), q.reports(),
                        q.topic().createdAt())).toList());
        items.addAll(db.list(SELECT + " " + """
                 where o.council_id = ? and t.moderation = 'VISIBLE' and (o.status = 'REVIEW' or (o.status = 'VISIBLE'
                   and\s""" + Reports.queued(Reports.Kind.OPINION, "o.id") + """
                ))
                 order by o.created_at limit\s""" + LIST_LIMIT, Opinions::map, councilId)
                .stream().map(o -> new OpinionViews.QueueItem("OPINION", "意见", o.id(), o.topicId(), o.topicTitle(), o.content(),
                        o.status().name(), o.status().label, o.checkResult(), reports.open(Reports.Kind.OPINION, o.id()), o.createdAt()))
                .toList());
        items.sort(java.util.Comparator.comparing(OpinionViews.QueueItem::createdAt));
        return items;
    }

    /** Publishes an opinion waiting for review, or keeps a reported one visible; either way its reports are settled. */
    @Transactional
    OpinionViews.OpinionView approve(Caller caller, UUID opinionId) {
        Opinion o = requireForModeration(caller, opinionId);
        if (o.status() == OpinionStatus.HIDDEN) {
            throw ProblemException.conflict("opinion-hidden", "该意见已隐藏。");
        }
        Instant now = clock.now();
        db.update("update council.opinion set status = 'VISIBLE', moderated_by = ?, moderated_at = ? where id = ?",
                caller.accountId(), now, opinionId);
        reports.settle(Reports.Kind.OPINION, opinionId);
        moderated(caller, o, OpinionStatus.VISIBLE, null, now);
        if (o.status() == OpinionStatus.REVIEW) {
            notifications.notify(o.author(), TEMPLATE, Map.of("thing1", CitizenNotifications.thing(o.topicTitle()), "phrase2", "已公开",
                    "thing3", "您的意见已审核通过"), "pages/council/topic?id=" + o.topicId());
        }
        return view(require(opinionId));
    }

    /** Hides an opinion everywhere, with a reason the author is told. */
    @Transactional
    OpinionViews.OpinionView hide(Caller caller, UUID opinionId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "隐藏意见须说明理由。");
        }
        Opinion o = requireForModeration(caller, opinionId);
        if (o.status() == OpinionStatus.HIDDEN) {
            throw ProblemException.conflict("opinion-hidden", "该意见已隐藏。");
        }
        Instant now = clock.now();
        db.update("update council.opinion set status = 'HIDDEN', hidden_reason = ?, moderated_by = ?, moderated_at = ? where id = ?",
                reason.strip(), caller.accountId(), now, opinionId);
        reports.settle(Reports.Kind.OPINION, opinionId);
        moderated(caller, o, OpinionStatus.HIDDEN, reason.strip(), now);
        notifications.notify(o.author(), TEMPLATE, Map.of("thing1", CitizenNotifications.thing(o.topicTitle()), "phrase2", "已隐藏",
                "thing3", CitizenNotifications.thing("理由：" + reason.strip())), "pages/council/topic?id=" + o.topicId());
        return view(require(opinionId));
    }

    private void moderated(Caller caller, Opinion o, OpinionStatus status, String reason, Instant now) {
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.opinion." + status.name().toLowerCase(),
                "opinion", o.id().toString(), AuditEntry.Outcome.SUCCESS, reason));
        outbox.add(TOPIC, o.id().toString(), "OpinionModerated", "opinion",
                new OpinionViews.OpinionModerated(o.id(), o.topicId(), o.councilId(), status.name(), reason, now));
    }

    private Opinion requireForModeration(Caller caller, UUID opinionId) {
        Opinion o = db.one(SELECT + " where o.id = ? for update of o", Opinions::map, opinionId)
                .orElseThrow(() -> ProblemException.notFound("没有找到该意见。"));
        councils.requireManager(caller, councils.require(o.councilId()), "审核意见");
        return o;
    }

    /** Hidden opinions, and others' opinions under review, answer like missing ones. */
    private Opinion requireVisibleTo(UUID id, String account) {
        return db.one(SELECT + " where o.id = ?", Opinions::map, id)
                .filter(o -> o.status() == OpinionStatus.VISIBLE || (o.status() == OpinionStatus.REVIEW && o.author().equals(account)))
                .orElseThrow(() -> ProblemException.notFound("没有找到该意见。"));
    }

    private Opinion require(UUID id) {
        return db.one(SELECT + " where o.id = ?", Opinions::map, id).orElseThrow(() -> ProblemException.notFound("没有找到该意见。"));
    }

    /** A hidden topic's title never travels on (notices, queue): it reads as {@link Topics#HIDDEN_TITLE}. */
    private static final String SELECT = "select o.*, case when t.moderation = 'VISIBLE' then t.title else '" + Topics.HIDDEN_TITLE
            + "' end as topic_title from council.opinion o join council.topic t on t.id = o.topic_id";

    private static Opinion map(ResultSet rs) throws SQLException {
        return new Opinion(rs.getObject("id", UUID.class), rs.getObject("topic_id", UUID.class), rs.getObject("council_id", UUID.class),
                rs.getString("author_account"), rs.getString("content"), OpinionStatus.valueOf(rs.getString("status")),
                rs.getString("check_result"), rs.getString("topic_title"), Db.instant(rs, "created_at"));
    }

    private static OpinionViews.OpinionView view(Opinion o) {
        return new OpinionViews.OpinionView(o.id(), o.topicId(), o.content(), o.status().name(), o.status().label, o.createdAt());
    }
}
