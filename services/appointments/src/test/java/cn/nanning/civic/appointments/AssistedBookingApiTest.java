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

/** 代为预约: a village service-point clerk books a legal consultation at the counter for a resident without the mini-program. */
@MicronautTest(transactional = false)
class AssistedBookingApiTest {

    private static final String PATH = "/api/v1/appointments/legal-aid/consultations/assisted";
    /** Monday 29 September 2025, 08:00: Monday and Tuesday are working days, 1–8 October is the National Day holiday. */
    private static final String MONDAY_MORNING = "2025-09-29T08:00:00+08:00";

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @BeforeEach
    void standOnAKnownDay() {
        clock.set(MONDAY_MORNING);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private String clerk() {
        return api.tokens.staff(UUID.randomUUID().toString(), "CLERK", "450103001001");
    }

    private Map<String, Object> body(Api.Provider lawyer, String startsAt, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("providerId", lawyer.id());
        body.put("startsAt", startsAt);
        body.put("topic", "承包地被占用，想咨询怎么维权");
        body.put("residentName", "韦秀英");
        body.put("residentPhone", phone);
        body.put("consent", true);
        return body;
    }

    @Test
    void aClerkBooksForAResidentWhoIsShownMaskedStoredEncryptedAndOnTheLawyersAgenda() {
        Api.Provider lawyer = api.lawyer();
        String clerk = clerk();
        Map<?, ?> booked = api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", "13977112233"), clerk);
        String id = booked.get("bookingId").toString();
        assertThat(booked.get("residentName")).isEqualTo("韦**");
        assertThat(booked.get("residentPhone")).isEqualTo("139****2233");
        assertThat(booked.get("status")).isEqualTo("CONFIRMED");
        assertThat(booked.toString()).doesNotContain("13977112233").doesNotContain("韦秀英");

        assertThat(api.count("select count(*) from appointments.assisted_booking where booking_id = ?::uuid "
                + "and resident_name not like '%韦秀英%' and resident_phone not like '%13977112233%'", id)).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'appointments.assisted-booking.create'", id))
                .isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingConfirmed' and payload not like '%13977112233%'", id))
                .isEqualTo(1);

        assertThat(api.list(PATH, clerk)).extracting(b -> b.get("bookingId")).containsExactly(id);
        assertThat(api.list("/api/v1/appointments/bookings/agenda?from=2025-09-30&to=2025-09-30", lawyer.token()))
                .extracting(b -> b.get("id")).containsExactly(id);
        assertThat(api.get(PATH + "/" + id, lawyer.token()).get("residentPhone")).as("the lawyer can call back, masked here")
                .isEqualTo("139****2233");

        Map<?, ?> cancelled = api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of("reason", "居民另有安排"), clerk);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
    }

    @Test
    void consentAPhoneNumberAndALegalProviderAreRequiredAndOnlyClerksMayBookThisWay() {
        Api.Provider lawyer = api.lawyer();
        String clerk = clerk();
        Map<String, Object> noConsent = body(lawyer, "2025-09-30T09:00:00+08:00", "13977112233");
        noConsent.put("consent", false);
        assertThat(refused(400, () -> api.post(PATH, noConsent, clerk)).get("detail").toString()).contains("同意");
        assertThat(refused(400, () -> api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", "0771-5512345"), clerk))
                .get("detail").toString()).contains("手机号码");
        Api.Provider counsellor = api.provider("COUNSELLOR", 50, 10, 60, 14);
        assertThat(refused(400, () -> api.post(PATH, body(counsellor, "2025-09-30T09:00:00+08:00", "13977112233"), clerk))
                .get("detail").toString()).as("psychology is never booked through a clerk").contains("不提供法律咨询预约");
        refused(403, () -> api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", "13977112233"), api.tokens.citizen()));
        refused(403, () -> api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", "13977112233"), api.admin()));
        assertThat(api.count("select count(*) from appointments.booking where provider_id = ?::uuid", lawyer.id()))
                .as("nothing half-written").isZero();
    }

    @Test
    void anotherClerkCannotSeeOrCancelIt() {
        Api.Provider lawyer = api.lawyer();
        String id = api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", "13977110000"), clerk()).get("bookingId").toString();
        String other = clerk();
        // Another clerk gets the same answer as for a booking that does not exist: nothing tells them it does.
        assertThat(refused(404, () -> api.get(PATH + "/" + id, other)).get("detail").toString()).isEqualTo("预约不存在。");
        refused(404, () -> api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of("reason", "x"), other));
        refused(404, () -> api.get(PATH + "/" + id, api.tokens.citizen()));
        assertThat(api.list(PATH, other)).isEmpty();
        assertThat(api.get("/api/v1/appointments/bookings/" + id, lawyer.token()).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void theWeeklyLimitCountsPerResidentNotPerClerk() {
        Api.Provider lawyer = api.lawyer();
        String clerk = clerk();
        String phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        for (String time : new String[]{"2025-09-29T09:00:00+08:00", "2025-09-29T09:40:00+08:00", "2025-09-29T10:20:00+08:00"}) {
            api.post(PATH, body(lawyer, time, phone), clerk);
        }
        Map<?, ?> fourth = refused(409, () -> api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", phone), clerk()));
        assertThat(fourth.get("detail").toString()).contains("同一周内最多");
        String neighbour = "138" + phone.substring(3);
        assertThat(api.post(PATH, body(lawyer, "2025-09-30T09:00:00+08:00", neighbour), clerk).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aResidentWithoutAMobileIsBookedWithARelativesNumberOrNoneAndTheLawyerReadsItInFullAudited() {
        Api.Provider lawyer = api.lawyer();
        String clerk = clerk();
        Map<String, Object> relative = body(lawyer, "2025-09-30T09:00:00+08:00", "13977115566");
        relative.put("contactKind", "RELATIVE");
        assertThat(refused(400, () -> api.post(PATH, relative, clerk)).get("detail").toString()).contains("关系");
        relative.put("contactRelation", "儿子");
        Map<?, ?> viaSon = api.post(PATH, relative, clerk);
        String id = viaSon.get("bookingId").toString();
        assertThat(viaSon.get("residentPhone")).isEqualTo("139****5566（儿子）");

        Map<String, Object> none = body(lawyer, "2025-09-30T09:40:00+08:00", null);
        none.put("contactKind", "NONE");
        Map<?, ?> noPhone = api.post(PATH, none, clerk);
        assertThat(noPhone.get("residentPhone")).isEqualTo("无手机");
        assertThat(noPhone.get("contactKind")).isEqualTo("NONE");

        Map<?, ?> contact = api.get(PATH + "/" + id + "/contact", lawyer.token());
        assertThat(contact.get("residentName")).isEqualTo("韦秀英");
        assertThat(contact.get("phone")).isEqualTo("13977115566");
        assertThat(contact.get("contactRelation")).isEqualTo("儿子");
        assertThat(api.get(PATH + "/" + noPhone.get("bookingId") + "/contact", lawyer.token()).get("phone")).isNull();
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'appointments.assisted-booking.contact-read'"
                + " and outcome = 'SUCCESS'", id)).isEqualTo(1);

        Api.Provider otherLawyer = api.lawyer();
        refused(404, () -> api.get(PATH + "/" + id + "/contact", otherLawyer.token()));
        refused(404, () -> api.get(PATH + "/" + id + "/contact", clerk()));
        assertThat(api.count("select count(*) from kernel.audit_log where target_id = ? and action = 'appointments.assisted-booking.contact-read'"
                + " and outcome = 'DENIED'", id)).as("a refused read is audited too").isGreaterThanOrEqualTo(1);
    }
}
