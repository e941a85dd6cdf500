package cn.nanning.civic.appointments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PsychologyApiTest {

    static final String PATH = "/api/v1/appointments/psychology";
    static final List<Integer> CALM_PHQ9 = List.of(1, 0, 1, 0, 0, 1, 0, 0, 0);
    static final List<Integer> RISKY_PHQ9 = List.of(2, 2, 1, 2, 1, 1, 1, 0, 1);

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @BeforeEach
    void standOnAKnownDay() {
        clock.set("2025-09-29T08:00:00+08:00");
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Api.Provider counsellor() {
        return api.provider("COUNSELLOR", 50, 10, 60, 14);
    }

    private Map<String, Object> booking(Api.Provider counsellor, String startsAt, String idNumber, List<Integer> phq9) {
        Map<String, Object> body = new HashMap<>();
        body.put("providerId", counsellor.id());
        body.put("startsAt", startsAt);
        body.put("mode", "IN_PERSON");
        body.put("idNumber", idNumber);
        if (phq9 != null) {
            body.put("screening", Map.of("phq9", phq9, "gad7", List.of(1, 1, 0, 0, 1, 0, 0)));
        }
        return body;
    }

    private Map<?, ?> book(Api.Provider counsellor, String startsAt, List<Integer> phq9, String citizen) {
        return api.post(PATH + "/bookings", booking(counsellor, startsAt, TestIds.bornOn("19900101"), phq9), citizen);
    }

    @Test
    void aRiskyScreeningReturnsTheCrisisHotlineAtOnceAndPutsTheBookingFirstForTheCounsellor() {
        Api.Provider counsellor = counsellor();
        Map<?, ?> calm = book(counsellor, "2025-09-30T09:00:00+08:00", CALM_PHQ9, api.tokens.citizen());
        assertThat(calm.get("urgent")).isEqualTo(false);
        assertThat(calm.get("crisisHotline")).isNull();
        assertThat(((Map<?, ?>) calm.get("screening")).get("phq9Level")).isEqualTo("无或极轻微");

        Map<?, ?> risky = book(counsellor, "2025-09-30T10:00:00+08:00", RISKY_PHQ9, api.tokens.citizen());
        assertThat(risky.get("urgent")).isEqualTo(true);
        Map<?, ?> hotline = (Map<?, ?>) risky.get("crisisHotline");
        assertThat(hotline.get("number")).isEqualTo("12356");
        assertThat(hotline.get("message").toString()).contains("全国心理援助热线 12356");
        assertThat(((Map<?, ?>) risky.get("screening")).get("phq9Score")).isEqualTo(11);

        List<Map<String, Object>> agenda = api.list("/api/v1/appointments/bookings/agenda?from=2025-09-30&to=2025-09-30", counsellor.token());
        assertThat(agenda).extracting(b -> b.get("urgent")).containsExactly(true, false);
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingConfirmed' and payload like '%\"urgent\":true%'",
                ((Map<?, ?>) risky.get("booking")).get("id").toString())).isEqualTo(1);
    }

    @Test
    void theSelfCheckAloneShowsTheHotlineWithoutBooking() {
        Map<?, ?> answer = api.post(PATH + "/screening", Map.of("phq9", RISKY_PHQ9), api.tokens.citizen());
        assertThat(((Map<?, ?>) answer.get("crisisHotline")).get("number")).isEqualTo("12356");
        assertThat(api.post(PATH + "/screening", Map.of("phq9", CALM_PHQ9), api.tokens.citizen()).get("crisisHotline")).isNull();
        var problem = refused(400, () -> api.post(PATH + "/screening", Map.of("phq9", List.of(1, 2, 3)), api.tokens.citizen()));
        assertThat(problem.get("detail").toString()).contains("全部 9 道题");
    }

    @Test
    void minorsNeedTheirGuardiansConsent() {
        Api.Provider counsellor = counsellor();
        Map<String, Object> minor = booking(counsellor, "2025-09-30T09:00:00+08:00", TestIds.bornOn("20100101"), null);
        var problem = refused(400, () -> api.post(PATH + "/bookings", minor, api.tokens.citizen()));
        assertThat(problem.get("detail").toString()).contains("监护人同意");
        minor.put("guardian", Map.of("name", "陈建国", "relation", "父亲", "phone", "13807711234", "consent", false));
        refused(400, () -> api.post(PATH + "/bookings", minor, api.tokens.citizen()));
        minor.put("guardian", Map.of("name", "陈建国", "relation", "父亲", "phone", "13807711234", "consent", true));
        Map<?, ?> booked = api.post(PATH + "/bookings", minor, api.tokens.citizen());
        assertThat(booked.get("minor")).isEqualTo(true);
        // Nothing was booked by the refused attempts: the slot went to the consented request.
        assertThat(api.count("select count(*) from appointments.booking where provider_id = ?::uuid", counsellor.id())).isEqualTo(1);
        // Someone who turned 18 yesterday books without a guardian.
        assertThat(api.post(PATH + "/bookings", booking(counsellor, "2025-09-30T10:00:00+08:00", TestIds.bornOn("20070928"), null),
                api.tokens.citizen()).get("minor")).isEqualTo(false);
    }

    @Test
    void anAdultBooksWithoutAnIdNumberByDeclaringTheirAgeAndTheCounsellorSeesThatDeclaration() {
        Api.Provider counsellor = counsellor();
        Map<String, Object> anonymous = booking(counsellor, "2025-09-30T09:00:00+08:00", null, RISKY_PHQ9);
        var refusedWithout = refused(400, () -> api.post(PATH + "/bookings", anonymous, api.tokens.citizen()));
        assertThat(refusedWithout.get("detail").toString()).contains("年满 18 周岁的也可以不填");
        assertThat(api.count("select count(*) from appointments.booking where provider_id = ?::uuid", counsellor.id())).isZero();

        anonymous.put("adult", true);
        Map<?, ?> booked = api.post(PATH + "/bookings", anonymous, api.tokens.citizen());
        assertThat(booked.get("minor")).isEqualTo(false);
        assertThat(booked.get("urgent")).isEqualTo(true);
        String id = ((Map<?, ?>) booked.get("booking")).get("id").toString();
        Map<?, ?> client = api.get(PATH + "/bookings/" + id + "/client", counsellor.token());
        assertThat(client.get("idNumber")).isNull();
        assertThat(client.get("age")).isNull();
        assertThat(client.get("adultDeclared")).isEqualTo(true);
        assertThat(api.count("select count(*) from appointments.psychology_intake where booking_id = ?::uuid"
                + " and client_id_number is null and adult_declared_at is not null", id)).isEqualTo(1);

        // A declaration does not override a number: a child's number still needs the guardian.
        Map<String, Object> child = booking(counsellor, "2025-09-30T10:00:00+08:00", TestIds.bornOn("20100101"), null);
        child.put("adult", true);
        assertThat(refused(400, () -> api.post(PATH + "/bookings", child, api.tokens.citizen())).get("detail").toString())
                .contains("监护人同意");
    }

    @Test
    void counsellingNotesAreEncryptedAndOnlyTheCounsellorAndSharedSupervisorsReadThem() {
        Api.Provider counsellor = counsellor();
        Api.Provider supervisor = counsellor();
        Api.Provider colleague = counsellor();
        String citizen = api.tokens.citizen();
        String id = ((Map<?, ?>) book(counsellor, "2025-09-30T09:00:00+08:00", CALM_PHQ9, citizen).get("booking")).get("id").toString();
        String text = "来访者近期工作压力大，睡眠欠佳，约定下周继续。";
        api.postForResponse(PATH + "/bookings/" + id + "/notes", Map.of("text", text), counsellor.token());
        assertThat(api.count("select count(*) from appointments.counselling_note where booking_id = ?::uuid and body like '%压力%'", id)).isZero();
        assertThat(api.list(PATH + "/bookings/" + id + "/notes", counsellor.token())).extracting(n -> n.get("text")).containsExactly(text);

        var colleagueRefused = refused(403, () -> api.list(PATH + "/bookings/" + id + "/notes", colleague.token()));
        assertThat(colleagueRefused.get("detail").toString()).contains("仅对该预约的咨询师");
        refused(403, () -> api.post(PATH + "/bookings/" + id + "/notes", Map.of("text", "x"), colleague.token()));
        refused(403, () -> api.list(PATH + "/bookings/" + id + "/notes", supervisor.token()));
        refused(403, () -> api.postForResponse(PATH + "/bookings/" + id + "/note-shares", Map.of("supervisorAccountId", colleague.accountId()), colleague.token()));

        assertThat(api.postForResponse(PATH + "/bookings/" + id + "/note-shares", Map.of("supervisorAccountId", supervisor.accountId()),
                counsellor.token()).getStatus().getCode()).isEqualTo(204);
        assertThat(api.list(PATH + "/bookings/" + id + "/notes", supervisor.token())).extracting(n -> n.get("text")).containsExactly(text);
        refused(403, () -> api.list(PATH + "/bookings/" + id + "/notes", colleague.token()));

        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'psychology.note.read' and outcome = 'SUCCESS'", id))
                .isEqualTo(2);
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'psychology.note.read' and outcome = 'DENIED'", id))
                .isEqualTo(3);
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and detail like '%压力%'", id)).isZero();
    }

    @Test
    void citizensSeeTheirOwnBookingButNeverNotes() {
        Api.Provider counsellor = counsellor();
        String citizen = api.tokens.citizen();
        String id = ((Map<?, ?>) book(counsellor, "2025-09-30T09:00:00+08:00", RISKY_PHQ9, citizen).get("booking")).get("id").toString();
        api.postForResponse(PATH + "/bookings/" + id + "/notes", Map.of("text", "评估记录"), counsellor.token());
        Map<?, ?> own = api.get(PATH + "/bookings/" + id, citizen);
        assertThat(own.get("urgent")).isEqualTo(true);
        assertThat(((Map<?, ?>) own.get("crisisHotline")).get("number")).isEqualTo("12356");
        assertThat(own.toString()).doesNotContain("评估记录");
        refused(403, () -> api.list(PATH + "/bookings/" + id + "/notes", citizen));
        refused(404, () -> api.get(PATH + "/bookings/" + id, api.tokens.citizen()));
        Map<?, ?> forCounsellor = api.get(PATH + "/bookings/" + id, counsellor.token());
        assertThat(((Map<?, ?>) forCounsellor.get("screening")).get("phq9Score")).isEqualTo(11);
        assertThat(forCounsellor.get("crisisHotline")).isNull();
    }

    @Test
    void theCounsellorOfAnUrgentBookingReadsWhoTheClientIsAndHowToReachThemAudited() {
        Api.Provider counsellor = counsellor();
        Map<String, Object> body = booking(counsellor, "2025-09-30T09:00:00+08:00", TestIds.bornOn("19900101"), RISKY_PHQ9);
        body.put("name", "陆小燕");
        body.put("phone", "13977118899");
        Map<?, ?> risky = api.post(PATH + "/bookings", body, api.tokens.citizen());
        String id = ((Map<?, ?>) risky.get("booking")).get("id").toString();

        Map<?, ?> client = api.get(PATH + "/bookings/" + id + "/client", counsellor.token());
        assertThat(client.get("name")).isEqualTo("陆小燕");
        assertThat(client.get("phone")).isEqualTo("13977118899");
        assertThat(client.get("idNumber").toString()).hasSize(18).doesNotContain("*");
        assertThat(client.get("urgent")).isEqualTo(true);
        assertThat(api.count("select count(*) from appointments.psychology_intake where booking_id = ?::uuid"
                + " and client_phone not like '%13977118899%' and client_name not like '%陆小燕%'", id)).as("stored encrypted").isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'psychology.client.read'"
                + " and outcome = 'SUCCESS'", id)).isEqualTo(1);
        refused(404, () -> api.get(PATH + "/bookings/" + id + "/client", anotherCounsellor().token()));
        Map<String, Object> badPhone = booking(counsellor, "2025-09-30T10:00:00+08:00", TestIds.bornOn("19900101"), CALM_PHQ9);
        badPhone.put("phone", "12345");
        assertThat(refused(400, () -> api.post(PATH + "/bookings", badPhone, api.tokens.citizen())).get("detail").toString())
                .contains("手机号码");
    }

    private Api.Provider anotherCounsellor() {
        return counsellor();
    }

    @Test
    void aLawyerCannotBeBookedAsACounsellor() {
        Api.Provider lawyer = api.lawyer();
        var problem = refused(400, () -> api.post(PATH + "/bookings", booking(lawyer, "2025-09-30T09:00:00+08:00", TestIds.bornOn("19900101"), null),
                api.tokens.citizen()));
        assertThat(problem.get("detail").toString()).contains("不提供心理咨询预约");
    }
}
