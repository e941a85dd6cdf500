package cn.nanning.civic.gateway.auth;

import cn.nanning.civic.gateway.Api;
import cn.nanning.civic.gateway.GatewayTest;
import cn.nanning.civic.gateway.TestEnvironment;
import cn.nanning.civic.wechat.WeChatStandIn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 8 of the security review: WeChat calls could hang sign-in for about 30 s. A stand-in of this class's own
 * is made slow or "busy"; sign-in must answer within 5 s with a clear 503 either way.
 */
@MicronautTest(transactional = false)
class WeChatSlowTest extends GatewayTest {

    private WeChatStandIn weChat;

    @Override
    public Map<String, String> getProperties() {
        weChat = TestEnvironment.ownWeChat();
        Map<String, String> p = TestEnvironment.properties(weChat);
        p.put("civic.wechat.time-limit", "2s");
        return p;
    }

    @AfterEach
    void healthyAgain() {
        weChat.slowDown(Duration.ZERO);
        weChat.answerBusy(false);
    }

    @AfterAll
    void stopWeChat() {
        weChat.close();
    }

    private long millisToSignIn(Api.Response[] answer) {
        long started = System.nanoTime();
        answer[0] = signInWithWeChat(newWeChatUser() + ".login");
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aSlowWeChatGivesAClear503WithinFiveSecondsNotAHangingSignIn() {
        weChat.slowDown(Duration.ofSeconds(20));
        Api.Response[] answer = new Api.Response[1];

        long millis = millisToSignIn(answer);

        assertThat(millis).isLessThan(5_000);
        assertThat(answer[0].status()).isEqualTo(503);
        assertThat(answer[0].contentType()).startsWith("application/problem+json");
        assertThat(answer[0].get("detail")).isEqualTo("微信登录服务暂时不可用，请稍后再试。");
    }

    @Test
    void aBusyWeChatIsNotRetriedWithGrowingSleepsAndRepeatedFailuresOpenTheBreaker() {
        weChat.answerBusy(true);
        Api.Response[] answer = new Api.Response[1];
        for (int i = 0; i < 6; i++) {
            assertThat(millisToSignIn(answer)).as("attempt " + i).isLessThan(5_000);
            assertThat(answer[0].status()).isEqualTo(503);
        }
        // With the breaker open, the next attempt does not even wait for WeChat.
        weChat.answerBusy(false);
        weChat.slowDown(Duration.ofSeconds(20));
        assertThat(millisToSignIn(answer)).isLessThan(1_000);
        assertThat(answer[0].status()).isEqualTo(503);
    }
}
