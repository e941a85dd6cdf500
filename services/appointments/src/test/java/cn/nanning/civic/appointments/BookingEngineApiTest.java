package cn.nanning.civic.appointments;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@MicronautTest(transactional = false)
class BookingEngineApiTest {

    /** Monday 29 September 2025, 08:00 in Nanning: the week before the National Day holiday (1–8 October). */
    static final String MONDAY_MORNING = "2025-09-29T08:00:00+08:00";

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

    private List<Map<String, Object>> slots(Api.Provider provider, String from, String to) {
        return api.list("/api/v1/appointments/providers/" + provider.id() + "/slots?from=" + from + "&to=" + to, api.tokens.citizen());
    }

    private static List<Object> starts(List<Map<String, Object>> slots) {
        return slots.stream().map(s -> s.get("startsAt")).toList();
    }

    private Map<?, ?> book(Api.Provider provider, String startsAt, String citizen) {
        return api.post("/api/v1/appointments/legal-aid/consultations",
                Map.of("providerId", provider.id(), "startsAt", startsAt, "mode", "IN_PERSON", "topic", "劳动合同纠纷"), citizen);
    }

    @Test
    void aRegionFilterCoversTheWholeAreaSoTheCityFindsADistrictsProviders() {
        Api.Provider lawyer = api.lawyer();
        String citizen = api.tokens.citizen();
        // Lists are capped, and earlier runs leave providers behind: check the township and the city by their content.
        assertThat(api.list("/api/v1/appointments/providers?kind=LAWYER&region=" + Api.TOWNSHIP, citizen))
                .isNotEmpty().allSatisfy(p -> assertThat(((Map<?, ?>) p.get("place")).get("regionCode").toString()).startsWith(Api.TOWNSHIP));
        assertThat(api.list("/api/v1/appointments/providers?kind=LAWYER&regionCode=450100", citizen))
                .as("the city covers its districts").isNotEmpty()
                .anySatisfy(p -> assertThat(((Map<?, ?>) p.get("place")).get("regionCode").toString()).startsWith(Api.DISTRICT));
        assertThat(api.list("/api/v1/appointments/places?region=450100", citizen))
                .extracting(p -> p.get("regionCode").toString()).isNotEmpty().allMatch(code -> code.startsWith("4501"));
        assertThat(api.list("/api/v1/appointments/providers?kind=LAWYER&regionCode=450102", citizen))
                .extracting(p -> p.get("id")).doesNotContain(lawyer.id());
        Map<?, ?> problem = Api.refused(400, () -> api.list("/api/v1/appointments/places?region=45", citizen));
        assertThat(problem.toString()).contains("区域代码");
    }

    @Test
    void slotsFollowTheWeeklyPlanWithSlotLengthAndBuffers() {
        Api.Provider lawyer = api.lawyer();
        assertThat(starts(slots(lawyer, "2025-09-30", "2025-09-30"))).containsExactly(
                "2025-09-30T09:00:00+08:00", "2025-09-30T09:40:00+08:00", "2025-09-30T10:20:00+08:00");
    }

    @Test
    void publicHolidaysFromTheCityCalendarOfferNoSlots() {
        Api.Provider lawyer = api.lawyer();
        List<Map<String, Object>> slots = slots(lawyer, "2025-09-30", "2025-10-02");
        assertThat(starts(slots)).allMatch(s -> s.toString().startsWith("2025-09-30")).hasSize(3);
    }

    @Test
    void leaveRemovesTheSlotsItCovers() {
        Api.Provider lawyer = api.lawyer();
        api.post("/api/v1/appointments/providers/" + lawyer.id() + "/absences",
                Map.of("startsAt", "2025-09-30T09:00:00+08:00", "endsAt", "2025-09-30T10:00:00+08:00", "reason", "年休假"), lawyer.token());
        assertThat(starts(slots(lawyer, "2025-09-30", "2025-09-30"))).containsExactly("2025-09-30T10:20:00+08:00");
    }

    @Test
    void slotsRespectTheMinimumNoticeAndTheBookingHorizon() {
        clock.set("2025-09-30T08:30:00+08:00");
        Api.Provider lawyer = api.lawyer();
        // One hour's notice: 09:00 is too soon at 08:30.
        assertThat(starts(slots(lawyer, "2025-09-30", "2025-09-30"))).containsExactly("2025-09-30T09:40:00+08:00", "2025-09-30T10:20:00+08:00");
        // 14 days ahead at most: 14 October is the last day offered.
        assertThat(starts(slots(lawyer, "2025-10-14", "2025-10-15"))).allMatch(s -> s.toString().startsWith("2025-10-14")).hasSize(3);
        var tooSoon = refused(400, () -> book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen()));
        assertThat(tooSoon.get("detail").toString()).contains("提前 1 小时");
        var tooFar = refused(400, () -> book(lawyer, "2025-10-15T09:00:00+08:00", api.tokens.citizen()));
        assertThat(tooFar.get("detail").toString()).contains("14 天内");
    }

    @Test
    void aTimeOutsideThePlanIsNotBookable() {
        Api.Provider lawyer = api.lawyer();
        var problem = refused(400, () -> book(lawyer, "2025-09-30T09:10:00+08:00", api.tokens.citizen()));
        assertThat(problem.get("detail").toString()).contains("不是该服务人员的可预约时段");
    }

    @Test
    void aBookedSlotDisappearsFromTheListAndAnEventIsWritten() {
        Api.Provider lawyer = api.lawyer();
        HttpResponse<Map> created = api.postForResponse("/api/v1/appointments/legal-aid/consultations",
                Map.of("providerId", lawyer.id(), "startsAt", "2025-09-30T09:40:00+08:00", "mode", "IN_PERSON"), api.tokens.citizen());
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        Map<?, ?> booking = created.body();
        assertThat(booking.get("status")).isEqualTo("CONFIRMED");
        assertThat(booking.get("endsAt")).isEqualTo("2025-09-30T10:10:00+08:00");
        assertThat(starts(slots(lawyer, "2025-09-30", "2025-09-30"))).containsExactly("2025-09-30T09:00:00+08:00", "2025-09-30T10:20:00+08:00");
        assertThat(api.count("select count(*) from kernel.outbox where topic = 'appointments.booking.v1' and event_key = ? and event_type = 'BookingConfirmed'",
                booking.get("id").toString())).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentRequestsForOneSlotYieldExactlyOneBooking() throws Exception {
        Api.Provider lawyer = api.lawyer();
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            citizens.add(api.tokens.citizen());
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Object>> outcomes = new ArrayList<>();
        try {
            for (String citizen : citizens) {
                Callable<Object> call = () -> {
                    try {
                        return api.postForResponse("/api/v1/appointments/legal-aid/consultations",
                                Map.of("providerId", lawyer.id(), "startsAt", "2025-09-30T10:20:00+08:00", "mode", "ONLINE"), citizen);
                    } catch (HttpClientResponseException e) {
                        return e;
                    }
                };
                outcomes.add(pool.submit(call));
            }
            int created = 0;
            int conflicts = 0;
            for (Future<Object> outcome : outcomes) {
                Object result = outcome.get();
                if (result instanceof HttpResponse<?> response && response.getStatus().getCode() == 201) {
                    created++;
                } else if (result instanceof HttpClientResponseException e && e.getStatus().getCode() == 409) {
                    Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
                    assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
                    assertThat(problem.get("detail")).isEqualTo("该时段已被他人预约，请选择其他时段。");
                    assertThat(problem.get("type").toString()).endsWith("/slot-taken");
                    conflicts++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(conflicts).isEqualTo(199);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.count("select count(*) from appointments.booking where provider_id = ?::uuid and status <> 'CANCELLED'", lawyer.id()))
                .isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesOverlappingBookingsEvenWithoutTheApplication() {
        Api.Provider lawyer = api.lawyer();
        book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen());
        Throwable e = catchThrowable(() -> api.insertDirectly(UUID.fromString(lawyer.id()), "2025-09-30T09:20:00+08:00", "2025-09-30T09:50:00+08:00"));
        assertThat(e).isNotNull();
        assertThat(e).rootCause().hasMessageContaining("booking_no_double_booking");
    }

    @Test
    void cancellingWithinTwoHoursNeedsAReason() {
        clock.set("2025-09-30T07:30:00+08:00");
        Api.Provider lawyer = api.lawyer();
        String citizen = api.tokens.citizen();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", citizen).get("id").toString();
        clock.set("2025-09-30T07:30:00+08:00");
        var problem = refused(400, () -> api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of(), citizen));
        assertThat(problem.get("detail").toString()).contains("不足 2 小时");
        Map<?, ?> cancelled = api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of("reason", "临时加班"), citizen);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason")).isEqualTo("临时加班");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingCancelled'", id)).isEqualTo(1);
        // The slot is free again.
        assertThat(book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen()).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void cancellingEarlierNeedsNoReason() {
        Api.Provider lawyer = api.lawyer();
        String citizen = api.tokens.citizen();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", citizen).get("id").toString();
        assertThat(api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of(), citizen).get("statusLabel")).isEqualTo("已取消");
        assertThat(changeNotices(id)).as("nobody is told of their own cancellation").isZero();
    }

    @Test
    void aCitizenIsToldWhenStaffCancelTheirBooking() {
        Api.Provider lawyer = api.lawyer();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen()).get("id").toString();
        api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of("reason", "律师临时出庭"), lawyer.token());
        assertThat(changeNotices(id)).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested'"
                + " and payload like '%' || ? || '%' and payload like '%律师临时出庭%' and payload like '%已取消%'", id)).isEqualTo(1);
    }

    private long changeNotices(String bookingId) {
        return api.count("select count(*) from kernel.outbox where event_type = 'CitizenNotificationRequested'"
                + " and payload like '%appointment-change%' and payload like '%' || ? || '%'", bookingId);
    }



    @Test
    void reschedulingMovesTheBookingAndFreesTheOldSlot() {
        Api.Provider lawyer = api.lawyer();
        String citizen = api.tokens.citizen();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", citizen).get("id").toString();
        book(lawyer, "2025-09-30T10:20:00+08:00", api.tokens.citizen());
        var taken = refused(409, () -> api.post("/api/v1/appointments/bookings/" + id + "/reschedule",
                Map.of("startsAt", "2025-09-30T10:20:00+08:00"), citizen));
        assertThat(taken.get("detail")).isEqualTo("该时段已被他人预约，请选择其他时段。");
        Map<?, ?> moved = api.post("/api/v1/appointments/bookings/" + id + "/reschedule", Map.of("startsAt", "2025-09-30T09:40:00+08:00"), citizen);
        assertThat(moved.get("startsAt")).isEqualTo("2025-09-30T09:40:00+08:00");
        assertThat(moved.get("id")).isEqualTo(id);
        assertThat(starts(slots(lawyer, "2025-09-30", "2025-09-30"))).containsExactly("2025-09-30T09:00:00+08:00");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingRescheduled'", id)).isEqualTo(1);
    }

    @Test
    void theProviderRecordsANoShowOnlyAfterTheStart() {
        Api.Provider lawyer = api.lawyer();
        Api.Provider other = api.lawyer();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen()).get("id").toString();
        refused(409, () -> api.post("/api/v1/appointments/bookings/" + id + "/no-show", Map.of(), lawyer.token()));
        clock.set("2025-09-30T09:20:00+08:00");
        refused(404, () -> api.post("/api/v1/appointments/bookings/" + id + "/no-show", Map.of(), other.token()));
        refused(403, () -> api.post("/api/v1/appointments/bookings/" + id + "/no-show", Map.of(), api.tokens.citizen()));
        Map<?, ?> marked = api.post("/api/v1/appointments/bookings/" + id + "/no-show", Map.of(), lawyer.token());
        assertThat(marked.get("status")).isEqualTo("NO_SHOW");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'NoShowRecorded'", id)).isEqualTo(1);
        assertThat(changeNotices(id)).as("the citizen is told, so a mistaken mark can be put right").isEqualTo(1);
        refused(409, () -> api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of("reason", "x"), lawyer.token()));
    }

    @Test
    void attendanceIsRecordedWithTheProvidersAccountAndTheLengthForOtherModules() {
        Api.Provider lawyer = api.lawyer();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen()).get("id").toString();
        clock.set("2025-09-30T09:35:00+08:00");
        assertThat(api.post("/api/v1/appointments/bookings/" + id + "/attended", Map.of(), lawyer.token()).get("statusLabel")).isEqualTo("已到场");
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'BookingAttended' and payload like ? and payload like ?",
                id, "%\"providerAccountId\":\"" + lawyer.accountId() + "\"%", "%\"durationMinutes\":30%")).isEqualTo(1);
    }

    @Test
    void whenAFullyBookedDayFreesUpTheLongestWaitingCitizenIsOfferedTheSlot() {
        Api.Provider lawyer = api.lawyer();
        String holder = api.tokens.citizen();
        String cancelled = book(lawyer, "2025-09-30T09:00:00+08:00", holder).get("id").toString();
        book(lawyer, "2025-09-30T09:40:00+08:00", api.tokens.citizen());
        book(lawyer, "2025-09-30T10:20:00+08:00", api.tokens.citizen());
        String waiting = UUID.randomUUID().toString();
        String first = api.tokens.citizen(waiting);
        String second = api.tokens.citizen();
        String waitlist = "/api/v1/appointments/providers/" + lawyer.id() + "/waitlist";
        assertThat(api.post(waitlist, Map.of("day", "2025-09-30"), first).get("position")).isEqualTo(1);
        assertThat(api.post(waitlist, Map.of("day", "2025-09-30"), second).get("position")).isEqualTo(2);
        refused(409, () -> api.post(waitlist, Map.of("day", "2025-09-30"), first));
        var open = refused(409, () -> api.post(waitlist, Map.of("day", "2025-10-09"), api.tokens.citizen()));
        assertThat(open.get("detail")).isEqualTo("当天仍有可预约时段，请直接预约。");

        api.post("/api/v1/appointments/bookings/" + cancelled + "/cancel", Map.of(), holder);
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'WaitlistSlotOffered' and payload like ?",
                cancelled, "%" + waiting + "%")).isEqualTo(1);
        assertThat(api.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'CitizenNotificationRequested' and payload like '%appointment-waitlist-offer%'",
                waiting)).isEqualTo(1);
        assertThat(book(lawyer, "2025-09-30T09:00:00+08:00", first).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aCitizenMayHoldAtMostThreeOpenBookingsInOneWeek() {
        Api.Provider lawyer = api.lawyer();
        String citizen = api.tokens.citizen();
        book(lawyer, "2025-09-30T09:00:00+08:00", citizen);
        book(lawyer, "2025-09-30T09:40:00+08:00", citizen);
        book(lawyer, "2025-09-30T10:20:00+08:00", citizen);
        var problem = refused(409, () -> book(lawyer, "2025-09-29T09:00:00+08:00", citizen));
        assertThat(problem.get("detail").toString()).contains("最多保留 3 个");
        // The next week is a new week.
        assertThat(book(lawyer, "2025-10-09T09:00:00+08:00", citizen).get("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aCitizenCannotSeeAnotherCitizensBookingAndGetsTheSameAnswerAsForAMissingOne() {
        Api.Provider lawyer = api.lawyer();
        String id = book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen()).get("id").toString();
        String stranger = api.tokens.citizen();
        var forbidden = refused(404, () -> api.get("/api/v1/appointments/bookings/" + id, stranger));
        var missing = refused(404, () -> api.get("/api/v1/appointments/bookings/" + UUID.randomUUID(), stranger));
        assertThat(forbidden.get("detail")).isEqualTo(missing.get("detail"));
        refused(404, () -> api.post("/api/v1/appointments/bookings/" + id + "/cancel", Map.of(), stranger));
        refused(404, () -> api.get("/api/v1/appointments/bookings/" + id, api.lawyer().token()));
        assertThat(api.get("/api/v1/appointments/bookings/" + id, lawyer.token()).get("id")).isEqualTo(id);
    }

    @Test
    void anInPersonConsultationShowsThePlaceAndItsRegionWhileAnOnlineOneDoesNot() {
        Api.Provider lawyer = api.lawyer();
        String citizen = api.tokens.citizen();
        Map<?, ?> inPerson = book(lawyer, "2025-09-30T09:00:00+08:00", citizen);
        Map<?, ?> place = (Map<?, ?>) inPerson.get("place");
        assertThat(place.get("name")).isEqualTo("新竹街道公共法律服务站");
        assertThat(place.get("regionCode")).isEqualTo("450103001");
        assertThat(place.get("regionName")).isEqualTo("新竹街道");
        assertThat(inPerson.get("modeLabel")).isEqualTo("到场");
        Map<?, ?> online = api.post("/api/v1/appointments/legal-aid/consultations",
                Map.of("providerId", lawyer.id(), "startsAt", "2025-09-30T09:40:00+08:00", "mode", "ONLINE"), citizen);
        assertThat(online.get("place")).isNull();
        Map<?, ?> mine = api.get("/api/v1/appointments/bookings/mine", citizen);
        assertThat((List<?>) mine.get("items")).hasSize(2);
        assertThat(mine.get("total")).isEqualTo(2);
        Map<?, ?> second = api.get("/api/v1/appointments/bookings/mine?page=1&size=1", citizen);
        assertThat((List<?>) second.get("items")).as("the earlier appointment on the second page")
                .extracting(b -> ((Map<?, ?>) b).get("startsAt").toString()).singleElement().asString().startsWith("2025-09-30T09:00");
        refused(400, () -> api.get("/api/v1/appointments/bookings/mine?page=2147483647&size=50", citizen));
    }

    @Test
    void anAdministratorOutsideTheRegionCannotRegisterPlacesOrProviders() {
        String otherDistrictAdmin = api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", "450105");
        var problem = refused(403, () -> api.post("/api/v1/appointments/places",
                Map.of("name", "某服务站", "kind", "LEGAL_SERVICE_STATION", "regionCode", Api.TOWNSHIP), otherDistrictAdmin));
        assertThat(problem.get("detail")).isEqualTo("该地点不在您的管理范围内。");
        Api.Provider lawyer = api.lawyer();
        refused(403, () -> api.post("/api/v1/appointments/providers", Map.of("accountId", UUID.randomUUID().toString(),
                "displayName", "某律师", "kind", "LAWYER", "placeId", lawyer.placeId(), "slotMinutes", 30), otherDistrictAdmin));
        refused(403, () -> api.put("/api/v1/appointments/providers/" + lawyer.id() + "/plan", Map.of("windows", List.of()), otherDistrictAdmin));
        refused(403, () -> api.post("/api/v1/appointments/places",
                Map.of("name", "某服务站", "kind", "LEGAL_SERVICE_STATION", "regionCode", Api.TOWNSHIP), api.tokens.citizen()));
    }

    @Test
    void theProvidersAgendaListsTheDaysBookings() {
        Api.Provider lawyer = api.lawyer();
        book(lawyer, "2025-09-30T09:40:00+08:00", api.tokens.citizen());
        book(lawyer, "2025-09-30T09:00:00+08:00", api.tokens.citizen());
        List<Map<String, Object>> agenda = api.list("/api/v1/appointments/bookings/agenda?from=2025-09-30&to=2025-09-30", lawyer.token());
        assertThat(agenda).extracting(b -> b.get("startsAt")).containsExactly("2025-09-30T09:00:00+08:00", "2025-09-30T09:40:00+08:00");
    }
}
