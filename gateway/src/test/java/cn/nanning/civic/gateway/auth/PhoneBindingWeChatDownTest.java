package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import cn.nanning.civic.wechat.WeChatStandIn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A WeChat stand-in of this class's own, stopped after sign-in: the phone-number API is then unreachable. */
@MicronautTest(transactional = false)
class PhoneBindingWeChatDownTest extends GatewayTest {

    private WeChatStandIn weChat;

    @Override
    public Map<String, String> getProperties() {
        weChat = TestEnvironment.ownWeChat();
        Map<String, String> p = TestEnvironment.properties(weChat);
        return p;
    }

    @AfterAll
    void stopWeChat() {
        weChat.close();
    }

    @Test
    void whenWeChatCannotBeReachedTheCitizenIsToldInChineseToTryLater() {
        Api.Response signedIn = signInWithWeChat(newWeChatUser() + ".login");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        weChat.close();

        long started = System.nanoTime();
        Api.Response response = api().post("/api/v1/auth/wechat/phone", Map.of("code", newWeChatUser() + ".p"),
                signedIn.get("accessToken"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.get("type")).endsWith("wechat-unavailable");
        assertThat(response.get("detail")).isEqualTo("微信手机号服务暂时不可用，请稍后再试。");
        assertThat(response.body()).doesNotContain("Connection").doesNotContain("127.0.0.1");
        assertThat((System.nanoTime() - started) / 1_000_000).as("answered without long SDK retries").isLessThan(5_000);
    }
}
