package cn.nanning.civic.e2e;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.TestStack;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Walking skeleton step 4: a catalogue item goes services → outbox → Kafka → search → Elasticsearch, and survives a crash. */
class CatalogueSearchTest {

    static Platform platform;
    static Api gateway;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        gateway = new Api(Platform.GATEWAY);
    }

    @Test
    void anItemPublishedByAnAdminIsFoundBySearchThroughTheGateway() {
        String token = adminToken();
        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = uniqueChineseMarker();
        Api.Response created = gateway.post("/api/v1/catalogue/items", item(code, marker + "养老服务补贴申请"), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode hit = awaitSearchHit(marker, code);
        assertThat(hit.path("name").asText()).contains("养老服务补贴申请");
    }

    @Test
    void killingServicesBetweenCommitAndPublishLosesNoEvent() throws Exception {
        String token = adminToken();
        // Restart services with the relay switched off: commits happen, publishing does not.
        platform.kill("services");
        platform.start("services", Map.of("OUTBOX_RELAY_ENABLED", "false"));
        platform.awaitHealthy("services");

        String code = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = uniqueChineseMarker();
        Api.Response created = gateway.post("/api/v1/catalogue/items", item(code, marker + "高龄津贴申领"), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(unpublishedEvents(code)).isEqualTo(1);

        // Crash: no shutdown hook, no flush. The committed event waits in the outbox.
        platform.kill("services");
        assertThat(unpublishedEvents(code)).isEqualTo(1);

        platform.start("services", Map.of());
        platform.awaitHealthy("services");
        awaitSearchHit(marker, code);
        assertThat(unpublishedEvents(code)).isZero();
    }

    private static String adminToken() {
        Api.Response login = gateway.post("/api/v1/auth/staff/login",
                Map.of("username", "admin", "password", Platform.DEMO_STAFF_PASSWORD), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    /** A random run of CJK characters, so each test's item is the only match for its own query. */
    private static String uniqueChineseMarker() {
        StringBuilder marker = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 4; i++) {
            marker.append((char) ('\u4e00' + random.nextInt(0x5000)));
        }
        return marker.toString();
    }

    private static JsonNode awaitSearchHit(String marker, String code) {
        Instant deadline = Instant.now().plusSeconds(60);
        String query = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        while (Instant.now().isBefore(deadline)) {
            Api.Response found = gateway.get("/api/v1/search/services?q=" + query + "&size=50", null);
            if (found.status() == 200) {
                for (JsonNode hit : found.json().path("hits")) {
                    if (code.equals(hit.path("code").asText())) {
                        return hit;
                    }
                }
            }
            sleep();
        }
        throw new AssertionError("item " + code + " not found by search within 60 s");
    }

    private static long unpublishedEvents(String code) throws Exception {
        try (var connection = DriverManager.getConnection(TestStack.datasourceUrl(), "postgres", "");
             var statement = connection.prepareStatement("select count(*) from kernel.outbox where event_key = ? and published_at is null")) {
            statement.setString(1, code);
            var rs = statement.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Object> item(String code, String name) {
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", name);
        item.put("type", "行政给付");
        item.put("department", "区县民政局");
        item.put("implementingLevel", "乡镇（街道）受理");
        item.put("conditions", "具有本地户籍、达到规定年龄的老年人");
        item.put("materials", "居民身份证");
        item.put("proxyAllowed", true);
        return item;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
