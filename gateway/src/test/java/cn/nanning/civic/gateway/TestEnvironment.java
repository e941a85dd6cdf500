package cn.nanning.civic.gateway;

import cn.nanning.civic.wechat.WeChatStandIn;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * What every gateway test runs against: the WeChat stand-in and a plain echo server as the downstream, started once
 * per JVM on free loopback ports, plus routes to them.
 */
public final class TestEnvironment {

    private static WeChatStandIn weChat;
    private static EchoServer echo;
    private static int closedPort;

    private TestEnvironment() {
    }

    public static synchronized WeChatStandIn weChat() {
        if (weChat == null) {
            weChat = new WeChatStandIn(WeChatStandIn.DEV_APP_ID, "test-wechat-secret");
            weChat.start(0);
        }
        return weChat;
    }

    public static synchronized EchoServer echo() {
        if (echo == null) {
            echo = new EchoServer();
        }
        return echo;
    }

    /** A loopback port nothing listens on: a downstream that is down. */
    static synchronized int closedPort() {
        if (closedPort == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return closedPort;
    }

    /** The test properties with a WeChat stand-in of a test's own (to stop it, slow it down or make it busy). */
    public static Map<String, String> properties(WeChatStandIn ownWeChat) {
        Map<String, String> p = properties();
        p.put("civic.wechat.api-host", ownWeChat.baseUrl());
        return p;
    }

    /** A started WeChat stand-in of a test's own, with the test app id and secret. */
    public static WeChatStandIn ownWeChat() {
        WeChatStandIn weChat = new WeChatStandIn(WeChatStandIn.DEV_APP_ID, "test-wechat-secret");
        weChat.start(0);
        return weChat;
    }

    public static Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("civic.wechat.api-host", weChat().baseUrl());
        p.put("civic.wechat.app-id", WeChatStandIn.DEV_APP_ID);
        p.put("civic.wechat.app-secret", "test-wechat-secret");
        // Refresh-token reuse is detected at once in these tests; tokens.RefreshGraceTest covers the grace window.
        p.put("civic.tokens.refresh-grace", "0s");
        // Only the notification test consumes from Kafka.
        p.put("civic.notifications.enabled", "false");
        String echoUrl = echo().baseUrl();
        route(p, "echo", "/api/v1/echo", echoUrl, true, true, "");
        p.put("gateway.routes.echo.openapi-path", "/spec.yml");
        route(p, "keep", "/api/v1/keep", echoUrl, false, true, "");
        // Public reads below an authenticated prefix, like the catalogue: GET and HEAD without a token, writes with one.
        route(p, "keep-read", "/api/v1/keep/catalogue", echoUrl, false, false, "");
        p.put("gateway.routes.keep-read.methods", "GET,HEAD");
        p.put("gateway.routes.keep-read.rate-limit", "public-read");
        route(p, "open", "/api/v1/open", echoUrl, true, false, "");
        route(p, "admin", "/api/v1/admin-only", echoUrl, true, true, "ADMIN");
        route(p, "down", "/api/v1/down", "http://127.0.0.1:" + closedPort(), true, false, "");
        p.put("gateway.routes.down.openapi-path", "/swagger/down.yml");
        route(p, "flaky", "/api/v1/flaky", "http://127.0.0.1:" + closedPort(), true, false, "");
        route(p, "slow", "/api/v1/slow", echoUrl, true, false, "");
        p.put("gateway.routes.slow.timeout", "700ms");
        // Two requests in flight at most (its bulkhead); the prefix is kept so the echo counts its paths apart.
        route(p, "busy", "/api/v1/busy", echoUrl, false, false, "");
        p.put("gateway.routes.busy.max-concurrent", "2");
        route(p, "failing", "/api/v1/failing", echoUrl, false, false, "");
        return p;
    }

    private static void route(Map<String, String> p, String name, String prefix, String target, boolean strip,
                              boolean authenticated, String roles) {
        p.put("gateway.routes." + name + ".path-prefix", prefix);
        p.put("gateway.routes." + name + ".target", target);
        p.put("gateway.routes." + name + ".strip-prefix", Boolean.toString(strip));
        p.put("gateway.routes." + name + ".authenticated", Boolean.toString(authenticated));
        if (!roles.isEmpty()) {
            p.put("gateway.routes." + name + ".roles-allowed", roles);
        }
    }
}
