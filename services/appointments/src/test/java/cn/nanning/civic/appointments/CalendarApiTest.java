package cn.nanning.civic.appointments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nanning.civic.appointments.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class CalendarApiTest {

    /** A Wednesday far from any real holiday table, so the test changes nothing other tests rely on. */
    static final String DAY = "2031-03-12";

    @Inject
    Api api;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aCityAdministratorDeclaresAHolidayAndItsSlotsDisappear() {
        clock.set("2031-03-10T08:00:00+08:00");
        Api.Provider lawyer = api.lawyer();
        String cityAdmin = api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", "450100");
        api.put("/api/v1/appointments/calendar/days/" + DAY, Map.of("working", true, "name", "自动化测试：先恢复为工作日"), cityAdmin);
        String slots = "/api/v1/appointments/providers/" + lawyer.id() + "/slots?from=" + DAY + "&to=" + DAY;
        assertThat(api.list(slots, api.tokens.citizen())).hasSize(3);

        Map<?, ?> changed = api.put("/api/v1/appointments/calendar/days/" + DAY, Map.of("working", false, "name", "自动化测试节假日"), cityAdmin);
        assertThat(changed.get("working")).isEqualTo(false);
        assertThat(api.list(slots, api.tokens.citizen())).isEmpty();
        List<Map<String, Object>> days = api.list("/api/v1/appointments/calendar/days?from=2031-03-11&to=2031-03-12", api.tokens.citizen());
        assertThat(days).extracting(d -> d.get("working")).containsExactly(true, false);
    }

    @Test
    void onlyCityAdministratorsEditTheCalendar() {
        String districtAdmin = api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", Api.DISTRICT);
        var problem = refused(403, () -> api.put("/api/v1/appointments/calendar/days/" + DAY, Map.of("working", true, "name", "x"), districtAdmin));
        assertThat(problem.get("detail")).isEqualTo("工作日历由市级管理员维护。");
        refused(403, () -> api.put("/api/v1/appointments/calendar/days/" + DAY, Map.of("working", true, "name", "x"), api.tokens.citizen()));
        refused(400, () -> api.put("/api/v1/appointments/calendar/days/2031-02-30", Map.of("working", true, "name", "x"),
                api.tokens.staff(UUID.randomUUID().toString(), "ADMIN", "450100")));
    }
}
