package cn.nanning.civic.council.meetings;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.councils.Council;
import cn.nanning.civic.council.councils.CouncilViews;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.council.topics.Topics;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Meetings of a council. Conveners (or administrators) in scope schedule them with an agenda of the council's open or
 * accepted topics; residents register before the start; after the start the convener records who attended and the
 * minutes in one step, which closes the meeting.
 */
@Singleton
public class Meetings {

    static final String TOPIC = "council.meeting.v1";
    private static final int LIST_LIMIT = 100;

    private final Db db;
    private final Councils councils;
    private final Topics topics;
    private final Outbox outbox;
    private final AuditLog audit;
    private final CouncilClock clock;

    Meetings(Db db, Councils councils, Topics topics, Outbox outbox, AuditLog audit, CouncilClock clock) {
        this.db = db;
        this.councils = councils;
        this.topics = topics;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(UUID id, UUID councilId, String title, String place, Instant startsAt, Instant endsAt, String status,
                       Integer walkIns, String minutes, Instant minutesAt) {
    }

    @Transactional
    MeetingViews.MeetingView schedule(Caller caller, UUID councilId, String title, String place, Instant startsAt, Instant endsAt,
                                      List<UUID> agenda) {
        Council council = councils.require(councilId);
        councils.requireManager(caller, council, "安排议事会议");
        Instant now = clock.now();
        if (!startsAt.isAfter(now)) {
            throw ProblemException.invalidField("startsAt", "会议开始时间须晚于现在。");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalidField("endsAt", "会议结束时间须晚于开始时间。");
        }
        List<UUID> items = List.copyOf(new LinkedHashSet<>(agenda));
        for (UUID topicId : items) {
            Topics.TopicRef topic;
            try {
                topic = topics.ref(topicId);
            } catch (ProblemException missing) {
                throw ProblemException.invalidField("agenda", "议程中有不存在的议题。");
            }
            if (!topic.shown()) {
                throw ProblemException.invalidField("agenda", "议程中有不存在的议题。");
            }
            if (!topic.councilId().equals(councilId)) {
                throw ProblemException.invalidField("agenda", "议程只能列入本议事会的议题。");
            }
            if (!topic.open() && !topic.accepted()) {
                throw ProblemException.invalidField("agenda", "议题「" + topic.title() + "」已合并或未采纳，不能列入议程。");
            }
        }
        UUID id = UUID.randomUUID();
        db.update("""
                insert into council.meeting (id, council_id, title, place, starts_at, ends_at, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)""", id, councilId, title.strip(), place.strip(), startsAt, endsAt,
                caller.accountId(), now);
        for (int i = 0; i < items.size(); i++) {
            db.update("insert into council.meeting_agenda_item (meeting_id, position, topic_id) values (?, ?, ?)", id, i + 1, items.get(i));
        }
        outbox.add(TOPIC, id.toString(), "MeetingScheduled", "meeting", new MeetingViews.MeetingScheduled(id, councilId,
                council.regionCode(), title.strip(), place.strip(), startsAt, items, now));
        return view(require(id, false));
    }

    /** A resident registers for a meeting that has not started; once per resident. */
    @Transactional
    MeetingViews.MeetingView register(Caller caller, UUID meetingId) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以报名参加议事会议。");
        }
        Row m = require(meetingId, false);
        if (!"SCHEDULED".equals(m.status()) || !m.startsAt().isAfter(clock.now())) {
            throw ProblemException.conflict("registration-closed", "会议已开始或已结束，不能再报名。");
        }
        if (db.update("insert into council.meeting_registration (meeting_id, account_id, created_at) values (?, ?, ?) on conflict do nothing",
                meetingId, caller.accountId(), clock.now()) == 0) {
            throw ProblemException.conflict("already-registered", "您已报名参加该会议。");
        }
        return view(m);
    }

    /**
     * Records who attended and the minutes, once the meeting has started. Representatives must be the council's and
     * in term on the day; residents counted by account must have registered.
     */
    @Transactional
    MeetingViews.MeetingView hold(Caller caller, UUID meetingId, List<UUID> representativesPresent, List<String> registeredPresent,
                                  int walkIns, String minutes) {
        Row m = require(meetingId, true);
        Council council = councils.require(m.councilId());
        councils.requireManager(caller, council, "记录会议");
        Instant now = clock.now();
        if (!"SCHEDULED".equals(m.status())) {
            throw ProblemException.conflict("meeting-closed", "该会议已记录或已取消。");
        }
        if (m.startsAt().isAfter(now)) {
            throw ProblemException.conflict("meeting-not-started", "会议尚未开始，不能记录出席和会议纪要。");
        }
        Map<UUID, CouncilViews.RepresentativeView> reps = councils.representatives(m.councilId()).stream()
                .collect(Collectors.toMap(CouncilViews.RepresentativeView::id, r -> r));
        Set<UUID> repIds = new LinkedHashSet<>(representativesPresent);
        for (UUID r : repIds) {
            CouncilViews.RepresentativeView rep = reps.get(r);
            if (rep == null) {
                throw ProblemException.invalidField("representativesPresent", "出席代表须是本议事会登记的代表。");
            }
            if (!rep.inTerm()) {
                throw ProblemException.invalidField("representativesPresent", rep.name() + " 不在任期内，不能作为代表出席。");
            }
        }
        Set<String> registered = new HashSet<>(db.list("select account_id from council.meeting_registration where meeting_id = ?",
                rs -> rs.getString(1), meetingId));
        Set<String> accounts = new LinkedHashSet<>(registeredPresent);
        if (!registered.containsAll(accounts)) {
            throw ProblemException.invalidField("registeredPresent", "按报名记录出席的居民须已报名该会议。");
        }
        for (UUID r : repIds) {
            db.update("""
                    insert into council.meeting_attendance (meeting_id, representative_id, recorded_by, recorded_at) values (?, ?, ?, ?)""",
                    meetingId, r, caller.accountId(), now);
        }
        for (String a : accounts) {
            db.update("insert into council.meeting_attendance (meeting_id, account_id, recorded_by, recorded_at) values (?, ?, ?, ?)",
                    meetingId, a, caller.accountId(), now);
        }
        db.update("""
                update council.meeting set status = 'HELD', walk_ins = ?, minutes = ?, minutes_by = ?, minutes_at = ? where id = ?""",
                walkIns, minutes.strip(), caller.accountId(), now, meetingId);
        audit.record(new AuditEntry(caller.accountId(), Councils.roles(caller), "council.meeting.held", "meeting", meetingId.toString(),
                AuditEntry.Outcome.SUCCESS, repIds.size() + " representatives, " + accounts.size() + " registered, " + walkIns + " walk-ins"));
        outbox.add(TOPIC, meetingId.toString(), "MeetingHeld", "meeting", new MeetingViews.MeetingHeld(meetingId, m.councilId(),
                council.regionCode(), repIds.size(), accounts.size(), walkIns, now));
        return view(require(meetingId, false));
    }

    @Transactional
    public MeetingViews.MeetingView find(UUID id) {
        return view(require(id, false));
    }

    /** A council's meetings, soonest first; upcoming only if asked. */
    @Transactional
    public List<MeetingViews.MeetingView> ofCouncil(UUID councilId, boolean upcomingOnly) {
        councils.require(councilId);
        return db.list("""
                select * from council.meeting where council_id = ? and (not ? or (status = 'SCHEDULED' and ends_at > ?))
                order by starts_at limit\s""" + LIST_LIMIT, Meetings::map, councilId, upcomingOnly, clock.now())
                .stream().map(this::view).toList();
    }

    private Row require(UUID id, boolean lock) {
        return db.one("select * from council.meeting where id = ?" + (lock ? " for update" : ""), Meetings::map, id)
                .orElseThrow(() -> ProblemException.notFound("没有找到该会议。"));
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getString("title"),
                rs.getString("place"), Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"), rs.getString("status"),
                Db.integer(rs, "walk_ins"), rs.getString("minutes"), Db.instant(rs, "minutes_at"));
    }

    private MeetingViews.MeetingView view(Row m) {
        List<MeetingViews.AgendaItem> agenda = db.list("""
                select a.position, a.topic_id, t.title from council.meeting_agenda_item a join council.topic t on t.id = a.topic_id
                where a.meeting_id = ? and t.moderation = 'VISIBLE' order by a.position""",
                rs -> new MeetingViews.AgendaItem(rs.getInt("position"), rs.getObject("topic_id", UUID.class), rs.getString("title")), m.id());
        List<String> reps = db.list("""
                select r.name from council.meeting_attendance a join council.council_representative r on r.id = a.representative_id
                where a.meeting_id = ? order by r.name""", rs -> rs.getString(1), m.id());
        long residents = db.count("select count(*) from council.meeting_attendance where meeting_id = ? and account_id is not null", m.id());
        long registrations = db.count("select count(*) from council.meeting_registration where meeting_id = ?", m.id());
        String label = statusLabel(m.status());
        return new MeetingViews.MeetingView(m.id(), m.councilId(), m.title(), m.place(), m.startsAt(), m.endsAt(), m.status(), label,
                agenda, registrations, reps, residents, m.walkIns(), m.minutes(), m.minutesAt());
    }

    /** The Chinese name of a meeting status. */
    public static String statusLabel(String status) {
        return switch (status) {
            case "HELD" -> "已召开";
            case "CANCELLED" -> "已取消";
            default -> "待召开";
        };
    }
}
