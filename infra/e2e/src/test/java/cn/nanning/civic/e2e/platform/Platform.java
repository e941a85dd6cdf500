package cn.nanning.civic.e2e.platform;

import cn.nanning.civic.wechat.WeChatStandIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs every deployable as its own JVM, the way `./civic up` does, against the dev stack that `./civic test`
 * started (test profile). One platform per test JVM; processes stop when the JVM exits.
 */
public final class Platform {

    public static final int GATEWAY = 18080;
    public static final int SERVICES = 18081;
    public static final int SEARCH = 18082;
    public static final int PORTAL = 18083;
    public static final String DEMO_STAFF_PASSWORD = "Civic-Admin-2025!";

    private static Platform instance;
    private static WeChatStandIn weChat;

    private final Path root;
    private final Path logs;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();

    private Platform(Path root) throws IOException {
        this.root = root;
        this.logs = root.resolve("infra/e2e/target/e2e-logs");
        Files.createDirectories(logs);
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        if (instance == null) {
            try {
                Platform platform = new Platform(Path.of(System.getProperty("civic.root", "../..")).toAbsolutePath().normalize());
                Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll));
                platform.start("services", Map.of());
                platform.start("search", Map.of());
                // The gateway talks to a WeChat stand-in in this JVM (same dev app id and secret as the dev stack's), so
                // tests can read the subscribe messages that reached it; services keep the dev stack's for content checks.
                weChat = new WeChatStandIn(WeChatStandIn.DEV_APP_ID, WeChatStandIn.DEV_APP_SECRET);
                weChat.start(0);
                platform.start("gateway", Map.of("WECHAT_API_HOST", weChat.baseUrl()));
                platform.start("portal", Map.of());
                for (String name : platform.processes.keySet()) {
                    platform.awaitHealthy(name);
                }
                instance = platform;
            } catch (IOException e) {
                throw new IllegalStateException("could not start the platform", e);
            }
        }
        return instance;
    }

    /** The WeChat API stand-in the gateway calls: code2session for citizens' sign-in, subscribe messages received. */
    public static WeChatStandIn weChat() {
        get();
        return weChat;
    }

    /** Starts one deployable with extra environment variables (replacing a running one of that name). */
    public void start(String name, Map<String, String> extraEnv) throws IOException {
        startInstance(name, name, Deployable.named(name).port(), extraEnv);
    }

    /**
     * Starts another instance of a deployable under its own name and port, e.g. a second services process; it is
     * stopped with the others, or earlier with {@link #kill(String)}.
     */
    public void startInstance(String name, String deployable, int port, Map<String, String> extraEnv) throws IOException {
        Deployable d = Deployable.named(deployable);
        ports.put(name, port);
        Path module = root.resolve(d.module());
        String classpath = module.resolve("target/classes") + ":" + Files.readString(module.resolve("target/runtime-classpath.txt")).strip();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", classpath, d.mainClass());
        builder.directory(root.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(TestStack.environment());
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        env.put("PORTAL_PORT", String.valueOf(port));
        env.put("SERVICES_URL", "http://127.0.0.1:" + SERVICES);
        env.put("SEARCH_URL", "http://127.0.0.1:" + SEARCH);
        env.put("PORTAL_URL", "http://127.0.0.1:" + PORTAL);
        env.put("GATEWAY_URL", "http://127.0.0.1:" + GATEWAY);
        env.put("GATEWAY_JWKS_URL", "http://127.0.0.1:" + GATEWAY + "/.well-known/jwks.json");
        env.put("GATEWAY_REVOKED_SESSIONS_URL", "http://127.0.0.1:" + GATEWAY + "/.well-known/revoked-sessions");
        env.put("CIVIC_SEED_DEMO", "true");
        env.put("CIVIC_DEMO_STAFF_PASSWORD", DEMO_STAFF_PASSWORD);
        // Every e2e sign-in (staff and WeChat citizens) comes from 127.0.0.1, and the login limit is per address
        // (20 a minute): a whole suite of view tests signing in would be throttled. The limit itself is tested in gateway.
        env.put("GATEWAY_RATE_LIMITS_LOGIN_CAPACITY", "2000");
        env.putAll(extraEnv);
        processes.put(name, builder.start());
    }

    /** Kills a deployable at once, as a crash would (no shutdown hooks). */
    public void kill(String name) throws InterruptedException {
        Process process = processes.remove(name);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public void awaitHealthy(String name) {
        int port = ports.getOrDefault(name, 0);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(150);
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(name);
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile(name));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within 150 s; see " + logFile(name));
    }

    public Path logFile(String name) {
        return logs.resolve(name + ".log");
    }

    public String log(String name) throws IOException {
        return Files.readString(logFile(name));
    }

    /**
     * The process's log once it contains {@code text}, waiting up to 5 s: deployables write their lines from a queue
     * drained every 50 ms, not as they are logged. Returns the log as it is at the deadline otherwise.
     */
    public String logOnceItContains(String name, String text) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String log = log(name);
        while (!log.contains(text) && System.nanoTime() < deadline) {
            sleep(50);
            log = log(name);
        }
        return log;
    }

    private void stopAll() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(p -> {
            try {
                if (!p.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Deployable(String module, String mainClass, int port) {
        static Deployable named(String name) {
            return switch (name) {
                case "services" -> new Deployable("services/app", "cn.nanning.civic.services.ServicesApplication", SERVICES);
                case "search" -> new Deployable("search", "cn.nanning.civic.search.SearchApplication", SEARCH);
                case "gateway" -> new Deployable("gateway", "cn.nanning.civic.gateway.GatewayApplication", GATEWAY);
                case "portal" -> new Deployable("portal", "cn.nanning.civic.portal.PortalApplication", PORTAL);
                default -> throw new IllegalArgumentException(name);
            };
        }
    }
}
