package cn.nanning.civic.council.decisions;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.council.subscriptions.Subscriptions;
import cn.nanning.civic.council.topics.Topics;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Major matters walked through 四议两公开. {@link Procedure} decides what may happen; this class keeps the register,
 * locking the decision row so that two clerks recording at once cannot both pass a step.
 */
@Singleton
public class Decisions {

    static final String TOPIC = "council.decision.v1";
    private static final int LIST_LIMIT = 200;

    private final Db db;
    private final Councils councils;
    private final Topics topics;
    private final Outbox outbox;
    private final AuditLog audit;
    private final CouncilClock clock;
    private final Subscriptions subscriptions;

    Decisions(Db db, Councils councils, Topics topics, Outbox outbox, AuditLog audit, CouncilClock clock, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.db = db;
        this.councils = councils;
        this.topics = topics;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(UUID id, UUID councilId, UUID topicId, String title, String matter, Procedure.Stage stage,
                       Instant createdAt, Instant updatedAt) {
    }

    /** What the register records for one holding of a voting step. */
    record Holding(Step step, Instant heldAt, String motionSource, Procedure.Tally tally, String supervisorsComments) {
    }

    @Transactional
    DecisionViews.DecisionView open(Caller caller, UUID councilId, String title, String matter, UUID topicId) {
        Council council = councils.require(councilId);
        councils.requireManager(caller, council, "发起四议两公开事项");
        if (topicId != null && topics.acceptedOf(councilId, topicId).isEmpty()) {
            throw ProblemException.invalidField("topicId", "只能就本议事会已采纳的议题发起决策事项。");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        Procedure.Stage stage = Procedure.start();
        db.update("""
                insert into council.decision (id, council_id, topic_id, title, matter, status, next_step, progress, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", id, councilId, topicId, title.strip(), matter.strip(), stage.status(),
                stage.next(), caller.accountId(), now, now);
        event(council, id, "DecisionOpened", stage, null, null, now);
        return view(require(id, false));
    }

    @Transactional
    DecisionViews.DecisionView hold(Caller caller, UUID decisionId, Holding holding) {
        Row row = require(decisionId, true);
        Council council = councils.require(row.councilId());
        councils.requireManager(caller, council, "登记四议两公开步骤");
        if (!holding.step().isVote()) {
            throw ProblemException.invalidField("step", "登记表决的步骤只能是党组织提议、两委会商议、党员大会审议或村民会议（代表会议）决议。");
        }
        if (holding.heldAt().isAfter(clock.now())) {
            throw ProblemException.invalidField("heldAt", "会议时间不能晚于现在。");
        }
        Procedure.Rule charter = new Procedure.Rule(council.quorum(), council.majority());
        Procedure.Verdict verdict;
        try {
            verdict = Procedure.vote(row.stage(), holding.step(), charter, holding.tally());
        } catch (Procedure.OutOfOrder e) {
            throw ProblemException.conflict("step-out-of-order", e.getMessage());
        } catch (Procedure.InvalidTally e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        Instant now = clock.now();
        Procedure.Tally t = holding.tally();
        String rule = Procedure.ruleFor(holding.step(), charter).describe();
        if (holding.step() == Step.RESIDENTS_RESOLUTION) {
            rule = council.resolutionBody().label() + "（依章程）：" + rule;
        }
        db.update("""
                insert into council.decision_step (id, decision_id, step, attempt, held_at, motion_source, expected_attendance, actual_attendance,
                  votes_for, votes_against, votes_abstain, outcome, rule_text, explanation, supervisors_comments, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), decisionId, holding.step(), nextAttempt(decisionId, holding.step()), holding.heldAt(),
                blankToNull(holding.motionSource()), t.expected(), t.present(), t.votesFor(), t.votesAgainst(), t.abstentions(),
                verdict.outcome(), rule, verdict.explanation(), blankToNull(holding.supervisorsComments()), caller.accountId(), now);
        moveTo(row, verdict.stage(), now);
        event(council, decisionId, "DecisionStepHeld", verdict.stage(), holding.step(), verdict.outcome(), now);
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.decision.step", "decision", decisionId.toString(),
                AuditEntry.Outcome.SUCCESS, holding.step() + " " + verdict.outcome()));
        return view(require(decisionId, false));
    }

    /** 决议公开. */
    @Transactional
    DecisionViews.DecisionView publishResolution(Caller caller, UUID decisionId, String content) {
        Row row = require(decisionId, true);
        Council council = councils.require(row.councilId());
        councils.requireManager(caller, council, "公开决议");
        Procedure.Stage next;
        try {
            next = Procedure.publishResolution(row.stage());
        } catch (Procedure.OutOfOrder e) {
            throw ProblemException.conflict("step-out-of-order", e.getMessage());
        }
        Instant now = clock.now();
        insertPublication(decisionId, Step.RESOLUTION_PUBLISHED, content, caller, now);
        moveTo(row, next, now);
        event(council, decisionId, "DecisionResolutionPublished", next, Step.RESOLUTION_PUBLISHED, Procedure.Outcome.PUBLISHED, now);
        subscriptions.notifySubscribers(council.id(), decisionId, row.title(), Subscriptions.Publication.RESOLUTION, next.progress());
        return view(require(decisionId, false));
    }

    /** 实施结果公开: the first report publishes the result step, later reports add to its timeline until 100%. */
    @Transactional
    DecisionViews.DecisionView reportProgress(Caller caller, UUID decisionId, int percent, String note, LocalDate occurredOn) {
        Row row = require(decisionId, true);
        Council council = councils.require(row.councilId());
        councils.requireManager(caller, council, "公开实施进度");
        Procedure.Stage next;
        try {
            next = Procedure.reportProgress(row.stage(), percent);
        } catch (Procedure.OutOfOrder e) {
            throw ProblemException.conflict("step-out-of-order", e.getMessage());
        } catch (Procedure.InvalidTally e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        if (occurredOn.isAfter(clock.today())) {
            throw ProblemException.invalidField("occurredOn", "进度日期不能晚于今天。");
        }
        Instant now = clock.now();
        if (row.stage().status() == Procedure.Status.IN_PROGRESS) {
            insertPublication(decisionId, Step.RESULT_PUBLISHED, note, caller, now);
        }
        db.update("""
                insert into council.decision_progress (id, decision_id, percent, note, occurred_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), decisionId, percent, note.strip(), occurredOn, caller.accountId(), now);
        moveTo(row, next, now);
        event(council, decisionId, next.status() == Procedure.Status.DONE ? "DecisionImplemented" : "DecisionProgressPublished",
                next, Step.RESULT_PUBLISHED, null, now);
        subscriptions.notifySubscribers(council.id(), decisionId, row.title(),
                next.status() == Procedure.Status.DONE ? Subscriptions.Publication.DONE : Subscriptions.Publication.PROGRESS, next.progress());
        return view(require(decisionId, false));
    }

    @Transactional
    public DecisionViews.DecisionView find(UUID id) {
        return view(require(id, false));
    }

    @Transactional
    public List<DecisionViews.DecisionSummary> ofCouncil(UUID councilId, boolean publishedOnly, int limit) {
        return pageOfCouncil(councilId, publishedOnly, 0, Math.min(Math.max(limit, 1), LIST_LIMIT)).items();
    }

    /** One page of a council's decisions, the latest change first. */
    @Transactional
    public PageOf<DecisionViews.DecisionSummary> pageOfCouncil(UUID councilId, boolean publishedOnly, int page, int size) {
        int offset = Paging.offset(page, size, LIST_LIMIT);
        councils.require(councilId);
        String filter = publishedOnly ? " and exists (select 1 from council.decision_step s where s.decision_id = d.id and s.step = 'RESOLUTION_PUBLISHED')" : "";
        long total = db.count("select count(*) from council.decision d where d.council_id = ?" + filter, councilId);
        List<DecisionViews.DecisionSummary> rows = db.list("select * from council.decision d where d.council_id = ?" + filter
                + " order by d.updated_at desc, d.id limit ? offset ?", Decisions::map, councilId, size, offset)
                .stream().map(Decisions::summary).toList();
        return PageOf.of(rows, page, size, total);
    }

    /** Whether the resolution of the decision has been published (the public may see it from then on). */
    @Transactional
    public boolean isPublished(UUID decisionId) {
        return db.count("select count(*) from council.decision_step where decision_id = ? and step = 'RESOLUTION_PUBLISHED'", decisionId) > 0;
    }

    private void insertPublication(UUID decisionId, Step step, String content, Caller caller, Instant now) {
        db.update("""
                insert into council.decision_step (id, decision_id, step, attempt, held_at, outcome, content, recorded_by, recorded_at)
                values (?, ?, ?, 1, ?, 'PUBLISHED', ?, ?, ?)""", UUID.randomUUID(), decisionId, step, now, content.strip(), caller.accountId(), now);
    }

    private int nextAttempt(UUID decisionId, Step step) {
        return (int) db.count("select count(*) from council.decision_step where decision_id = ? and step = ?", decisionId, step) + 1;
    }

    private void moveTo(Row row, Procedure.Stage stage, Instant now) {
        db.update("update council.decision set status = ?, next_step = ?, progress = ?, updated_at = ? where id = ?",
                stage.status(), stage.next(), stage.progress(), now, row.id());
    }

    private void event(Council council, UUID decisionId, String type, Procedure.Stage stage, Step step, Procedure.Outcome outcome, Instant now) {
        outbox.add(TOPIC, decisionId.toString(), type, "decision", new DecisionViews.DecisionChanged(decisionId, council.id(),
                council.regionCode(), stage.status().name(), step != null ? step.name() : null, outcome != null ? outcome.name() : null,
                stage.progress(), now));
    }

    private Row require(UUID id, boolean lock) {
        return db.one("select * from council.decision where id = ?" + (lock ? " for update" : ""), Decisions::map, id)
                .orElseThrow(() -> ProblemException.notFound("没有找到该决策事项。"));
    }

    private static Row map(ResultSet rs) throws SQLException {
        String next = rs.getString("next_step");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getObject("topic_id", UUID.class),
                rs.getString("title"), rs.getString("matter"),
                new Procedure.Stage(Procedure.Status.valueOf(rs.getString("status")), next != null ? Step.valueOf(next) : null,
                        rs.getInt("progress")),
                Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
    }

    static String statusLabel(Procedure.Stage stage) {
        return switch (stage.status()) {
            case IN_PROGRESS -> stage.next() == Step.RESULT_PUBLISHED ? "决议已公开，待实施" : "进行中";
            case REJECTED -> "未获通过（已终止）";
            case IMPLEMENTING -> "实施中";
            case DONE -> "已实施完毕";
        };
    }

    private static DecisionViews.DecisionSummary summary(Row r) {
        Step next = r.stage().next();
        return new DecisionViews.DecisionSummary(r.id(), r.councilId(), r.title(), r.stage().status().name(), statusLabel(r.stage()),
                next != null ? next.name() : null, next != null ? next.label() : null, r.stage().progress(), r.updatedAt());
    }

    private DecisionViews.DecisionView view(Row r) {
        List<DecisionViews.StepView> register = db.list("""
                select * from council.decision_step where decision_id = ? order by recorded_at, attempt""", rs -> {
            Step step = Step.valueOf(rs.getString("step"));
            Procedure.Outcome outcome = Procedure.Outcome.valueOf(rs.getString("outcome"));
            return new DecisionViews.StepView(rs.getObject("id", UUID.class), step.name(), step.label(), rs.getInt("attempt"),
                    Db.instant(rs, "held_at"), rs.getString("motion_source"), Db.integer(rs, "expected_attendance"),
                    Db.integer(rs, "actual_attendance"), Db.integer(rs, "votes_for"), Db.integer(rs, "votes_against"),
                    Db.integer(rs, "votes_abstain"), outcome.name(), outcomeLabel(outcome), rs.getString("rule_text"),
                    rs.getString("explanation"), rs.getString("supervisors_comments"), rs.getString("content"), Db.instant(rs, "recorded_at"));
        }, r.id());
        List<DecisionViews.ProgressView> progress = db.list("""
                select * from council.decision_progress where decision_id = ? order by recorded_at""",
                rs -> {
                    UUID progressId = rs.getObject("id", UUID.class);
                    return new DecisionViews.ProgressView(progressId, rs.getInt("percent"), rs.getString("note"),
                            Db.date(rs, "occurred_on"), Db.instant(rs, "recorded_at"), db.list("""
                                    select id, content_type, width, height from council.decision_progress_photo where progress_id = ?
                                    and removed_at is null order by uploaded_at""", p -> new DecisionViews.PhotoView(p.getObject("id", UUID.class),
                                    p.getString("content_type"), p.getInt("width"), p.getInt("height"),
                                    ProgressPhotos.url(r.id(), p.getObject("id", UUID.class))), progressId));
                }, r.id());
        Step next = r.stage().next();
        // The resolution is published once (决议公开 is a single step); its text is the content of that register line.
        DecisionViews.Resolution resolution = register.stream()
                .filter(s -> Step.RESOLUTION_PUBLISHED.name().equals(s.step()) && s.content() != null)
                .reduce((first, later) -> later)
                .map(s -> new DecisionViews.Resolution(s.content(), s.heldAt()))
                .orElse(null);
        return new DecisionViews.DecisionView(r.id(), r.councilId(), r.topicId(), r.title(), r.matter(), r.stage().status().name(),
                statusLabel(r.stage()), next != null ? next.name() : null, next != null ? next.label() : null, r.stage().progress(),
                resolution, register, progress, r.createdAt(), r.updatedAt());
    }

    static String outcomeLabel(Procedure.Outcome o) {
        return switch (o) {
            case PASSED -> "通过";
            case NO_QUORUM -> "到会人数不足，表决无效，须重新召开";
            case REJECTED -> "未通过";
            case PUBLISHED -> "已公开";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
