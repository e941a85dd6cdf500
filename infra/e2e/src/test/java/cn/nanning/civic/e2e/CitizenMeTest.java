package cn.nanning.civic.e2e;

import cn.nanning.civic.e2e.platform.Api;
import cn.nanning.civic.e2e.platform.Platform;
import cn.nanning.civic.e2e.platform.VolunteerData;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/me through the whole platform: the gateway's part (phone, notices) and services' part (home village,
 * volunteer standing, open items) in one answer; the home village set with PUT /api/v1/me/home-region.
 */
class CitizenMeTest {

    static Api gateway;

    @BeforeAll
    static void platform() {
        Platform.get();
        gateway = new Api(Platform.GATEWAY);
    }

    @Test
    void aNewCitizenSetsTheHomeVillageAndSeesItInMe() {
        String token = gateway.post("/api/v1/auth/wechat", Map.of("code", "me-" + UUID.randomUUID() + ".a"), null)
                .json().path("accessToken").asText();
        JsonNode before = gateway.get("/api/v1/me", token).json();
        assertThat(before.path("complete").asBoolean()).isTrue();
        assertThat(before.path("homeRegion").isNull()).isTrue();
        assertThat(before.path("phone").path("bound").asBoolean()).isFalse();
        assertThat(before.path("volunteer").path("registered").asBoolean()).isFalse();
        assertThat(before.path("openItems").path("proxyRequests").asInt()).isZero();
        assertThat(before.path("openItems").path("unreadNotifications").asInt()).isZero();

        Api.Response set = gateway.put("/api/v1/me/home-region", Map.of("regionCode", "450103001005"), token);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Api.Response refused = gateway.put("/api/v1/me/home-region", Map.of("regionCode", "450103"), token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        JsonNode after = gateway.get("/api/v1/me", token).json();
        assertThat(after.path("homeRegion").path("code").asText()).isEqualTo("450103001005");
        assertThat(after.path("homeRegion").path("name").asText()).isEqualTo("新竹社区居委会");
        assertThat(after.path("homeRegion").path("districtName").asText()).isEqualTo("青秀区");
    }

    @Test
    void aVolunteerIsShownAsOneWithStarLevelAndHours() {
        VolunteerData.Volunteer volunteer = VolunteerData.register();
        JsonNode me = gateway.get("/api/v1/me", volunteer.token()).json();
        assertThat(me.path("volunteer").path("registered").asBoolean()).isTrue();
        assertThat(me.path("volunteer").path("starLevel").asInt()).isZero();
        assertThat(me.path("volunteer").path("starLabel").asText()).isEqualTo("未评星");
        assertThat(me.path("volunteer").has("confirmedHours")).isTrue();
    }
}
