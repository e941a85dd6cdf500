package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading my bookings spends the citizen read budget (the configured `bookings-read` route and `citizen-read` policy),
 * while booking itself keeps the strict booking budget: the routes of application.yml, aimed at the echo server.
 */
@MicronautTest(transactional = false)
class BookingsReadPolicyTest extends GatewayTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        String echo = TestEnvironment.echo().baseUrl();
        properties.put("gateway.routes.bookings.target", echo);
        properties.put("gateway.routes.bookings-read.target", echo);
        // The test configuration lifts every limit; this test needs the real booking budget back.
        properties.put("gateway.rate-limits.booking.capacity", "10");
        return properties;
    }

    @Test
    void myBookingsAreReadOnTheReadBudgetAndBookingKeepsTheStrictOne() {
        String token = citizenToken();
        Api.Response mine = api().get("/api/v1/appointments/bookings/mine", token);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("X-RateLimit-Limit")).isEqualTo("300");
        for (int i = 0; i < 12; i++) {
            assertThat(api().get("/api/v1/appointments/bookings/mine", token).status()).isEqualTo(200);
        }
        Api.Response book = api().post("/api/v1/appointments/bookings", Map.of(), token);
        assertThat(book.header("X-RateLimit-Limit")).isEqualTo("10");
        assertThat(book.header("X-RateLimit-Remaining")).isEqualTo("9");
    }

    @Test
    void aProvidersReadsOnTheBookingRoutesSpendTheBookingReadBudgetNotTheTenBookingsAMinute() {
        // A counsellor's day: the agenda, then each client's contact, intake and notes, many a minute (all GETs).
        String token = citizenToken();
        Api.Response agenda = api().get("/api/v1/appointments/bookings/agenda?from=2026-12-07&to=2026-12-07", token);
        assertThat(agenda.status()).isEqualTo(200);
        assertThat(agenda.header("X-RateLimit-Limit")).isEqualTo("300");
        for (int i = 0; i < 12; i++) {
            assertThat(api().get("/api/v1/appointments/psychology/bookings/some-booking/client", token).status()).isEqualTo(200);
        }
        Api.Response marked = api().post("/api/v1/appointments/bookings/some-booking/attended", Map.of(), token);
        assertThat(marked.header("X-RateLimit-Limit")).as("marking is a write: the strict budget").isEqualTo("10");
    }
}
