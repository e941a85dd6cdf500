package cn.nanning.civic.e2e.logging;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.ProxyData;
import cn.nanning.civic.e2e.platform.VolunteerData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 3 of the security review: full resident ID numbers reached the logs of services and search. Known values
 * are planted through the APIs — in paths, query strings and bodies, through the gateway and straight at services
 * and search — and then no log file of any deployable may contain them.
 */
class LogSweepTest {

    @Test
    void idNumbersAndPhonesPlantedThroughEveryApiReachNoLogFile() throws IOException {
        Platform platform = Platform.get();
        Api gateway = new Api(Platform.GATEWAY);
        Api services = new Api(Platform.SERVICES);
        Api search = new Api(Platform.SEARCH);
        String id = VolunteerData.idNumber();
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String citizen = gateway.post("/api/v1/auth/wechat", Map.of("code", "sweep" + UUID.randomUUID().toString().substring(0, 8) + ".a"), null)
                .json().path("accessToken").asText();
        String admin = ProxyData.token("admin");

        for (Api api : List.of(gateway, services, search)) {
            api.get("/api/v1/search/laws?q=" + id, null);
            api.get("/api/v1/search/services?q=" + phone, null);
            api.get("/api/v1/search/laws/" + id, null);
            api.get("/api/v1/proxy/requests/" + id, citizen);
            api.get("/api/v1/proxy/requests/" + phone, citizen);
            api.get("/api/v1/volunteers/search?idNumber=" + id, admin);
            api.get("/api/v1/volunteers/" + id + "/id-number", admin);
        }
        Map<String, Object> registration = new HashMap<>();
        registration.put("realName", "韦春燕");
        registration.put("idNumber", id);
        registration.put("phone", phone);
        registration.put("homeRegion", VolunteerData.village());
        registration.put("skills", List.of("普法"));
        registration.put("sensitiveInfoConsent", true);
        registration.put("consentPolicyVersion", "2025-01");
        gateway.post("/api/v1/volunteers", registration, citizen);
        registration.put("homeRegion", phone);
        gateway.post("/api/v1/volunteers", registration, citizen);

        // Lines leave through a queue drained every 50 ms: wait until a last marked request shows in each log.
        String marker = UUID.randomUUID().toString();
        Map<String, String> marked = Map.of("X-Request-Id", marker);
        services.get("/api/v1/proxy/requests/" + UUID.randomUUID(), citizen, marked);
        search.get("/api/v1/search/laws/" + UUID.randomUUID(), null, marked);
        gateway.get("/api/v1/search/laws?q=x", null, marked);
        for (String name : List.of("services", "search", "gateway")) {
            assertThat(platform.logOnceItContains(name, marker)).as(name + " log has drained").contains(marker);
        }

        try (Stream<Path> files = Files.list(platform.logFile("gateway").getParent())) {
            List<Path> logs = files.filter(Files::isRegularFile).toList();
            assertThat(logs).isNotEmpty();
            for (Path log : logs) {
                String text = Files.readString(log);
                assertThat(text).as(log.getFileName() + " holds no planted ID number").doesNotContain(id);
                assertThat(text).as(log.getFileName() + " holds no planted phone number").doesNotContain(phone);
            }
        }
    }
}
