package cn.nanning.civic.wechat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatStandInTest {

    static final String APP_ID = "wxtest000000000001";
    static final String SECRET = "test-secret";
    static WeChatStandIn standIn;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        standIn = new WeChatStandIn(APP_ID, SECRET);
        standIn.start(0);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void issuesAnAccessTokenForTheRightCredentials() throws Exception {
        Map<String, Object> reply = get("/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID + "&secret=" + SECRET);
        assertThat((String) reply.get("access_token")).hasSizeGreaterThan(32);
        assertThat(((Number) reply.get("expires_in")).longValue()).isBetween(7190L, 7200L);
    }

    @Test
    void refusesAWrongAppIdOrSecretWithWeChatErrorCodes() throws Exception {
        assertThat(get("/cgi-bin/token?grant_type=client_credential&appid=wxother&secret=" + SECRET).get("errcode"))
                .isEqualTo(40013L);
        assertThat(get("/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID + "&secret=nope").get("errcode"))
                .isEqualTo(40125L);
        assertThat(post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID
                + "\",\"secret\":\"wrong\"}").get("errcode")).isEqualTo(40125L);
    }

    @Test
    void stableTokenStaysTheSameUntilAForcedRefresh() throws Exception {
        String body = "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID + "\",\"secret\":\"" + SECRET + "\"";
        Object first = post("/cgi-bin/stable_token", body + "}").get("access_token");
        Object second = post("/cgi-bin/stable_token", body + "}").get("access_token");
        Object forced = post("/cgi-bin/stable_token", body + ",\"force_refresh\":true}").get("access_token");
        assertThat(first).isNotNull().isEqualTo(second);
        assertThat(forced).isNotNull().isNotEqualTo(first);
    }

    @Test
    void twoCodesOfTheSameUserGiveTheSameOpenIdAndDifferentUsersDifferentOnes() throws Exception {
        Map<String, Object> first = codeToSession("alice.one");
        Map<String, Object> second = codeToSession("alice.two");
        Map<String, Object> other = codeToSession("bob.one");
        assertThat(first.get("openid")).isEqualTo(second.get("openid")).isEqualTo(standIn.openIdFor("alice"));
        assertThat((String) first.get("openid")).hasSize(28).startsWith("o");
        assertThat(other.get("openid")).isNotEqualTo(first.get("openid"));
        assertThat(first.get("session_key")).isNotNull().isNotEqualTo(second.get("session_key"));
        assertThat(first).doesNotContainKey("errcode");
    }

    @Test
    void theOpenIdDependsOnTheApp() {
        assertThat(new WeChatStandIn("wxanotherapp000001", SECRET).openIdFor("alice")).isNotEqualTo(standIn.openIdFor("alice"));
    }

    @Test
    void aLoginCodeWorksOnlyOnce() throws Exception {
        codeToSession("carol.once");
        Map<String, Object> again = codeToSession("carol.once");
        assertThat(again.get("errcode")).isEqualTo(40163L);
        assertThat(again).doesNotContainKey("openid");
    }

    @Test
    void aMalformedCodeIsInvalid() throws Exception {
        assertThat(codeToSession("no-dot-here").get("errcode")).isEqualTo(40029L);
        assertThat(codeToSession("").get("errcode")).isEqualTo(40029L);
    }

    @Test
    void recordsASubscribeMessageSentWithAValidToken() throws Exception {
        String openId = standIn.openIdFor("dora");
        Map<String, Object> reply = post("/cgi-bin/message/subscribe/send?access_token=" + token(),
                "{\"touser\":\"" + openId + "\",\"template_id\":\"TPL-1\",\"page\":\"pages/a\","
                        + "\"data\":{\"thing1\":{\"value\":\"预约已确认\"}}}");
        assertThat(reply.get("errcode")).isEqualTo(0L);
        assertThat(standIn.sentMessages()).anySatisfy(m -> {
            assertThat(m.toUser()).isEqualTo(openId);
            assertThat(m.templateId()).isEqualTo("TPL-1");
            assertThat(m.page()).isEqualTo("pages/a");
            assertThat(m.data()).containsEntry("thing1", "预约已确认");
        });
    }

    @Test
    void refusesCallsWithATokenItDidNotIssue() throws Exception {
        int before = standIn.sentMessages().size();
        Map<String, Object> reply = post("/cgi-bin/message/subscribe/send?access_token=forged",
                "{\"touser\":\"" + standIn.openIdFor("eve") + "\",\"template_id\":\"T\",\"data\":{}}");
        assertThat(reply.get("errcode")).isEqualTo(40001L);
        assertThat(post("/wxa/msg_sec_check", "{\"content\":\"x\"}").get("errcode")).isEqualTo(41001L);
        assertThat(standIn.sentMessages()).hasSize(before);
    }

    @Test
    void tokensStopWorkingOnceExpired() throws Exception {
        WeChatStandIn other = new WeChatStandIn(APP_ID, SECRET);
        int port = other.start(0);
        try {
            String base = "http://127.0.0.1:" + port;
            String token = (String) Json.parseObject(send(HttpRequest.newBuilder(URI.create(base
                    + "/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID + "&secret=" + SECRET)).build()))
                    .get("access_token");
            other.expireAccessTokens();
            Map<String, Object> reply = Json.parseObject(send(HttpRequest.newBuilder(URI.create(base
                    + "/wxa/msg_sec_check?access_token=" + token)).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"content\":\"hi\",\"version\":2}")).build()));
            assertThat(reply.get("errcode")).isEqualTo(40001L);
        } finally {
            other.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void contentCheckSuggestsPassRiskyOrReview() throws Exception {
        String url = "/wxa/msg_sec_check?access_token=" + token();
        Map<String, Object> pass = post(url, "{\"content\":\"周末去社区做志愿服务\",\"version\":2,\"scene\":2,\"openid\":\"o-frank\"}");
        Map<String, Object> risky = post(url, "{\"content\":\"有人在村里赌博\",\"version\":2,\"scene\":2,\"openid\":\"o-frank\"}");
        Map<String, Object> review = post(url, "{\"content\":\"兼职刷单\",\"version\":2,\"scene\":2,\"openid\":\"o-frank\"}");
        assertThat(((Map<String, Object>) pass.get("result")).get("suggest")).isEqualTo("pass");
        assertThat(((Map<String, Object>) risky.get("result")).get("suggest")).isEqualTo("risky");
        assertThat(((Map<String, Object>) review.get("result")).get("suggest")).isEqualTo("review");
        assertThat(post(url, "{\"content\":\"有人在村里赌博\"}").get("errcode")).isEqualTo(87014L);
        // WxJava sends the version as the string "2"; WeChat accepts that as version 2.
        Map<String, Object> asString = post(url, "{\"content\":\"兼职刷单\",\"version\":\"2\",\"scene\":2,\"openid\":\"o-frank\"}");
        assertThat(((Map<String, Object>) asString.get("result")).get("suggest")).isEqualTo("review");
        // Version 2 checks a user's text as that user: without the openid WeChat answers 40003.
        assertThat(post(url, "{\"content\":\"兼职刷单\",\"version\":2,\"scene\":2}").get("errcode")).isEqualTo(40003L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void resolvesAPhoneCodeToTheSameNumberForTheSameUser() throws Exception {
        String url = "/wxa/business/getuserphonenumber?access_token=" + token();
        Map<String, Object> first = (Map<String, Object>) post(url, "{\"code\":\"frank.p1\"}").get("phone_info");
        Map<String, Object> second = (Map<String, Object>) post(url, "{\"code\":\"frank.p2\"}").get("phone_info");
        assertThat((String) first.get("phoneNumber")).matches("1[3-9]\\d{9}").isEqualTo(second.get("phoneNumber"));
        assertThat(first.get("countryCode")).isEqualTo("86");
        assertThat(post(url, "{\"code\":\"frank.p1\"}").get("errcode")).isEqualTo(40163L);
    }

    @Test
    void aMalformedOrExpiredPhoneCodeIsInvalid() throws Exception {
        String url = "/wxa/business/getuserphonenumber?access_token=" + token();
        assertThat(post(url, "{\"code\":\"no dot here\"}").get("errcode")).isEqualTo(40029L);
        standIn.expirePhoneCode("grace.p1");
        assertThat(post(url, "{\"code\":\"grace.p1\"}").get("errcode")).isEqualTo(40029L);
        assertThat(post(url, "{\"code\":\"grace.p2\"}").get("errcode")).isEqualTo(0L);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        InetAddress nonLoopback = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .findFirst().orElse(null);
        if (nonLoopback == null) {
            // Without another interface the only reachable address is loopback, which is what we want.
            assertThat(InetAddress.getLoopbackAddress().isLoopbackAddress()).isTrue();
            return;
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    socket.connect(new java.net.InetSocketAddress(nonLoopback, standIn.port()), 1000))
                    .isInstanceOf(IOException.class);
        }
    }

    private String token() throws Exception {
        return (String) get("/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID + "&secret=" + SECRET)
                .get("access_token");
    }

    private Map<String, Object> codeToSession(String code) throws Exception {
        return get("/sns/jscode2session?appid=" + APP_ID + "&secret=" + SECRET + "&js_code=" + code
                + "&grant_type=authorization_code");
    }

    private Map<String, Object> get(String path) throws Exception {
        return Json.parseObject(send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path)).GET().build()));
    }

    private Map<String, Object> post(String path, String json) throws Exception {
        return Json.parseObject(send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build()));
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return response.body();
    }
}
