package cn.nanning.civic.appointments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

/** Completed consultations of volunteer lawyers leave on appointments.consultation-completed.v1 for volunteer hours. */
@MicronautTest(transactional = false)
class ConsultationCompletionApiTest {

    static final String CONSULTATIONS = "/api/v1/appointments/legal-aid/consultations";

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @BeforeEach
    void standOnAKnownDay() {
        clock.set(BookingEngineApiTest.MONDAY_MORNING);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private String book(Api.Provider lawyer, String mode) {
        return api.post(CONSULTATIONS, Map.of("providerId", lawyer.id(), "startsAt", "2025-09-30T09:00:00+08:00", "mode", mode,
                "topic", "劳动合同纠纷"), api.tokens.citizen()).get("id").toString();
    }

    private long completedEvents(String bookingId) {
        return api.count("select count(*) from kernel.outbox where topic = 'appointments.consultation-completed.v1' and event_key = ?", bookingId);
    }

    @Test
    void aVolunteerLawyersCompletedConsultationIsPublishedWithTheTimeItTook() {
        Api.Provider lawyer = api.lawyer();
        String volunteerAccount = UUID.randomUUID().toString();
        Map<?, ?> flag = api.put("/api/v1/appointments/providers/" + lawyer.id() + "/volunteer-lawyer",
                Map.of("volunteer", true, "volunteerAccountId", volunteerAccount), api.admin());
        assertThat(flag.get("volunteer")).isEqualTo(true);
        String id = book(lawyer, "IN_PERSON");

        refused(409, () -> api.post(CONSULTATIONS + "/" + id + "/completed", Map.of(), lawyer.token()));
        clock.set("2025-09-30T10:00:00+08:00");
        Map<String, Object> times = new HashMap<>();
        times.put("startedAt", "2025-09-30T09:05:00+08:00");
        times.put("endedAt", "2025-09-30T09:50:00+08:00");
        Map<?, ?> done = api.post(CONSULTATIONS + "/" + id + "/completed", times, lawyer.token());
        assertThat(done.get("minutes")).isEqualTo(45);
        assertThat(done.get("volunteerLawyer")).isEqualTo(true);

        assertThat(completedEvents(id)).isEqualTo(1);
        assertThat(api.count("""
                select count(*) from kernel.outbox where topic = 'appointments.consultation-completed.v1' and event_key = ?
                and event_type = 'ConsultationCompleted' and payload::jsonb -> 'consultation' @> ?::jsonb""", id,
                "{\"bookingId\":\"" + id + "\",\"providerAccountId\":\"" + lawyer.accountId() + "\",\"volunteerAccountId\":\"" + volunteerAccount
                        + "\",\"startedAt\":\"2025-09-30T01:05:00Z\",\"endedAt\":\"2025-09-30T01:50:00Z\",\"minutes\":45,"
                        + "\"place\":\"新竹街道公共法律服务站\"}")).isEqualTo(1);
        assertThat(api.get("/api/v1/appointments/bookings/" + id, lawyer.token()).get("status")).isEqualTo("ATTENDED");

        // Completing twice would count the hours twice.
        Map<?, ?> again = refused(409, () -> api.post(CONSULTATIONS + "/" + id + "/completed", Map.of(), lawyer.token()));
        assertThat(again.get("detail").toString()).contains("不能重复登记");
        assertThat(completedEvents(id)).isEqualTo(1);
    }

    @Test
    void anOrdinaryLawyersConsultationIsCompletedWithoutAVolunteerEvent() {
        Api.Provider lawyer = api.lawyer();
        String id = book(lawyer, "ONLINE");
        clock.set("2025-09-30T10:00:00+08:00");
        Map<?, ?> done = api.post(CONSULTATIONS + "/" + id + "/completed", Map.of(), lawyer.token());
        assertThat(done.get("minutes")).isEqualTo(30);
        assertThat(done.get("volunteerLawyer")).isEqualTo(false);
        assertThat(done.get("place").toString()).startsWith("线上咨询");
        assertThat(completedEvents(id)).isZero();
    }

    @Test
    void onlyTheLawyerOfTheBookingOrAnAdministratorOverThePlaceCompletesIt() {
        Api.Provider lawyer = api.lawyer();
        Api.Provider other = api.lawyer();
        String id = book(lawyer, "IN_PERSON");
        clock.set("2025-09-30T10:00:00+08:00");
        refused(404, () -> api.post(CONSULTATIONS + "/" + id + "/completed", Map.of(), other.token()));
        refused(403, () -> api.post(CONSULTATIONS + "/" + id + "/completed", Map.of(), api.tokens.citizen()));
        Map<String, Object> backwards = new HashMap<>();
        backwards.put("startedAt", "2025-09-30T09:30:00+08:00");
        backwards.put("endedAt", "2025-09-30T09:10:00+08:00");
        Map<?, ?> problem = refused(400, () -> api.post(CONSULTATIONS + "/" + id + "/completed", backwards, lawyer.token()));
        assertThat(problem.get("detail").toString()).contains("结束时间必须晚于开始时间");
        // A counsellor cannot be a volunteer lawyer; a lawyer cannot flag themself.
        Api.Provider counsellor = api.provider("COUNSELLOR", 50, 10, 60, 14);
        refused(400, () -> api.put("/api/v1/appointments/providers/" + counsellor.id() + "/volunteer-lawyer", Map.of("volunteer", true), api.admin()));
        refused(403, () -> api.put("/api/v1/appointments/providers/" + lawyer.id() + "/volunteer-lawyer", Map.of("volunteer", true), lawyer.token()));
    }
}
