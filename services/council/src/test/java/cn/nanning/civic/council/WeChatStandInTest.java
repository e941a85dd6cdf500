package cn.nanning.civic.council;

import cn.nanning.civic.wechat.WeChatStandIn;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of council API tests whose content checks go to WeChat: a stand-in of WeChat's API on a free loopback port
 * for the test class, which the council module is pointed at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WeChatStandInTest implements TestPropertyProvider {

    protected static final WeChatStandIn WECHAT = new WeChatStandIn(WeChatStandIn.DEV_APP_ID, WeChatStandIn.DEV_APP_SECRET);

    @Override
    public Map<String, String> getProperties() {
        int port = WECHAT.start(0);
        return Map.of("civic.wechat.api-host", "http://127.0.0.1:" + port);
    }

    @AfterAll
    void stopWeChat() {
        WECHAT.close();
    }
}
