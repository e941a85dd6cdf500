package cn.nanning.civic.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform as separate processes, each of which the suite can stop, kill or restart on its own: Kafka and
 * Elasticsearch each in a dev-stack JVM of its own ({@code DevStack --only kafka|elasticsearch}, data kept across
 * restarts), and the four deployables as {@code ./civic up} runs them. PostgreSQL and Redis are the machine's; the
 * WeChat stand-in runs in the suite's JVM. Ports are the suite's own, apart from those of {@code ./civic up} and
 * {@code ./civic test}, and so is the database ({@code civic_chaos}).
 */
final class ChaosPlatform implements AutoCloseable {

    static final int GATEWAY = 28080;
    static final int SERVICES = 28081;
    static final int SEARCH = 28082;
    static final int PORTAL = 28083;
    static final int KAFKA = 29092;
    static final int ELASTICSEARCH = 29200;
    static final String DATABASE = System.getenv().getOrDefault("CHAOS_DATABASE", "civic_chaos");
    static final String DEMO_STAFF_PASSWORD = "Civic-Admin-2025!";

    private final Path root;
    private final Path state;
    private final String weChatUrl;
    private final Map<String, Process> processes = new LinkedHashMap<>();

    ChaosPlatform(Path root, Path state, String weChatUrl) {
        this.root = root;
        this.state = state;
        this.weChatUrl = weChatUrl;
    }

    static String datasourceUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    }

    /** Kafka and Elasticsearch from empty folders, then the deployables; returns when every process is healthy. */
    void startAll() throws IOException {
        deleteTree(state.resolve("data"));
        startPart("kafka");
        startPart("elasticsearch");
        for (String app : List.of("services", "search", "gateway", "portal")) {
            startApp(app);
        }
        for (String app : List.of("services", "search", "gateway", "portal")) {
            awaitHealthy(app, Duration.ofSeconds(240));
        }
    }

    // ------------------------------------------------------------------ infrastructure parts

    /** One dev-stack part ({@code kafka} or {@code elasticsearch}) in its own JVM, data under the suite's state folder. */
    void startPart(String part) throws IOException {
        Path data = state.resolve("data").resolve(part);
        Files.createDirectories(data);
        Path ready = data.resolve("devstack.ready");
        Files.deleteIfExists(ready);
        List<String> command = new ArrayList<>(List.of(java(), part.equals("kafka") ? "-Xmx512m" : "-Xmx768m", "-XX:+UseSerialGC",
                "-Dlog4j.provider=org.apache.logging.log4j.core.impl.Log4jProvider", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath("infra/devstack"), "cn.nanning.civic.devstack.DevStack",
                "--profile", "dev", "--only", part, "--data-dir", data.toString()));
        command.addAll(part.equals("kafka") ? List.of("--kafka-port", "" + KAFKA) : List.of("--elasticsearch-port", "" + ELASTICSEARCH));
        Process process = start(part, command, Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.exists(ready)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(part + " exited during start-up; see " + logFile(part));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(part + " did not start within 120 s; see " + logFile(part));
            }
            pause(250);
        }
    }

    /** Stops a part or a deployable the orderly way (SIGTERM) and waits for it to exit. */
    void stop(String name) {
        Process process = processes.remove(name);
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: no shutdown hooks, no flush, nothing closed. */
    void kill(String name) throws InterruptedException {
        Process process = processes.remove(name);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    // ------------------------------------------------------------------ deployables

    void startApp(String name) throws IOException {
        String module = switch (name) {
            case "services" -> "services/app";
            case "search", "gateway", "portal" -> name;
            default -> throw new IllegalArgumentException(name);
        };
        String main = switch (name) {
            case "services" -> "cn.nanning.civic.services.ServicesApplication";
            case "search" -> "cn.nanning.civic.search.SearchApplication";
            case "gateway" -> "cn.nanning.civic.gateway.GatewayApplication";
            default -> "cn.nanning.civic.portal.PortalApplication";
        };
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_SERVER_PORT", "" + port(name));
        env.put("PORTAL_PORT", "" + port(name));
        env.put("DATASOURCES_DEFAULT_URL", datasourceUrl());
        env.put("DATASOURCES_DEFAULT_USERNAME", "civic_app");
        env.put("CIVIC_SCHEMA_OWNER_USERNAME", "civic_owner");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + KAFKA);
        env.put("ELASTICSEARCH_URL", "http://127.0.0.1:" + ELASTICSEARCH);
        env.put("REDIS_URL", "redis://127.0.0.1:6379");
        env.put("WECHAT_API_HOST", weChatUrl);
        env.put("SERVICES_URL", "http://127.0.0.1:" + SERVICES);
        env.put("SEARCH_URL", "http://127.0.0.1:" + SEARCH);
        env.put("PORTAL_URL", "http://127.0.0.1:" + PORTAL);
        env.put("GATEWAY_URL", "http://127.0.0.1:" + GATEWAY);
        env.put("GATEWAY_JWKS_URL", "http://127.0.0.1:" + GATEWAY + "/.well-known/jwks.json");
        env.put("GATEWAY_REVOKED_SESSIONS_URL", "http://127.0.0.1:" + GATEWAY + "/.well-known/revoked-sessions");
        env.put("CIVIC_SEED_DEMO", "true");
        env.put("CIVIC_DEMO_STAFF_PASSWORD", DEMO_STAFF_PASSWORD);
        env.put("CIVIC_MATERIALS_DIR", state.resolve("materials").toString());
        // The workload signs its citizens and staff in from one address; the sign-in limit is per address.
        env.put("GATEWAY_RATE_LIMITS_LOGIN_CAPACITY", "5000");
        // Law search by meaning is not under test here; the model would take a core for minutes at every start.
        env.put("CIVIC_SEARCH_SEMANTIC_ENABLED", "false");
        start(name, List.of(java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED", "-cp", classpath(module), main), env);
    }

    static int port(String name) {
        return switch (name) {
            case "gateway" -> GATEWAY;
            case "services" -> SERVICES;
            case "search" -> SEARCH;
            case "portal" -> PORTAL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Waits until a deployable answers 200 on /health; returns how long that took. */
    Duration awaitHealthy(String name, Duration limit) {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < limit.toNanos()) {
            Process process = processes.get(name);
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile(name));
            }
            if (healthy(http, name)) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            pause(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + limit.toSeconds() + " s; see " + logFile(name));
    }

    boolean healthy(String name) {
        return healthy(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), name);
    }

    private static boolean healthy(HttpClient http, String name) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(name) + "/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path logFile(String name) {
        return state.resolve("logs").resolve(name + ".log");
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(processes.keySet());
        for (String name : names.reversed()) {
            stop(name);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        Files.createDirectories(state.resolve("logs"));
        // The JVM's options, class path and main class go into an argument file, so the process's command line is
        // `java @…/name.args`: a clean-up of leftover platform JVMs by main-class name (.ci/run stops every
        // `cn.nanning.civic.` process before a test run) does not take the suite's processes for leftovers.
        Path args = state.resolve("run").resolve(name + ".args");
        Files.createDirectories(args.getParent());
        Files.writeString(args, String.join("\n", command.subList(1, command.size())) + "\n");
        command = List.of(command.getFirst(), "@" + args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.put(name, process);
        return process;
    }

    /**
     * The module's class path, with everything built in this tree (classes folders, module jars) copied once per run
     * into the suite's state folder: a build in the tree during a run (tests of a fix) must not change the classes
     * that a restarted process loads halfway through.
     */
    private String classpath(String module) {
        Path dir = root.resolve(module);
        try {
            List<String> entries = new ArrayList<>(List.of(dir.resolve("target/classes").toString()));
            entries.addAll(List.of(Files.readString(dir.resolve("target/runtime-classpath.txt")).strip().split(":")));
            List<String> snapshot = new ArrayList<>();
            for (String entry : entries) {
                Path path = Path.of(entry);
                snapshot.add(path.startsWith(root) ? snapshotOf(path).toString() : entry);
            }
            return String.join(":", snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("build first (./civic build): " + dir, e);
        }
    }

    private final Map<Path, Path> snapshots = new java.util.concurrent.ConcurrentHashMap<>();

    private Path snapshotOf(Path built) throws IOException {
        Path existing = snapshots.get(built);
        if (existing != null) {
            return existing;
        }
        Path copy = state.resolve("classpath").resolve(root.relativize(built));
        deleteTree(copy);
        Files.createDirectories(copy.getParent());
        if (Files.isDirectory(built)) {
            try (Stream<Path> paths = Files.walk(built)) {
                for (Path path : paths.toList()) {
                    Path target = copy.resolve(built.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                }
            }
        } else if (Files.exists(built)) {
            Files.copy(built, copy);
        }
        snapshots.put(built, copy);
        return copy;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
