package cn.nanning.civic.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A local stand-in for the WeChat server API (api.weixin.qq.com), for dev mode and tests. It listens on the
 * loopback interface only and answers with the same JSON shapes and error codes as the real API, so the
 * WxJava SDK can be pointed at it with {@code setApiHostUrl}.
 *
 * <p>Login codes look like {@code <user>.<nonce>}: the openid depends only on {@code <user>} and the app id, so
 * a test can sign the same person in twice with two different codes. Every code works once.
 */
public final class WeChatStandIn implements AutoCloseable {

    /** App id and secret the dev stack and the deployables' dev defaults agree on. Not secrets: dev only. */
    public static final String DEV_APP_ID = "wx5a1ce0dec0de4501";
    public static final String DEV_APP_SECRET = "dev-only-wechat-app-secret-4501";

    static final long TOKEN_LIFETIME_SECONDS = 7200;

    private static final Logger LOG = LoggerFactory.getLogger(WeChatStandIn.class);
    private static final Pattern CODE = Pattern.compile("([A-Za-z0-9_\\-]{1,64})\\.([A-Za-z0-9_\\-]{1,64})");

    private final String appId;
    private final String appSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private volatile String stableToken;
    private final Set<String> usedLoginCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> usedPhoneCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> expiredPhoneCodes = ConcurrentHashMap.newKeySet();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final List<ContentCheckRequest> contentChecks = new CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong(1_000_000L);
    private HttpServer server;
    private ExecutorService executor;
    /** For fault tests: every answer waits this long, or WeChat's "system busy" (-1) is the answer. */
    private volatile java.time.Duration delay = java.time.Duration.ZERO;
    private volatile boolean busy;

    public WeChatStandIn(String appId, String appSecret) {
        if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("appId and appSecret are required");
        }
        this.appId = appId;
        this.appSecret = appSecret;
    }

    /** Starts listening on 127.0.0.1; {@code port} 0 picks a free port. Returns the bound port. */
    public synchronized int start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("WeChat stand-in cannot bind 127.0.0.1:" + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("WeChat stand-in for app {} listening on {}", appId, baseUrl());
        return port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** The value for {@code civic.wechat.api-host}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String appId() {
        return appId;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            LOG.info("WeChat stand-in for app {} stopped", appId);
        }
    }

    /** The openid this stand-in gives {@code user} (the part of a login code before the dot). */
    public String openIdFor(String user) {
        return "o" + base64Url(sha256(appId + ":" + user)).substring(0, 27);
    }

    /** The unionid of {@code user}; independent of the app id, as on the real platform. */
    public String unionIdFor(String user) {
        return "u" + base64Url(sha256("union:" + user)).substring(0, 27);
    }

    /** The mobile number a phone code {@code <user>.<nonce>} (or any other code) resolves to. */
    public String phoneNumberFor(String code) {
        String user = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        byte[] hash = sha256("phone:" + user);
        long digits = Math.floorMod(java.nio.ByteBuffer.wrap(hash).getLong(), 100_000_000L);
        String[] prefixes = {"130", "135", "138", "139", "150", "158", "177", "186", "188", "199"};
        return prefixes[Math.floorMod(hash[8], prefixes.length)] + String.format("%08d", digits);
    }

    /**
     * Lets a phone code age past its five minutes: WeChat then answers 40029, as for any invalid code. Phone codes,
     * like login codes, look like {@code <user>.<nonce>}.
     */
    public void expirePhoneCode(String code) {
        expiredPhoneCodes.add(code);
    }

    /** Subscribe messages received so far, oldest first. */
    public List<SentMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    public void clearSentMessages() {
        sentMessages.clear();
    }

    /** msg_sec_check requests received so far, oldest first (who was checked, with which version and scene). */
    public List<ContentCheckRequest> contentChecks() {
        return List.copyOf(contentChecks);
    }

    /** Makes every issued access token invalid, as when WeChat rotates them; clients must fetch a new one. */
    /** Every answer from now on waits {@code delay} first, as a slow WeChat would (zero to stop). */
    public void slowDown(java.time.Duration delay) {
        this.delay = delay;
    }

    /** Every call from now on is answered with WeChat's "system busy" (errcode -1), or normally again. */
    public void answerBusy(boolean busy) {
        this.busy = busy;
    }

    public void expireAccessTokens() {
        accessTokens.clear();
        stableToken = null;
    }

    /** A msg_sec_check request as received; {@code openid} and {@code scene} are null when not sent. */
    public record ContentCheckRequest(String openid, String version, Integer scene, String content, Instant receivedAt) {
    }

    /** A subscribe message as the mini-program user would receive it. */
    public record SentMessage(String toUser, String templateId, String page, Map<String, String> data,
                              String body, Instant receivedAt) {
    }

    private Reply msgSecCheck(Map<String, Object> body) {
        Object openid = body.get("openid");
        Object version = body.get("version");
        Object scene = body.get("scene");
        Object content = body.get("content");
        contentChecks.add(new ContentCheckRequest(openid == null ? null : openid.toString(), version == null ? null : version.toString(),
                scene instanceof Number n ? n.intValue() : null, content == null ? null : content.toString(), Instant.now()));
        return Reply.ok(MsgSecCheck.answer(body));
    }

    // ------------------------------------------------------------------ dispatch

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = readBody(exchange.getRequestBody());
            java.time.Duration wait = delay;
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Reply reply;
            try {
                reply = busy ? Reply.ok(error(-1, "system error")) : switch (method + " " + path) {
                    case "GET /cgi-bin/token" -> token(query);
                    case "POST /cgi-bin/stable_token" -> stableToken(Json.parseObject(body));
                    case "GET /sns/jscode2session" -> codeToSession(query);
                    case "POST /cgi-bin/message/subscribe/send" -> withToken(query, () -> subscribeSend(body));
                    case "POST /wxa/msg_sec_check" -> withToken(query, () -> msgSecCheck(Json.parseObject(body)));
                    case "POST /wxa/business/getuserphonenumber" -> withToken(query, () -> phoneNumber(Json.parseObject(body)));
                    default -> new Reply(404, error(-1, "api not found: " + method + " " + path));
                };
            } catch (IllegalArgumentException badJson) {
                reply = Reply.ok(error(47001, "data format error"));
            }
            LOG.debug("{} {} -> {}", method, path, reply.status());
            byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            LOG.warn("WeChat stand-in failed to answer", e);
            throw e;
        }
    }

    private record Reply(int status, Map<String, Object> body) {
        static Reply ok(Map<String, Object> body) {
            return new Reply(200, body);
        }
    }

    // ------------------------------------------------------------------ access tokens

    private Reply token(Map<String, String> query) {
        if (!"client_credential".equals(query.get("grant_type"))) {
            return Reply.ok(error(40002, "invalid grant_type"));
        }
        Map<String, Object> refused = checkCredentials(query.get("appid"), query.get("secret"));
        if (refused != null) {
            return Reply.ok(refused);
        }
        return Reply.ok(tokenBody(issueToken()));
    }

    private Reply stableToken(Map<String, Object> body) {
        if (!"client_credential".equals(body.get("grant_type"))) {
            return Reply.ok(error(40002, "invalid grant_type"));
        }
        Map<String, Object> refused = checkCredentials(string(body.get("appid")), string(body.get("secret")));
        if (refused != null) {
            return Reply.ok(refused);
        }
        synchronized (this) {
            boolean force = Boolean.TRUE.equals(body.get("force_refresh"));
            String current = stableToken;
            if (force || current == null || !valid(current)) {
                current = issueToken();
                stableToken = current;
            }
            return Reply.ok(tokenBody(current));
        }
    }

    private Map<String, Object> tokenBody(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        long left = Duration.between(Instant.now(), accessTokens.getOrDefault(token, Instant.now())).toSeconds();
        body.put("expires_in", Math.max(left, 0));
        return body;
    }

    private String issueToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = base64Url(bytes);
        accessTokens.put(token, Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS));
        return token;
    }

    private boolean valid(String token) {
        Instant expiry = token == null ? null : accessTokens.get(token);
        return expiry != null && expiry.isAfter(Instant.now());
    }

    private Reply withToken(Map<String, String> query, java.util.function.Supplier<Reply> action) {
        String token = query.get("access_token");
        if (token == null || token.isEmpty()) {
            return Reply.ok(error(41001, "access_token missing"));
        }
        Instant expiry = accessTokens.get(token);
        if (expiry == null) {
            return Reply.ok(error(40001, "invalid credential, access_token is invalid or not latest"));
        }
        if (!expiry.isAfter(Instant.now())) {
            return Reply.ok(error(42001, "access_token expired"));
        }
        return action.get();
    }

    private Map<String, Object> checkCredentials(String givenAppId, String givenSecret) {
        if (!appId.equals(givenAppId)) {
            return error(40013, "invalid appid");
        }
        if (!appSecret.equals(givenSecret)) {
            return error(40125, "invalid appsecret");
        }
        return null;
    }

    // ------------------------------------------------------------------ login

    private Reply codeToSession(Map<String, String> query) {
        Map<String, Object> refused = checkCredentials(query.get("appid"), query.get("secret"));
        if (refused != null) {
            return Reply.ok(refused);
        }
        if (!"authorization_code".equals(query.get("grant_type"))) {
            return Reply.ok(error(40002, "invalid grant_type"));
        }
        String code = query.get("js_code");
        var matcher = code == null ? null : CODE.matcher(code);
        if (matcher == null || !matcher.matches()) {
            return Reply.ok(error(40029, "invalid code"));
        }
        if (!usedLoginCodes.add(code)) {
            return Reply.ok(error(40163, "code been used"));
        }
        String user = matcher.group(1);
        byte[] sessionKey = new byte[16];
        random.nextBytes(sessionKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_key", Base64.getEncoder().encodeToString(sessionKey));
        body.put("openid", openIdFor(user));
        body.put("unionid", unionIdFor(user));
        return Reply.ok(body);
    }

    // ------------------------------------------------------------------ subscribe messages

    private Reply subscribeSend(String raw) {
        Map<String, Object> body = Json.parseObject(raw);
        String toUser = string(body.get("touser"));
        String templateId = string(body.get("template_id"));
        if (toUser == null || !toUser.startsWith("o") || toUser.length() != 28) {
            return Reply.ok(error(40003, "invalid openid"));
        }
        if (templateId == null || templateId.isBlank()) {
            return Reply.ok(error(40037, "invalid template_id"));
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (body.get("data") instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                Object value = field.getValue() instanceof Map<?, ?> v ? v.get("value") : field.getValue();
                data.put(String.valueOf(field.getKey()), value == null ? null : value.toString());
            }
        } else {
            return Reply.ok(error(47003, "argument invalid! data is empty"));
        }
        sentMessages.add(new SentMessage(toUser, templateId, string(body.get("page")), data, raw, Instant.now()));
        Map<String, Object> reply = error(0, "ok");
        reply.put("msgid", messageIds.incrementAndGet());
        return Reply.ok(reply);
    }

    // ------------------------------------------------------------------ phone numbers

    private Reply phoneNumber(Map<String, Object> body) {
        String code = string(body.get("code"));
        if (code == null || !CODE.matcher(code).matches() || expiredPhoneCodes.contains(code)) {
            return Reply.ok(error(40029, "invalid code"));
        }
        if (!usedPhoneCodes.add(code)) {
            return Reply.ok(error(40163, "code been used"));
        }
        String phone = phoneNumberFor(code);
        Map<String, Object> watermark = new LinkedHashMap<>();
        watermark.put("timestamp", Instant.now().getEpochSecond());
        watermark.put("appid", appId);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("phoneNumber", phone);
        info.put("purePhoneNumber", phone);
        info.put("countryCode", "86");
        info.put("watermark", watermark);
        Map<String, Object> reply = error(0, "ok");
        reply.put("phone_info", info);
        return Reply.ok(reply);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", code);
        body.put("errmsg", message);
        return body;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String readBody(InputStream in) throws IOException {
        // WeChat bodies are small; refuse to buffer anything huge.
        byte[] bytes = in.readNBytes(1 << 20);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Runs the stand-in on its own: {@code [port] [appId] [appSecret]}; stops on Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        String id = args.length > 1 ? args[1] : DEV_APP_ID;
        String secret = args.length > 2 ? args[2] : DEV_APP_SECRET;
        WeChatStandIn standIn = new WeChatStandIn(id, secret);
        int bound = standIn.start(port);
        System.out.println("WeChat stand-in on http://127.0.0.1:" + bound + " for app " + id);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        Thread.currentThread().join();
    }
}
