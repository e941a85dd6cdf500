package cn.nanning.civic.volunteers.teams;

import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TeamsApiTest {

    @Inject
    VolunteerFixture f;

    String township;
    String admin;
    String stationId;
    VolunteerFixture.Person leader;
    String teamId;

    @BeforeEach
    void aStationWithAPatrolTeam() {
        township = f.randomTownship();
        admin = f.tokens.staff("ADMIN", township);
        stationId = f.post("/api/v1/volunteers/stations", Map.of("townshipCode", township, "name", "志愿服务站" + UUID.randomUUID(),
                "address", "民主路 1 号"), admin).get("id").toString();
        leader = f.volunteer(f.villageIn(township), List.of("巡逻"));
        teamId = f.post("/api/v1/volunteers/teams", Map.of("stationId", stationId, "name", "平安巡防一队", "type", "PATROL",
                "leaderVolunteerId", leader.volunteerId()), admin).get("id").toString();
    }

    private String joinRequest(VolunteerFixture.Person person) {
        return f.post("/api/v1/volunteers/teams/" + teamId + "/join-requests", Map.of(), person.token()).get("id").toString();
    }

    private String decide(String requestId, String verb, String token) {
        return f.post("/api/v1/volunteers/teams/" + teamId + "/join-requests/" + requestId + "/" + verb, Map.of(), token)
                .get("status").toString();
    }

    @Test
    void aStationBelongsToATownshipAndItsTeamHasTheLeaderAsFirstMember() {
        Map<?, ?> station = f.get("/api/v1/volunteers/stations/" + stationId, admin, Map.class);
        assertThat(station.get("townshipCode")).isEqualTo(township);
        assertThat(station.get("townshipName")).isNotNull();
        Map<?, ?> team = f.get("/api/v1/volunteers/teams/" + teamId, f.tokens.citizen(), Map.class);
        assertThat(team.get("typeLabel")).isEqualTo("平安巡防队");
        assertThat(team.get("members")).isEqualTo(1);
        assertThat(team.get("leaderName")).isEqualTo("韦**");
        List<Map<String, Object>> inArea = f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/stations?region=" + township.substring(0, 6))
                .bearerAuth(f.tokens.citizen()), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(inArea).extracting(s -> s.get("id")).contains(stationId);
    }

    @Test
    void aVolunteerListsTheirTeamsWithTheirRoleAndTheStateOfTheirRequest() {
        VolunteerFixture.Person member = f.volunteer(f.villageIn(township), List.of("巡逻"));
        String request = joinRequest(member);
        Map<String, Object> pending = myTeams(member.token(), "");
        assertThat(pending).containsEntry("total", 1).containsEntry("page", 0).containsEntry("size", 20);
        Map<String, Object> mine = items(pending).get(0);
        assertThat(mine).containsEntry("status", "PENDING").containsEntry("statusLabel", "待队长审核").containsEntry("roleLabel", "队员");
        @SuppressWarnings("unchecked")
        Map<String, Object> team = (Map<String, Object>) mine.get("team");
        assertThat(team).containsEntry("id", teamId).containsEntry("typeLabel", "平安巡防队");
        decide(request, "approve", leader.token());
        assertThat(items(myTeams(member.token(), "")).get(0)).containsEntry("status", "APPROVED").containsEntry("statusLabel", "已入队");
        assertThat(items(myTeams(leader.token(), "")).get(0)).containsEntry("role", "LEADER").containsEntry("roleLabel", "队长");
        assertThat(refused(() -> myTeams(member.token(), "?size=51")).getStatus().getCode()).isEqualTo(400);
        assertThat(refused(() -> myTeams(f.tokens.citizen(), "")).getStatus().getCode()).isEqualTo(404);
    }

    private Map<String, Object> myTeams(String token, String query) {
        return f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/me/teams" + query).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    void teamTypesAreServedWithTheirChineseNames() {
        List<Map<String, Object>> types = items(f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/team-types")
                .bearerAuth(f.tokens.citizen()), Argument.mapOf(String.class, Object.class)));
        assertThat(types).extracting(t -> t.get("label")).containsExactly("平安建设志愿服务队", "平安巡防队", "综合志愿服务队");
    }

    @Test
    void aPingAnTeamCanBeFormedAndAnUnknownTypeIsRefused() {
        Map<?, ?> pingAn = f.post("/api/v1/volunteers/teams", Map.of("stationId", stationId, "name", "平安建设志愿服务队", "type", "PING_AN",
                "leaderVolunteerId", leader.volunteerId()), admin);
        assertThat(pingAn.get("typeLabel")).isEqualTo("平安建设志愿服务队");
        var e = refused(() -> f.post("/api/v1/volunteers/teams", Map.of("stationId", stationId, "name", "舞蹈队", "type", "DANCE",
                "leaderVolunteerId", leader.volunteerId()), admin));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(e)).contains("平安巡防队");
    }

    @Test
    void aStationMustBeInATownshipAndOnlyAnAdminOfThatAreaSetsItUp() {
        var village = refused(() -> f.post("/api/v1/volunteers/stations", Map.of("townshipCode", f.villageIn(township), "name", "站"), admin));
        assertThat(village.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(village)).contains("乡镇（街道）");
        String otherTownship = f.string("select code from kernel.region where level = 'township' and code <> ? order by random() limit 1", township);
        var elsewhere = refused(() -> f.post("/api/v1/volunteers/stations", Map.of("townshipCode", otherTownship, "name", "站"), admin));
        assertThat(elsewhere.getStatus().getCode()).isEqualTo(403);
        var organiser = refused(() -> f.post("/api/v1/volunteers/stations", Map.of("townshipCode", township, "name", "站"),
                f.tokens.staff("ORGANIZER", township)));
        assertThat(organiser.getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void anAdminOfAnotherAreaCannotFormATeamAtTheStation() {
        String otherDistrict = f.string("select code from kernel.region where level = 'district' and code <> ? order by random() limit 1",
                township.substring(0, 6));
        var e = refused(() -> f.post("/api/v1/volunteers/teams", Map.of("stationId", stationId, "name", "二队", "type", "PATROL",
                "leaderVolunteerId", leader.volunteerId()), f.tokens.staff("ADMIN", otherDistrict)));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
    }

    @Test
    void joiningNeedsTheLeadersApproval() {
        var applicant = f.volunteer();
        String requestId = joinRequest(applicant);
        List<Map<String, Object>> pending = f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/teams/" + teamId + "/join-requests?status=PENDING")
                .bearerAuth(leader.token()), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(pending).extracting(r -> r.get("id")).containsExactly(requestId);
        assertThat(pending.get(0).get("volunteerName")).isEqualTo("韦**");
        assertThat(f.get("/api/v1/volunteers/teams/" + teamId, applicant.token(), Map.class).get("members")).isEqualTo(1);

        assertThat(decide(requestId, "approve", leader.token())).isEqualTo("APPROVED");
        assertThat(f.get("/api/v1/volunteers/teams/" + teamId, applicant.token(), Map.class).get("members")).isEqualTo(2);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.team.v1' and event_key = ? and event_type = 'TeamMemberJoined'",
                teamId)).isEqualTo(2);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.team.approve' and target_id = ?", requestId)).isEqualTo(1);
        assertThat(recordNotices(applicant.accountId(), "已通过")).as("the applicant is told").isEqualTo(1);
    }

    private long recordNotices(String accountId, String text) {
        return f.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested' and event_key = ?"
                + " and payload like '%volunteer-record%' and payload like ?", accountId, "%" + text + "%");
    }

    @Test
    void theLeaderCanRejectAndTheRejectedVolunteerMayAskAgain() {
        var applicant = f.volunteer();
        String requestId = joinRequest(applicant);
        assertThat(decide(requestId, "reject", leader.token())).isEqualTo("REJECTED");
        assertThat(recordNotices(applicant.accountId(), "未通过")).isEqualTo(1);
        assertThat(refused(() -> decide(requestId, "approve", leader.token())).getStatus().getCode()).isEqualTo(409);
        String second = joinRequest(applicant);
        assertThat(second).isNotEqualTo(requestId);
    }

    @Test
    void aSecondOpenRequestIsRefused() {
        var applicant = f.volunteer();
        joinRequest(applicant);
        var e = refused(() -> joinRequest(applicant));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("已提交申请");
    }

    @Test
    void nobodyButTheLeaderOrAnAdminOfTheAreaDecides() {
        var applicant = f.volunteer();
        String requestId = joinRequest(applicant);
        String otherDistrict = f.string("select code from kernel.region where level = 'district' and code <> ? order by random() limit 1",
                township.substring(0, 6));
        List<String> strangers = List.of(applicant.token(), f.volunteer().token(), f.tokens.staff("ORGANIZER", township),
                f.tokens.staff("ADMIN", otherDistrict), f.tokens.citizen());
        for (String stranger : strangers) {
            var approve = refused(() -> decide(requestId, "approve", stranger));
            assertThat(approve.getStatus().getCode()).isEqualTo(403);
            assertThat(detail(approve)).contains("只有队长或本辖区管理员");
            assertThat(refused(() -> decide(requestId, "reject", stranger)).getStatus().getCode()).isEqualTo(403);
            assertThat(refused(() -> f.get("/api/v1/volunteers/teams/" + teamId + "/join-requests", stranger, Map.class)).getStatus().getCode())
                    .isEqualTo(403);
        }
        assertThat(f.string("select status from volunteers.team_membership where id = ?::uuid", requestId)).isEqualTo("PENDING");
        assertThat(decide(requestId, "approve", f.tokens.staff("ADMIN", township.substring(0, 6)))).isEqualTo("APPROVED");
    }

    @Test
    void aCitizenWhoIsNotAVolunteerCannotAskToJoin() {
        var e = refused(() -> f.post("/api/v1/volunteers/teams/" + teamId + "/join-requests", Map.of(), f.tokens.citizen()));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("请先注册");
    }

    @Test
    void aVolunteerWhoWithdrewConsentCannotAskToJoin() {
        var person = f.volunteer();
        f.post("/api/v1/volunteers/me/consent/withdrawal", Map.of(), person.token());
        var e = refused(() -> joinRequest(person));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(e)).contains("撤回");
    }
}
