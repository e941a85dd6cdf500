package cn.nanning.civic.gateway.me;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's part of GET /api/v1/me: the bound phone (masked) and the notices, served even while services cannot
 * give their part (complete: false). The composition with services runs end to end in infra/e2e (CitizenMeTest).
 */
@MicronautTest(transactional = false)
class MeTest extends GatewayTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("gateway.routes.services.target", "http://127.0.0.1:" + freePort());
        return properties;
    }

    @Test
    void aNewCitizenHasNoPhoneAndNoNoticesAndTheModulesPartIsMarkedMissingWhileServicesAreDown() {
        Api.Response me = api().get("/api/v1/me", citizenToken());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.map()).containsEntry("complete", false).containsKey("accountId");
        assertThat(map(me.map().get("phone"))).containsEntry("bound", false);
        Map<String, Object> notifications = map(me.map().get("notifications"));
        assertThat(notifications).containsEntry("unread", 0);
        assertThat((List<?>) notifications.get("subscriptions")).hasSize(9);
    }

    @Test
    void theBoundPhoneIsShownMaskedOnly() {
        String user = newWeChatUser();
        Api.Response signIn = signInWithWeChat(user + ".login");
        String token = signIn.get("accessToken");
        String code = user + ".phone";
        String phone = TestEnvironment.weChat().phoneNumberFor(code);
        assertThat(api().post("/api/v1/auth/wechat/phone", Map.of("code", code), token).status()).isEqualTo(200);

        Api.Response me = api().get("/api/v1/me", token);
        assertThat(map(me.map().get("phone"))).containsEntry("bound", true)
                .containsEntry("masked", phone.substring(0, 3) + "****" + phone.substring(7)).containsKey("boundAt");
        assertThat(me.body()).doesNotContain(phone);
        assertThat(me.map()).containsEntry("accountId", signIn.get("accountId"));
    }

    @Test
    void withoutSigningInThereIsNoMe() {
        Api.Response me = api().get("/api/v1/me", null);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
