package cn.nanning.civic.appointments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AppointmentStatisticsApiTest {

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

    private Map<?, ?> statistics(String region, String token) {
        return api.get("/api/v1/appointments/statistics?region=" + region, token);
    }

    private static long consultations(Map<?, ?> figures, String status) {
        return ((List<?>) figures.get("services")).stream().map(s -> (Map<?, ?>) s)
                .filter(s -> "LEGAL_CONSULTATION".equals(s.get("service")))
                .mapToLong(s -> ((Number) s.get(status)).longValue()).sum();
    }

    private static long places(Map<?, ?> figures, String kind) {
        return ((List<?>) figures.get("places")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> kind.equals(p.get("kind"))).mapToLong(p -> ((Number) p.get("count")).longValue()).sum();
    }

    @Test
    void anAdministratorSeesTheAreasBookingsPerServiceAndStatusWithChineseLabels() {
        String admin = api.admin();
        Map<?, ?> before = statistics(Api.TOWNSHIP, admin);
        Api.Provider lawyer = api.lawyer();
        api.post("/api/v1/appointments/legal-aid/consultations", Map.of("providerId", lawyer.id(),
                "startsAt", "2025-09-30T09:00:00+08:00", "mode", "IN_PERSON", "topic", "劳动合同纠纷"), api.tokens.citizen());

        Map<?, ?> after = statistics(Api.TOWNSHIP, admin);

        assertThat(after.get("region")).isEqualTo(Api.TOWNSHIP);
        assertThat(after.get("from")).isEqualTo("2025-08-31");
        assertThat(after.get("to")).isEqualTo("2025-09-29");
        assertThat(places(after, "LEGAL_SERVICE_STATION")).isEqualTo(places(before, "LEGAL_SERVICE_STATION") + 1);
        assertThat(((Number) after.get("providers")).longValue()).isEqualTo(((Number) before.get("providers")).longValue() + 1);
        // The booking starts tomorrow, outside the last 30 days: counted once its day is inside the period.
        assertThat(consultations(after, "total")).isEqualTo(consultations(before, "total"));
        clock.set("2025-09-30T18:00:00+08:00");
        Map<?, ?> nextDay = statistics(Api.TOWNSHIP, admin);
        assertThat(consultations(nextDay, "confirmed")).isGreaterThanOrEqualTo(1);
        assertThat(nextDay.toString()).contains("法律咨询", "心理咨询", "公共法律服务站", "审查中");
        assertThat(((Map<?, ?>) nextDay.get("legalAid")).get("byStatus")).asList().hasSize(6);
        // The city includes the township.
        assertThat(consultations(statistics("450100", api.tokens.staff(UUID.randomUUID().toString(), "AUDITOR", "4501")), "total"))
                .isGreaterThanOrEqualTo(consultations(nextDay, "total"));
    }

    @Test
    void outsideTheirAreaOrWithoutTheRoleStaffAreRefusedInChinese() {
        Map<?, ?> elsewhere = Api.refused(403, () -> statistics("450102", api.admin()));
        assertThat(elsewhere.toString()).contains("本辖区");
        Api.refused(403, () -> statistics(Api.TOWNSHIP, api.tokens.citizen()));
        Api.refused(403, () -> statistics(Api.TOWNSHIP, api.tokens.staff(UUID.randomUUID().toString(), "LAWYER", Api.TOWNSHIP)));
        Map<?, ?> badSpan = Api.refused(400, () -> api.get("/api/v1/appointments/statistics?days=2", api.admin()));
        assertThat(badSpan.toString()).contains("统计天数");
    }
}
