package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.volunteers.VolunteerFixture;
import cn.nanning.civic.volunteers.statistics.VolunteerStatistics;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class TransfersApiTest {

    @Inject
    VolunteerFixture f;

    @Inject
    VolunteerStatistics statistics;

    private List<Map<String, Object>> post(String path, Object body, String token) {
        return (List<Map<String, Object>>) (List<?>) f.client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(Map.class));
    }

    private String otherDistrictVillage(String village) {
        return f.string("select code from kernel.region where level = 'village' and code not like ? order by random() limit 1",
                village.substring(0, 6) + "%");
    }

    @Test
    void anAdministratorMovesAVolunteerToAnotherDistrictAndTheHistoryHoursAndStatisticsFollow() {
        String from = f.villageIn(f.randomTownship());
        var person = f.volunteer(from, List.of("急救"));
        f.execute("""
                insert into volunteers.hours_ledger (volunteer_id, minutes, kind, recorded_by, recorded_at, source, external_ref)
                values (?::uuid, 150, 'CONFIRMED', 'test', now(), '测试', ?)""", person.volunteerId(), "transfer-test:" + person.volunteerId());
        String to = otherDistrictVillage(from);
        String oldAdmin = f.tokens.staff("ADMIN", from.substring(0, 6));
        String newAdmin = f.tokens.staff("ADMIN", to.substring(0, 6));
        assertThat(refused(() -> post("/api/v1/volunteers/" + person.volunteerId() + "/transfers",
                Map.of("toRegion", to, "reason", "迁居"), newAdmin)).getStatus().getCode()).as("only the current area moves the record").isEqualTo(403);
        statistics.refresh();

        List<Map<String, Object>> history = post("/api/v1/volunteers/" + person.volunteerId() + "/transfers",
                Map.of("toRegion", to, "reason", "迁居至新住址"), oldAdmin);
        assertThat(history).singleElement().satisfies(t -> {
            assertThat(t.get("fromRegion")).isEqualTo(from);
            assertThat(t.get("toRegion")).isEqualTo(to);
            assertThat(t.get("reason")).isEqualTo("迁居至新住址");
            assertThat(t.get("toRegionName").toString()).isNotBlank();
        });

        Map<?, ?> me = f.get("/api/v1/volunteers/me", person.token(), Map.class);
        assertThat(me.get("homeRegion")).isEqualTo(to);
        assertThat(((Number) f.get("/api/v1/volunteers/me/hours", person.token(), Map.class).get("confirmedMinutes")).longValue()).isEqualTo(150);
        assertThat(f.get("/api/v1/volunteers/" + person.volunteerId(), newAdmin, Map.class).get("id")).isEqualTo(person.volunteerId());
        assertThat(refused(() -> f.get("/api/v1/volunteers/" + person.volunteerId(), oldAdmin, Map.class)).getStatus().getCode()).isEqualTo(404);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'volunteers.transfer' and target_id = ? and detail = ?",
                person.volunteerId(), from + " -> " + to)).isEqualTo(1);
        String event = f.string("select payload from kernel.outbox where event_key = ? and event_type = 'VolunteerTransferred'", person.volunteerId());
        assertThat(event).contains(from).contains(to).doesNotContain(person.idNumber());

        VolunteerStatistics.Refresh run = statistics.refresh();
        assertThat(run.villages()).contains(from, to);
        assertThat(f.refusedStatement("delete from volunteers.volunteer_transfer where volunteer_id = ?::uuid", person.volunteerId()))
                .contains("append-only");
    }

    @Test
    void aVolunteerMovesThemselfAndBadDestinationsAreExplained() {
        String from = f.villageIn(f.randomTownship());
        var person = f.volunteer(from, List.of("急救"));
        var same = refused(() -> post("/api/v1/volunteers/me/transfers", Map.of("toRegion", from, "reason", "迁居"), person.token()));
        assertThat(detail(same)).contains("相同");
        var township = refused(() -> post("/api/v1/volunteers/me/transfers", Map.of("toRegion", from.substring(0, 9), "reason", "迁居"), person.token()));
        assertThat(detail(township)).contains("村（社区）");
        String to = otherDistrictVillage(from);
        var noReason = refused(() -> post("/api/v1/volunteers/me/transfers", Map.of("toRegion", to), person.token()));
        assertThat(detail(noReason)).contains("转移原因");
        assertThat(refused(() -> post("/api/v1/volunteers/" + person.volunteerId() + "/transfers", Map.of("toRegion", to, "reason", "x"),
                f.tokens.staff("ORGANIZER", from.substring(0, 6)))).getStatus().getCode()).isEqualTo(403);

        assertThat(post("/api/v1/volunteers/me/transfers", Map.of("toRegion", to, "reason", "工作调动"), person.token())).hasSize(1);
        assertThat(f.client.toBlocking().retrieve(HttpRequest.GET("/api/v1/volunteers/me/transfers").bearerAuth(person.token()),
                io.micronaut.core.type.Argument.listOf(Map.class))).hasSize(1);
    }
}
