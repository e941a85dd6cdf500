package cn.nanning.civic.council.meetings;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MeetingsApiTest {

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;

    @BeforeEach
    void aCouncil() {
        s = f.council();
    }

    private String topic(String title) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", title, "description", "请大家议一议。"),
                f.tokens.citizen()).get("id").toString();
    }

    private String representative(String name, LocalDate start, LocalDate end) {
        return f.post("/api/v1/council/councils/" + s.councilId() + "/representatives",
                Map.of("name", name, "termStart", start.toString(), "termEnd", end.toString()), s.convener()).get("id").toString();
    }

    private Map<String, Object> meeting(Instant start, List<String> agenda, String token, String councilId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "第三季度议事会议");
        body.put("place", "村委会二楼会议室");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(2, ChronoUnit.HOURS).toString());
        body.put("agenda", agenda);
        return f.post("/api/v1/council/councils/" + councilId + "/meetings", body, token);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMeetingIsScheduledResidentsRegisterAndAttendanceAndMinutesCloseIt() throws InterruptedException {
        String lamps = topic("村口路灯维修");
        String road = topic("修缮村道");
        LocalDate today = LocalDate.now();
        String huang = representative("黄大伯", today.minusYears(1), today.plusYears(2));
        String former = representative("农阿姨", today.minusYears(6), today.minusYears(1));

        Map<String, Object> m = meeting(Instant.now().plusSeconds(3), List.of(lamps, road), s.convener(), s.councilId());
        String id = m.get("id").toString();
        assertThat(m.get("status")).isEqualTo("SCHEDULED");
        assertThat((List<Map<String, Object>>) m.get("agenda")).extracting(a -> a.get("title")).containsExactly("村口路灯维修", "修缮村道");
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.meeting.v1' and event_key = ? and event_type = 'MeetingScheduled'", id))
                .isEqualTo(1);

        Map<String, Object> publicPage = f.get("/api/v1/council/public/councils/" + s.councilId(), null);
        assertThat((List<Map<String, Object>>) publicPage.get("upcomingMeetings")).extracting(x -> x.get("id")).containsExactly(id);

        String resident = UUID.randomUUID().toString();
        String residentToken = f.tokens.citizen(resident);
        assertThat(f.post("/api/v1/council/meetings/" + id + "/registrations", Map.of(), residentToken).get("registrations")).isEqualTo(1);
        assertThat(detail(refused(() -> f.post("/api/v1/council/meetings/" + id + "/registrations", Map.of(), residentToken)))).contains("已报名");

        Map<String, Object> record = new HashMap<>(Map.of("representativesPresent", List.of(huang), "registeredPresent", List.of(resident),
                "walkIns", 12, "minutes", "一、路灯由村委统一报修；二、村道修缮提交两委会商议。"));
        var early = refused(() -> f.post("/api/v1/council/meetings/" + id + "/record", record, s.convener()));
        assertThat(early.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(early)).contains("尚未开始");

        Thread.sleep(3500);
        var late = refused(() -> f.post("/api/v1/council/meetings/" + id + "/registrations", Map.of(), f.tokens.citizen()));
        assertThat(late.getStatus().getCode()).isEqualTo(409);

        Map<String, Object> outOfTerm = new HashMap<>(record);
        outOfTerm.put("representativesPresent", List.of(huang, former));
        assertThat(detail(refused(() -> f.post("/api/v1/council/meetings/" + id + "/record", outOfTerm, s.convener())))).contains("不在任期内");
        Map<String, Object> unregistered = new HashMap<>(record);
        unregistered.put("registeredPresent", List.of(resident, UUID.randomUUID().toString()));
        assertThat(refused(() -> f.post("/api/v1/council/meetings/" + id + "/record", unregistered, s.convener())).getStatus().getCode())
                .isEqualTo(400);

        Map<String, Object> held = f.post("/api/v1/council/meetings/" + id + "/record", record, s.convener());
        assertThat(held.get("status")).isEqualTo("HELD");
        assertThat(held.get("representativesPresent")).isEqualTo(List.of("黄大伯"));
        assertThat(held.get("residentsPresent")).isEqualTo(1);
        assertThat(held.get("walkIns")).isEqualTo(12);
        assertThat(held.get("minutes").toString()).contains("路灯由村委统一报修");
        assertThat(refused(() -> f.post("/api/v1/council/meetings/" + id + "/record", record, s.convener())).getStatus().getCode()).isEqualTo(409);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'council.meeting.v1' and event_key = ? and event_type = 'MeetingHeld'", id))
                .isEqualTo(1);
        assertThat(f.list("/api/v1/council/councils/" + s.councilId() + "/meetings?upcoming=true", residentToken)).isEmpty();
        // Empty lists are left out of the JSON.
        assertThat((List<?>) f.get("/api/v1/council/public/councils/" + s.councilId(), null).getOrDefault("upcomingMeetings", List.of())).isEmpty();
        assertThat(f.list("/api/v1/council/councils/" + s.councilId() + "/meetings", residentToken)).hasSize(1);
    }

    @Test
    void theAgendaHoldsOnlyThisCouncilsLiveTopicsAndTimesMustMakeSense() {
        String declined = topic("超范围事项");
        f.post("/api/v1/council/topics/" + declined + "/decline", Map.of("reason", "超出村级事务范围"), s.convener());
        var closed = refused(() -> meeting(Instant.now().plusSeconds(3600), List.of(declined), s.convener(), s.councilId()));
        assertThat(detail(closed)).contains("不能列入议程");

        CouncilFixture.Setup other = f.council();
        String foreign = f.post("/api/v1/council/councils/" + other.councilId() + "/topics", Map.of("title", "别村的议题", "description", "……"),
                f.tokens.citizen()).get("id").toString();
        assertThat(detail(refused(() -> meeting(Instant.now().plusSeconds(3600), List.of(foreign), s.convener(), s.councilId()))))
                .contains("本议事会");
        assertThat(refused(() -> meeting(Instant.now().minusSeconds(60), List.of(), s.convener(), s.councilId())).getStatus().getCode())
                .isEqualTo(400);
    }

    @Test
    void anotherCouncilsConvenerCannotScheduleOrRecord() {
        CouncilFixture.Setup other = f.councilElsewhere(s);
        var schedule = refused(() -> meeting(Instant.now().plusSeconds(3600), List.of(), other.convener(), s.councilId()));
        assertThat(schedule.getStatus().getCode()).isEqualTo(403);
        String id = meeting(Instant.now().plusSeconds(3600), List.of(), s.convener(), s.councilId()).get("id").toString();
        var record = refused(() -> f.post("/api/v1/council/meetings/" + id + "/record", Map.of("minutes", "伪造纪要"), other.convener()));
        assertThat(record.getStatus().getCode()).isEqualTo(403);
        var citizen = refused(() -> meeting(Instant.now().plusSeconds(3600), List.of(), f.tokens.citizen(), s.councilId()));
        assertThat(citizen.getStatus().getCode()).isEqualTo(403);
    }
}
