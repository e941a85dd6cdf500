package cn.nanning.civic.appointments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places carry how residents reach them (phone, opening hours, coordinates), and the phone asks once for the nearest
 * lawyers with their next free slot — in 马山县, where no other test registers providers.
 */
@MicronautTest(transactional = false)
class NearestProvidersApiTest {

    private static final String COUNTY = "450124";
    /** 白山镇 西华社区 and 四达社区 (same township); 百龙滩镇 is the next township. */
    private static final String XIHUA = "450124100001";
    private static final String SIDA = "450124100002";
    private static final String BAILONGTAN = "450124101";

    @Inject
    Api api;

    @Inject
    TestClock clock;

    private String admin;

    @BeforeEach
    void aCountyAdministratorOnAKnownDay() {
        clock.set(BookingEngineApiTest.MONDAY_MORNING);
        admin = api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", COUNTY);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aPlaceKeepsItsPhoneHoursAndCoordinatesAndRefusesWhatCannotBeRight() {
        Map<?, ?> place = place("白山镇法律服务所", XIHUA, null);
        String id = place.get("id").toString();
        assertThat(place.get("phone")).isNull();

        Map<?, ?> changed = api.put("/api/v1/appointments/places/" + id + "/contact", Map.of("phone", "0771 6821234",
                "openingHours", "周一至周五 8:30–12:00，14:30–17:30", "latitude", 23.71, "longitude", 108.17), admin);
        assertThat(changed.get("phone")).isEqualTo("07716821234");
        assertThat(changed.get("openingHours")).isEqualTo("周一至周五 8:30–12:00，14:30–17:30");
        assertThat(changed.get("latitude")).isEqualTo(23.71);
        assertThat(api.list("/api/v1/appointments/places?region=" + XIHUA, api.tokens.citizen()))
                .filteredOn(p -> p.get("id").equals(id)).singleElement().satisfies(p -> assertThat(p.get("longitude")).isEqualTo(108.17));

        Map<?, ?> badPhone = refused(400, () -> api.put("/api/v1/appointments/places/" + id + "/contact", Map.of("phone", "请打电话"), admin));
        assertThat(badPhone.toString()).contains("电话号码格式不对");
        Map<?, ?> swapped = refused(400, () -> api.put("/api/v1/appointments/places/" + id + "/contact",
                Map.of("latitude", 108.17, "longitude", 23.71), admin));
        assertThat(swapped.toString()).contains("填反");
        refused(400, () -> api.put("/api/v1/appointments/places/" + id + "/contact", Map.of("latitude", 23.71), admin));
        String otherAdmin = api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", "450103");
        refused(403, () -> api.put("/api/v1/appointments/places/" + id + "/contact", Map.of("phone", "0771-6821234"), otherAdmin));
        refused(403, () -> api.put("/api/v1/appointments/places/" + id + "/contact", Map.of("phone", "0771-6821234"), api.tokens.citizen()));
    }

    @Test
    void theNearestLawyersComeWithTheirNextFreeSlotByRegionOrByDistance() {
        Map<?, ?> town = place("白山镇公共法律服务站", XIHUA, new double[]{23.711, 108.172});
        Map<?, ?> next = place("百龙滩镇公共法律服务站", BAILONGTAN, new double[]{23.930, 108.050});
        String inTown = lawyer(town, "覃律师");
        String nextTown = lawyer(next, "蓝律师");
        String citizen = api.tokens.citizen();

        List<Map<String, Object>> byRegion = api.list("/api/v1/appointments/providers/nearest?kind=LAWYER&near=" + SIDA + "&limit=2", citizen);
        assertThat(byRegion).extracting(p -> p.get("id")).containsExactly(inTown, nextTown);
        assertThat(byRegion.get(0)).containsEntry("proximity", "TOWNSHIP").containsEntry("proximityLabel", "本乡镇（街道）")
                .containsEntry("displayName", "覃律师").containsEntry("kindLabel", "律师");
        assertThat(byRegion.get(1)).containsEntry("proximityLabel", "本县（区）");
        assertThat(byRegion.get(0).get("distanceKm")).as("no position given").isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> slot = (Map<String, Object>) byRegion.get(0).get("nextSlot");
        assertThat(slot.get("startsAt").toString()).as("the first slot after the hour's notice on Monday").startsWith("2025-09-29T09:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> where = (Map<String, Object>) byRegion.get(0).get("place");
        assertThat(where).containsEntry("name", "白山镇公共法律服务站").containsEntry("phone", "0771-6821234")
                .containsEntry("latitude", 23.711);

        // Standing in 百龙滩镇 with the phone's position: the station there is the nearest, by kilometres.
        List<Map<String, Object>> byDistance = api.list("/api/v1/appointments/providers/nearest?kind=LAWYER&near=" + SIDA
                + "&latitude=23.925&longitude=108.049&limit=2", citizen);
        assertThat(byDistance).extracting(p -> p.get("id")).containsExactly(nextTown, inTown);
        assertThat((Double) byDistance.get(0).get("distanceKm")).isLessThan(1.0);
        assertThat((Double) byDistance.get(1).get("distanceKm")).isBetween(20.0, 35.0);

        // Bad questions get a Chinese 400.
        refused(400, () -> api.get("/api/v1/appointments/providers/nearest?kind=LAWYER&near=" + SIDA + "&limit=21", citizen));
        refused(400, () -> api.get("/api/v1/appointments/providers/nearest?kind=LAWYER&near=99", citizen));
        refused(400, () -> api.get("/api/v1/appointments/providers/nearest?kind=LAWYER&near=" + SIDA + "&latitude=23.9", citizen));
        refused(400, () -> api.get("/api/v1/appointments/providers/nearest?kind=PLUMBER&near=" + SIDA, citizen));
    }

    private Map<?, ?> place(String name, String region, double[] coordinates) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", "LEGAL_SERVICE_STATION", "regionCode", region,
                "address", "马山县" + name));
        if (coordinates != null) {
            body.put("phone", "0771-6821234");
            body.put("latitude", coordinates[0]);
            body.put("longitude", coordinates[1]);
        }
        return api.post("/api/v1/appointments/places", body, admin);
    }

    private String lawyer(Map<?, ?> place, String name) {
        Map<?, ?> provider = api.post("/api/v1/appointments/providers", Map.of("accountId", UUID.randomUUID().toString(),
                "displayName", name, "kind", "LAWYER", "placeId", place.get("id"), "slotMinutes", 30, "minNoticeMinutes", 60,
                "horizonDays", 14), admin);
        String id = provider.get("id").toString();
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            windows.add(Map.of("weekday", day, "starts", "09:00", "ends", "11:00"));
        }
        api.put("/api/v1/appointments/providers/" + id + "/plan", Map.of("windows", windows), admin);
        return id;
    }
}
