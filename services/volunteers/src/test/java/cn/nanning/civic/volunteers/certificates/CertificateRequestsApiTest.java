package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.volunteers.MovableClock;
import cn.nanning.civic.volunteers.VolunteerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nanning.civic.volunteers.VolunteerFixture.detail;
import static cn.nanning.civic.volunteers.VolunteerFixture.refused;
import static cn.nanning.civic.volunteers.VolunteerFixture.type;
import static org.assertj.core.api.Assertions.assertThat;

/** Volunteers ask for a certificate; the organiser of their area issues it or declines with a reason; the volunteer is told. */
@MicronautTest(transactional = false)
class CertificateRequestsApiTest {

    static final String MINE = "/api/v1/volunteers/me/certificate-requests";
    static final String OPEN = "/api/v1/volunteers/certificate-requests";

    @Inject
    VolunteerFixture f;

    @Inject
    MovableClock clock;

    String township;
    String organiser;

    @BeforeEach
    void anOrganiser() {
        township = f.randomTownship();
        organiser = f.tokens.staff("ORGANIZER", township);
    }

    @AfterEach
    void realTimeAgain() {
        clock.release();
    }

    /** A volunteer of the township with {@code minutes} confirmed at an activity. */
    VolunteerFixture.Person served(int minutes) {
        return f.served(township, organiser, minutes);
    }

    Map<?, ?> ask(VolunteerFixture.Person p, Map<String, Object> body) {
        HttpResponse<Map> r = f.client.toBlocking().exchange(HttpRequest.POST(MINE, body).bearerAuth(p.token()), Map.class);
        assertThat(r.getStatus().getCode()).isEqualTo(201);
        return r.body();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items(String path, String token) {
        Map<?, ?> page = f.get(path, token, Map.class);
        assertThat(page.keySet().stream().map(Object::toString).toList()).contains("items", "page", "size", "total");
        return (List<Map<String, Object>>) page.get("items");
    }

    long notices(VolunteerFixture.Person p, String text) {
        return f.count("""
                select count(*) from kernel.outbox where topic = 'notifications.citizen.v1' and event_key = ?
                and payload::text like '%volunteer-record%' and payload::text like ?""", p.accountId(), "%" + text + "%");
    }

    long events(String requestId, String type) {
        return f.count("select count(*) from kernel.outbox where topic = 'volunteers.certificate-request.v1' and event_key = ? and event_type = ?",
                requestId, type);
    }

    @Test
    void aVolunteerAsksTheOrganiserIssuesAndTheVolunteerIsTold() {
        var person = served(90);
        Map<?, ?> asked = ask(person, Map.of("kind", "SERVICE_HOURS", "purpose", "申请入学材料"));
        String id = asked.get("id").toString();
        assertThat(asked.get("status")).isEqualTo("OPEN");
        assertThat(asked.get("statusLabel")).isEqualTo("待处理");
        assertThat(asked.get("kindLabel")).isEqualTo("志愿服务时长证明");
        assertThat(asked.get("purpose")).isEqualTo("申请入学材料");
        assertThat(events(id, "CertificateRequested")).isEqualTo(1);

        HttpClientResponseException again = refused(() -> ask(person, Map.of("kind", "SERVICE_HOURS")));
        assertThat(again.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(again)).isEqualTo("您已申请过志愿服务时长证明，正在等待组织方处理，请勿重复申请。");
        assertThat(items(MINE, person.token())).hasSize(1);

        Map<String, Object> open = items(OPEN + "?size=50", organiser).stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
        assertThat(open.get("volunteerName")).isEqualTo("韦**");
        assertThat(open.get("confirmedHours")).isEqualTo(1.5);
        assertThat(open.get("volunteerId")).isEqualTo(person.volunteerId());

        Map<?, ?> issued = f.post(OPEN + "/" + id + "/issue", Map.of("issuer", "中山街道志愿者协会", "contact", "0771-5550000"), organiser);
        assertThat(issued.get("status")).isEqualTo("ISSUED");
        assertThat(issued.get("statusLabel")).isEqualTo("已出具");
        String number = issued.get("certificateNumber").toString();
        assertThat(number).startsWith("NNZY");
        assertThat(f.count("select count(*) from volunteers.certificate where number = ? and volunteer_id = ?::uuid and total_minutes = 90",
                number, person.volunteerId())).isEqualTo(1);
        assertThat(events(id, "CertificateRequestIssued")).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.outbox where topic = 'volunteers.certificate.v1' and event_key = ?", number)).isEqualTo(1);
        assertThat(notices(person, number)).isEqualTo(1);

        Map<String, Object> mine = items(MINE, person.token()).get(0);
        assertThat(mine.get("statusLabel")).isEqualTo("已出具");
        assertThat(mine.get("certificateNumber")).isEqualTo(number);
        assertThat(mine.get("volunteerName")).as("the volunteer's own list needs no name").isNull();
        assertThat(items(OPEN + "?size=50", organiser)).noneMatch(r -> r.get("id").equals(id));

        HttpClientResponseException twice = refused(() -> f.post(OPEN + "/" + id + "/decline", Map.of("reason", "重复"), organiser));
        assertThat(twice.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(twice)).isEqualTo("该申请已经处理过了（已出具）。");
        assertThat(ask(person, Map.of("kind", "SERVICE_HOURS")).get("status")).as("once decided, a new request may follow").isEqualTo("OPEN");
    }

    @Test
    void aDeclineNeedsAReasonWhichTheVolunteerReads() {
        var person = served(60);
        String id = ask(person, Map.of("kind", "SERVICE_HOURS")).get("id").toString();

        HttpClientResponseException blank = refused(() -> f.post(OPEN + "/" + id + "/decline", Map.of("reason", " "), organiser));
        assertThat(blank.getStatus().getCode()).isEqualTo(400);
        assertThat(f.count("select count(*) from volunteers.certificate_request where id = ?::uuid and status = 'OPEN'", id)).isEqualTo(1);

        Map<?, ?> declined = f.post(OPEN + "/" + id + "/decline", Map.of("reason", "服务时长尚在核对，请下月再申请"), organiser);
        assertThat(declined.get("status")).isEqualTo("DECLINED");
        assertThat(declined.get("statusLabel")).isEqualTo("未出具");
        assertThat(declined.get("declineReason")).isEqualTo("服务时长尚在核对，请下月再申请");
        assertThat(events(id, "CertificateRequestDeclined")).isEqualTo(1);
        assertThat(notices(person, "服务时长尚在核对")).isEqualTo(1);
        assertThat(items(MINE, person.token()).get(0).get("declineReason")).isEqualTo("服务时长尚在核对，请下月再申请");
        assertThat(f.count("select count(*) from volunteers.certificate where volunteer_id = ?::uuid", person.volunteerId())).isZero();
    }

    @Test
    void badRequestsAreRefusedInChineseAndNothingIsWritten() {
        var fresh = f.volunteer(f.villageIn(township), List.of());
        HttpClientResponseException noHours = refused(() -> ask(fresh, Map.of("kind", "SERVICE_HOURS")));
        assertThat(noHours.getStatus().getCode()).isEqualTo(409);
        assertThat(detail(noHours)).isEqualTo("您还没有经组织方确认的服务时长，暂不能申请志愿服务时长证明。");

        var person = served(60);
        HttpClientResponseException unknownKind = refused(() -> ask(person, Map.of("kind", "AWARD")));
        assertThat(unknownKind.getStatus().getCode()).isEqualTo(400);
        assertThat(unknownKind.getResponse().getBody(String.class).orElse("")).contains("没有这种证明");
        assertThat(refused(() -> ask(person, Map.of())).getStatus().getCode()).isEqualTo(400);
        assertThat(refused(() -> ask(person, Map.of("kind", "SERVICE_HOURS", "purpose", "长".repeat(101)))).getStatus().getCode()).isEqualTo(400);
        assertThat(f.count("select count(*) from volunteers.certificate_request where volunteer_id in (?::uuid, ?::uuid)",
                fresh.volunteerId(), person.volunteerId())).isZero();
        assertThat(items(MINE, person.token())).isEmpty();
    }

    @Test
    void staffOutsideTheVolunteersAreaNeitherSeeNorDecideTheRequest() {
        var person = served(60);
        String id = ask(person, Map.of("kind", "SERVICE_HOURS")).get("id").toString();
        String elsewhere = f.tokens.staff("ORGANIZER", f.string("select code from kernel.region where level = 'township' and code not like ? limit 1",
                township.substring(0, 6) + "%"));
        assertThat(items(OPEN + "?size=50", elsewhere)).noneMatch(r -> r.get("id").equals(id));
        HttpClientResponseException e = refused(() -> f.post(OPEN + "/" + id + "/issue", Map.of("issuer", "某协会", "contact", "0771-1"), elsewhere));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(e)).isEqualTo("没有找到该证明申请。");

        HttpClientResponseException citizen = refused(() -> f.get(OPEN, person.token(), Map.class));
        assertThat(citizen.getStatus().getCode()).isEqualTo(403);
        assertThat(refused(() -> f.post(OPEN + "/" + id + "/decline", Map.of("reason", "自己拒绝"), person.token())).getStatus().getCode())
                .isEqualTo(403);
        assertThat(type(refused(() -> f.get(MINE, f.tokens.citizen(), Map.class)))).isNotBlank();
        assertThat(f.count("select count(*) from volunteers.certificate_request where id = ?::uuid and status = 'OPEN'", id)).isEqualTo(1);
    }
}
