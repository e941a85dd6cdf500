package cn.nanning.civic.council.topics;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.common.pii.Masking;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Topics (议题) of a council: residents propose and support them; a clerk may enter one for an offline resident with
 * that resident's recorded consent; conveners accept, merge or decline them with a public reason.
 */
@Singleton
public class Topics {

    static final String TOPIC = "council.topic.v1";
    private static final String NAME_COLUMN = "council.topic.resident_name";
    private static final int LIST_LIMIT = 200;

    private final Db db;
    private final Councils councils;
    private final Outbox outbox;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final CouncilClock clock;

    Topics(Db db, Councils councils, Outbox outbox, AuditLog audit, FieldCipher cipher, CouncilClock clock) {
        this.db = db;
        this.councils = councils;
        this.outbox = outbox;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    private record Topic(UUID id, UUID councilId, String title, String description, String proposer, boolean clerkAssisted,
                         String residentName, TopicStatus status, UUID mergedInto, String publicReason, Instant decidedAt,
                         Instant createdAt, long supports) {
    }

    @Transactional
    TopicViews.TopicView propose(Caller caller, UUID councilId, String title, String description) {
        if (caller.isStaff() || !Claims.KIND_CITIZEN.equals(caller.kind()) || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("议题由居民本人提出；代办员请使用代录入功能并记录居民同意。");
        }
        Council council = councils.require(councilId);
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        db.update("""
                insert into council.topic (id, council_id, title, description, proposer_account, clerk_assisted, status, created_at)
                values (?, ?, ?, ?, ?, false, 'OPEN', ?)""", id, councilId, title.strip(), description.strip(), caller.accountId(), now);
        outbox.add(TOPIC, id.toString(), "TopicProposed", "topic",
                new TopicViews.TopicProposed(id, councilId, council.regionCode(), title.strip(), false, now));
        return view(require(id, false));
    }

    @Transactional
    TopicViews.TopicView proposeForResident(Caller caller, UUID councilId, String title, String description, String residentName,
                                            String consentMethod, Instant consentAt) {
        Council council = councils.require(councilId);
        if (!caller.isStaff() || !caller.has(Role.CLERK) || !caller.covers(council.regionCode())) {
            throw ProblemException.forbidden("只有本村（社区）的代办员可以为居民代录入议题。");
        }
        Instant now = clock.now();
        if (consentAt.isAfter(now)) {
            throw ProblemException.invalidField("consent.at", "居民同意的时间不能晚于现在。");
        }
        UUID id = UUID.randomUUID();
        db.update("""
                insert into council.topic (id, council_id, title, description, clerk_assisted, assisted_by, resident_name,
                  consent_method, consent_at, status, created_at)
                values (?, ?, ?, ?, true, ?, ?, ?, ?, 'OPEN', ?)""", id, councilId, title.strip(), description.strip(),
                caller.accountId(), cipher.encrypt(residentName.strip(), NAME_COLUMN), consentMethod.strip(), consentAt, now);
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.topic.clerk-assisted", "topic", id.toString(),
                AuditEntry.Outcome.SUCCESS, "consent recorded: " + consentMethod.strip()));
        outbox.add(TOPIC, id.toString(), "TopicProposed", "topic",
                new TopicViews.TopicProposed(id, councilId, council.regionCode(), title.strip(), true, now));
        return view(require(id, false));
    }

    /** One support per resident and topic; the primary key decides races. */
    @Transactional
    TopicViews.SupportView support(Caller caller, UUID topicId) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以附议议题。");
        }
        Topic topic = require(topicId, false);
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
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.topic." + status.name().toLowerCase(),
                "topic", topicId.toString(), AuditEntry.Outcome.SUCCESS, mergedInto != null ? "into " + mergedInto : null));
        return view(require(topicId, false));
    }

    @Transactional
    public TopicViews.TopicView find(UUID id) {
        return view(require(id, false));
    }

    /** Topics of a council, newest first; {@code status} null means all. */
    @Transactional
    public List<TopicViews.TopicView> ofCouncil(UUID councilId, String status, int limit) {
        councils.require(councilId);
        if (status != null) {
            try {
                TopicStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "状态只能是 OPEN、ACCEPTED、MERGED 或 DECLINED。");
            }
        }
        return db.list(SELECT + " where t.council_id = ? and (cast(? as text) is null or t.status = ?) order by t.created_at desc limit ?",
                Topics::map, councilId, status, status, Math.min(Math.max(limit, 1), LIST_LIMIT)).stream().map(this::view).toList();
    }

    /** A topic of the council that a decision may be taken on (accepted). */
    @Transactional
    public Optional<TopicViews.TopicView> acceptedOf(UUID councilId, UUID topicId) {
        return db.one(SELECT + " where t.id = ?", Topics::map, topicId)
                .filter(t -> t.councilId().equals(councilId) && t.status() == TopicStatus.ACCEPTED).map(this::view);
    }

    /** What other parts of the module need to know about a topic: its council, title and whether it is still open. */
    public record TopicRef(UUID id, UUID councilId, String title, boolean open, boolean accepted) {
    }

    /** The topic or 404. */
    @Transactional
    public TopicRef ref(UUID topicId) {
        Topic t = require(topicId, false);
        return new TopicRef(t.id(), t.councilId(), t.title(), t.status() == TopicStatus.OPEN, t.status() == TopicStatus.ACCEPTED);
    }

    private static final String SELECT = """
            select t.*, (select count(*) from council.topic_support s where s.topic_id = t.id) as supports from council.topic t""";

    private Topic require(UUID id, boolean lock) {
        return db.one(lock ? "select t.*, 0 as supports from council.topic t where t.id = ? for update" : SELECT + " where t.id = ?",
                Topics::map, id).orElseThrow(() -> ProblemException.notFound("没有找到该议题。"));
    }

    private long supports(UUID topicId) {
        return db.count("select count(*) from council.topic_support where topic_id = ?", topicId);
    }

    private static Topic map(ResultSet rs) throws SQLException {
        return new Topic(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getString("title"),
                rs.getString("description"), rs.getString("proposer_account"), rs.getBoolean("clerk_assisted"), rs.getString("resident_name"),
                TopicStatus.valueOf(rs.getString("status")), rs.getObject("merged_into", UUID.class), rs.getString("public_reason"),
                Db.instant(rs, "decided_at"), Db.instant(rs, "created_at"), rs.getLong("supports"));
    }

    private TopicViews.TopicView view(Topic t) {
        String resident = t.clerkAssisted() ? Masking.name(cipher.decrypt(t.residentName(), NAME_COLUMN)) : null;
        return new TopicViews.TopicView(t.id(), t.councilId(), t.title(), t.description(), t.status().name(), t.status().label,
                t.clerkAssisted(), t.clerkAssisted() ? "代办员协助录入（已取得居民本人同意）" : "居民提出", resident, t.supports(),
                t.mergedInto(), t.publicReason(), t.decidedAt(), t.createdAt());
    }
}
