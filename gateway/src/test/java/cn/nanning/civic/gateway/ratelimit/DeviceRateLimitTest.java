package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phones behind one carrier NAT address: each device that names itself keeps its own anonymous budget, all of them
 * together stay under the address ceiling (here 3 devices' worth), and a caller without a device id is limited by address.
 */
@MicronautTest(transactional = false)
class DeviceRateLimitTest extends GatewayTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestEnvironment.properties());
        p.put("gateway.trusted-proxies", "1");
        p.put("gateway.rate-limit-devices.address-factor", "3");
        p.put("gateway.rate-limits.per-device.capacity", "3");
        p.put("gateway.rate-limits.per-device.period", "1h");
        p.put("gateway.routes.nat.path-prefix", "/api/v1/nat");
        p.put("gateway.routes.nat.target", TestEnvironment.echo().baseUrl());
        p.put("gateway.routes.nat.strip-prefix", "true");
        p.put("gateway.routes.nat.rate-limit", "per-device");
        return p;
    }

    private static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String newDevice() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private int status(String address, String device) {
        var request = HttpRequest.GET("/api/v1/nat/search").header("X-Forwarded-For", address);
        if (device != null) {
            request.header(DeviceIds.HEADER, device);
        }
        Api.Response response = api().send(request, null);
        return response.status();
    }

    @Test
    void devicesBehindOneAddressEachKeepTheirBudgetUnderTheAddressCeiling() {
        String carrierNat = newAddress();
        String first = newDevice();
        String second = newDevice();
        String third = newDevice();
        for (int i = 0; i < 3; i++) {
            assertThat(status(carrierNat, first)).isEqualTo(200);
        }
        assertThat(status(carrierNat, first)).as("the first phone's own budget is spent").isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            assertThat(status(carrierNat, second)).as("a neighbour behind the same NAT is not held back").isEqualTo(200);
        }
        assertThat(status(carrierNat, second)).isEqualTo(429);
        assertThat(status(carrierNat, third)).isEqualTo(200);
        assertThat(status(carrierNat, third)).as("the address ceiling (9) is spent, whatever ids a client invents")
                .isEqualTo(429);
        assertThat(status(carrierNat, newDevice())).isEqualTo(429);
        assertThat(status(newAddress(), newDevice())).as("another address is untouched").isEqualTo(200);
    }

    @Test
    void withoutAWellFormedDeviceIdTheCallerIsLimitedByAddress() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(status(address, i == 0 ? null : "short")).isEqualTo(200);
        }
        assertThat(status(address, null)).isEqualTo(429);
        assertThat(status(address, "not a device id!")).isEqualTo(429);
        assertThat(status(address, newDevice())).as("a phone that names itself has a budget of its own").isEqualTo(200);
    }
}
