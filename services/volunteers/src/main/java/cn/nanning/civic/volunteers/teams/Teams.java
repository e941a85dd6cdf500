package cn.nanning.civic.volunteers.teams;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.paging.Paging;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import cn.nanning.civic.volunteers.VolunteersClock;
import cn.nanning.civic.volunteers.notices.VolunteerNotices;
import cn.nanning.civic.volunteers.registration.VolunteerCard;
import cn.nanning.civic.volunteers.registration.Volunteers;
import cn.nanning.civic.volunteers.stations.Station;
import cn.nanning.civic.volunteers.stations.Stations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Teams of a station, each with a leader. Joining is a request that only the team's leader, or an admin of the
 * station's area, approves or rejects.
 */
@Singleton
class Teams {

    static final String TOPIC = "volunteers.team.v1";
    private static final int LIST_LIMIT = 500;

    static final int MY_TEAMS_MAX_PAGE_SIZE = 50;

    private final JdbcOperations jdbc;
    private final Stations stations;
    private final Volunteers volunteers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final VolunteersClock clock;
    private final VolunteerNotices notices;

    Teams(JdbcOperations jdbc, Stations stations, Volunteers volunteers, Outbox outbox, AuditLog audit, VolunteersClock clock,
          VolunteerNotices notices) {
        this.jdbc = jdbc;
        this.stations = stations;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
    }

    private record Team(UUID id, UUID stationId, String townshipCode, String name, TeamType type, UUID leader, Instant createdAt) {
    }

    private record Membership(UUID id, UUID teamId, UUID volunteerId, String role, String status, Instant requestedAt,
                              Instant decidedAt, String note) {
    }

    @Transactional
    TeamViews.TeamView create(Caller caller, UUID stationId, String name, String type, UUID leaderVolunteerId) {
        Station station = stations.lookup(stationId)
                .orElseThrow(() -> ProblemException.invalidField("stationId", "没有找到该志愿服务站。"));
        if (!caller.has(Role.ADMIN) || !caller.covers(station.townshipCode())) {
            throw ProblemException.forbidden("只有本辖区的管理员可以组建志愿服务队。");
        }
        TeamType teamType;
        try {
            teamType = TeamType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("type", "队伍类型只能是平安建设志愿服务队（PING_AN）、平安巡防队（PATROL）或综合志愿服务队（GENERAL）。");
        }
        VolunteerCard leader = volunteers.active(leaderVolunteerId)
                .orElseThrow(() -> ProblemException.invalidField("leaderVolunteerId", "队长须为已实名注册的志愿者。"));
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        boolean inserted = jdbc.prepareStatement("""
                insert into volunteers.team (id, station_id, township_code, name, type, leader_volunteer_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, station.id());
            ps.setString(3, station.townshipCode());
            ps.setString(4, name.strip());
            ps.setString(5, teamType.name());
            ps.setObject(6, leader.id());
            ps.setString(7, caller.accountId());
            ps.setTimestamp(8, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        });
        if (!inserted) {
            throw ProblemException.conflict("team-exists", "该服务站已有同名的队伍。");
        }
        UUID membership = insertMembership(id, leader.id(), "LEADER", "APPROVED", now, caller.accountId())
                .orElseThrow();
        outbox.add(TOPIC, id.toString(), "TeamMemberJoined", "membership",
                new TeamViews.TeamJoined(id, membership, leader.id(), station.townshipCode(), teamType.name(), now));
        return view(team(id));
    }

    @Transactional
    TeamViews.TeamView find(UUID id) {
        return view(team(id));
    }

    @Transactional
    List<TeamViews.TeamView> ofStation(UUID stationId) {
        List<UUID> ids = jdbc.prepareStatement("select id from volunteers.team where station_id = ? order by name limit " + LIST_LIMIT, ps -> {
            ps.setObject(1, stationId);
            List<UUID> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getObject(1, UUID.class));
                }
            }
            return found;
        });
        return ids.stream().map(i -> view(team(i))).toList();
    }

    /** A volunteer asks to join; the leader decides. */
    @Transactional
    TeamViews.MembershipView requestToJoin(Caller caller, UUID teamId) {
        VolunteerCard me = volunteers.requireActive(caller);
        Team team = team(teamId);
        UUID id = insertMembership(team.id(), me.id(), "MEMBER", "PENDING", clock.now(), null)
                .orElseThrow(() -> ProblemException.conflict("already-requested", "您已是该队成员或已提交申请，请等待队长审核。"));
        return membershipView(membership(id, false));
    }

    @Transactional
    List<TeamViews.MembershipView> requests(Caller caller, UUID teamId, String status) {
        Team team = team(teamId);
        requireDecider(caller, team, "查看入队申请");
        return memberships(teamId, status);
    }

    @Transactional
    List<TeamViews.MembershipView> members(Caller caller, UUID teamId) {
        Team team = team(teamId);
        requireDecider(caller, team, "查看队员名单");
        return memberships(teamId, "APPROVED");
    }

    @Transactional
    TeamViews.MembershipView decide(Caller caller, UUID teamId, UUID requestId, boolean approve, String note) {
        Team team = team(teamId);
        requireDecider(caller, team, "审核入队申请");
        Membership request = membership(requestId, true);
        if (!request.teamId().equals(teamId)) {
            throw ProblemException.notFound("没有找到该入队申请。");
        }
        if (!"PENDING".equals(request.status())) {
            throw ProblemException.conflict("already-decided", "该申请已处理，不能重复审核。");
        }
        if (approve && volunteers.active(request.volunteerId()).isEmpty()) {
            throw ProblemException.conflict("consent-withdrawn", "申请人已撤回个人信息处理同意，不能入队。");
        }
        Instant now = clock.now();
        String status = approve ? "APPROVED" : "REJECTED";
        jdbc.prepareStatement("update volunteers.team_membership set status = ?, decided_at = ?, decided_by = ?, note = ? where id = ?", ps -> {
            ps.setString(1, status);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, caller.accountId());
            ps.setString(4, note == null || note.isBlank() ? null : note.strip());
            ps.setObject(5, requestId);
            return ps.executeUpdate();
        });
        audit.record(new AuditEntry(caller.accountId(), roles(caller), approve ? "volunteers.team.approve" : "volunteers.team.reject",
                "team_membership", requestId.toString(), AuditEntry.Outcome.SUCCESS, "team " + teamId));
        if (approve) {
            outbox.add(TOPIC, teamId.toString(), "TeamMemberJoined", "membership",
                    new TeamViews.TeamJoined(teamId, requestId, request.volunteerId(), team.townshipCode(), team.type().name(), now));
        }
        notices.teamDecided(request.volunteerId(), team.name(), approve, note);
        return membershipView(membership(requestId, false));
    }

    /** The team's leader, or an admin whose area covers the team's township. */
    private void requireDecider(Caller caller, Team team, String what) {
        boolean leader = volunteers.idOfAccount(caller.accountId()).map(team.leader()::equals).orElse(false);
        boolean admin = caller.has(Role.ADMIN) && caller.covers(team.townshipCode());
        if (!leader && !admin) {
            throw ProblemException.forbidden("只有队长或本辖区管理员可以" + what + "。");
        }
    }

    private Optional<UUID> insertMembership(UUID teamId, UUID volunteerId, String role, String status, Instant at, String decidedBy) {
        UUID id = UUID.randomUUID();
        boolean inserted = jdbc.prepareStatement("""
                insert into volunteers.team_membership (id, team_id, volunteer_id, role, status, requested_at, decided_at, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, teamId);
            ps.setObject(3, volunteerId);
            ps.setString(4, role);
            ps.setString(5, status);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setTimestamp(7, decidedBy != null ? Timestamp.from(at) : null);
            ps.setString(8, decidedBy);
            return ps.executeUpdate() == 1;
        });
        return inserted ? Optional.of(id) : Optional.empty();
    }

    /** The calling volunteer's teams: approved, waiting for the leader, or refused (newest request first). */
    @Transactional
    TeamViews.MyTeams mine(Caller caller, int page, int size) {
        int offset = Paging.offset(page, size, MY_TEAMS_MAX_PAGE_SIZE);
        UUID me = volunteers.idOfAccount(caller.accountId()).orElseThrow(() -> ProblemException.notFound("您还没有注册志愿者。"));
        long total = jdbc.prepareStatement("select count(*) from volunteers.team_membership where volunteer_id = ?", ps -> {
            ps.setObject(1, me);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Membership> rows = jdbc.prepareStatement("""
                select * from volunteers.team_membership where volunteer_id = ? order by requested_at desc, id limit ? offset ?""", ps -> {
            ps.setObject(1, me);
            ps.setInt(2, size);
            ps.setInt(3, offset);
            List<Membership> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        });
        List<TeamViews.MyTeam> items = rows.stream().map(m -> {
            TeamViews.MembershipView v = membershipView(m, null);
            return new TeamViews.MyTeam(view(team(m.teamId())), m.role(), "LEADER".equals(m.role()) ? "队长" : "队员",
                    v.status(), v.statusLabel(), m.requestedAt(), m.decidedAt(), m.note());
        }).toList();
        return new TeamViews.MyTeams(items, page, size, total);
    }

    private Team team(UUID id) {
        return jdbc.prepareStatement("select * from volunteers.team where id = ?", ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("没有找到该队伍。");
                }
                return new Team(rs.getObject("id", UUID.class), rs.getObject("station_id", UUID.class), rs.getString("township_code"),
                        rs.getString("name"), TeamType.valueOf(rs.getString("type")), rs.getObject("leader_volunteer_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant());
            }
        });
    }

    private Membership membership(UUID id, boolean lock) {
        return jdbc.prepareStatement("select * from volunteers.team_membership where id = ?" + (lock ? " for update" : ""), ps -> {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("没有找到该入队申请。");
                }
                return map(rs);
            }
        });
    }

    private List<TeamViews.MembershipView> memberships(UUID teamId, String status) {
        List<Membership> rows = jdbc.prepareStatement("""
                select * from volunteers.team_membership where team_id = ? and (?::text is null or status = ?)
                order by requested_at limit\s""" + LIST_LIMIT, ps -> {
            ps.setObject(1, teamId);
            ps.setString(2, status);
            ps.setString(3, status);
            List<Membership> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        });
        Map<UUID, String> names = volunteers.maskedNames(rows.stream().map(Membership::volunteerId).toList());
        return rows.stream().map(m -> membershipView(m, names.get(m.volunteerId()))).toList();
    }

    private static Membership map(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Membership(rs.getObject("id", UUID.class), rs.getObject("team_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
                rs.getString("role"), rs.getString("status"), rs.getTimestamp("requested_at").toInstant(),
                decided != null ? decided.toInstant() : null, rs.getString("note"));
    }

    private TeamViews.MembershipView membershipView(Membership m) {
        return membershipView(m, volunteers.maskedNames(List.of(m.volunteerId())).get(m.volunteerId()));
    }

    private static TeamViews.MembershipView membershipView(Membership m, String name) {
        String label = switch (m.status()) {
            case "PENDING" -> "待队长审核";
            case "APPROVED" -> "已入队";
            default -> "未通过";
        };
        return new TeamViews.MembershipView(m.id(), m.teamId(), m.volunteerId(), name, m.role(), m.status(), label,
                m.requestedAt(), m.decidedAt(), m.note());
    }

    private TeamViews.TeamView view(Team t) {
        long members = jdbc.prepareStatement("select count(*) from volunteers.team_membership where team_id = ? and status = 'APPROVED'", ps -> {
            ps.setObject(1, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        String leaderName = volunteers.maskedNames(List.of(t.leader())).get(t.leader());
        return new TeamViews.TeamView(t.id(), t.stationId(), t.townshipCode(), t.name(), t.type().name(), t.type().label,
                t.leader(), leaderName, members, t.createdAt());
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }
}
