package cn.nanning.civic.bench;

import cn.nanning.civic.wechat.WeChatStandIn;
import io.micronaut.context.ApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway costs: one services endpoint ({@code GET /api/v1/regions/450103}, a signed-in read answered from
 * memory, so the downstream itself is cheap and the proxies' overhead shows) loaded by a closed loop of clients
 * (virtual threads sharing one HTTP client, a keep-alive connection each) in three ways:
 * <ol>
 *   <li>directly at services (which verifies the RS256 token against the gateway's JWKS);</li>
 *   <li>through the real gateway, as its own JVM: token verification, the Redis rate limit (Bucket4j, with a
 *       policy far above the load, so nothing is throttled but every request pays the round trip), bulkhead,
 *       circuit breaker, access log, forwarding;</li>
 *   <li>through nginx (Debian's package) as a plain reverse proxy with keep-alive to services.</li>
 * </ol>
 * Each way gets a warm-up, then a measured period. The citizen's token comes from a real WeChat sign-in at the
 * gateway (against the WeChat stand-in). Arguments: {@code [seconds per way, default 20] [clients, default 32]}.
 * Needs PostgreSQL ({@code civic_bench}), Redis on 6379 and nginx on the PATH ({@code ./civic bench gateway}
 * installs it when missing). Everything it starts is stopped at the end.
 */
public final class GatewayBench {

    private static final String PATH = "/api/v1/regions/450103";
    private static final Path OUT = Path.of(".civic/bench");
    private static final int ROUNDS = 3;

    private GatewayBench() {
    }

    record Result(String way, long requests, long failures, double seconds, double throughput, double p50Ms,
                  double p90Ms, double p99Ms, double maxMs, double proxyCpuMsPerRequest, double benchCpuMsPerRequest) {
    }

    /** CPU time spent during a way's measured rounds: by its proxy process (none for direct) and by this JVM. */
    private static final class CpuSpent {
        double proxyMs;
        double benchMs;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Files.createDirectories(OUT);
        int servicesPort = freePort();
        int gatewayPort = freePort();
        int nginxPort = freePort();
        List<Process> processes = new ArrayList<>();
        WeChatStandIn weChat = new WeChatStandIn(WeChatStandIn.DEV_APP_ID, WeChatStandIn.DEV_APP_SECRET);
        ApplicationContext services = null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroy)));
        try {
            weChat.start(0);
            processes.add(startGateway(gatewayPort, servicesPort, weChat.baseUrl()));
            services = BenchSupport.startServices(Map.of(
                    // Without a broker here, services' Kafka consumers would spin reconnecting and their CPU would be
                    // charged to every request of the slower ways.
                    "kafka.enabled", false,
                    "micronaut.server.port", servicesPort,
                    "micronaut.security.token.jwt.signatures.jwks.gateway.url",
                    "http://127.0.0.1:" + gatewayPort + "/.well-known/jwks.json"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            awaitStatus(http, "http://127.0.0.1:" + gatewayPort + "/health", 200, processes.getFirst(), "gateway");
            processes.add(startNginx(nginxPort, servicesPort));
            // Without a token services answer 401: then nginx is up and passing requests on.
            awaitStatus(http, "http://127.0.0.1:" + nginxPort + PATH, 401, processes.getLast(), "nginx");

            // Every client is a citizen of its own, as in real traffic (each has its own rate-limit bucket).
            List<String> tokens = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                tokens.add(citizenToken(http, gatewayPort));
            }
            Map<String, String> ways = new LinkedHashMap<>();
            ways.put("direct", "http://127.0.0.1:" + servicesPort + PATH);
            ways.put("gateway", "http://127.0.0.1:" + gatewayPort + PATH);
            ways.put("nginx", "http://127.0.0.1:" + nginxPort + PATH);
            for (String url : ways.values()) {
                HttpResponse<String> probe = http.send(get(url, tokens.getFirst()), HttpResponse.BodyHandlers.ofString());
                if (probe.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + probe.statusCode() + ": " + probe.body());
                }
            }
            if (Boolean.getBoolean("bench.hold")) {
                // For looking at single requests by hand (curl -w, a profiler): keep everything up until interrupted.
                System.out.printf("Holding. Token: %s%n", tokens.getFirst());
                ways.forEach((way, url) -> System.out.printf("  %-8s %s%n", way, url));
                Thread.sleep(Long.MAX_VALUE);
            }
            // The gateway's JIT needs longer than services' (a deeper pipeline): a short warm-up measured the compiler.
            int warmUp = Math.max(10, seconds);
            System.out.printf("Load: %d clients (one citizen each), %d s warm-up per way, then %d rounds of %d s per way in turn, GET %s%n",
                    clients, warmUp, ROUNDS, Math.max(1, seconds / ROUNDS), PATH);
            for (Map.Entry<String, String> way : ways.entrySet()) {
                load(way.getValue(), tokens, warmUp);
            }
            // Rounds in turn, so a change in background load on the machine hits every way alike.
            Map<String, List<Sample>> measured = new LinkedHashMap<>();
            Map<String, CpuSpent> cpu = new LinkedHashMap<>();
            Map<String, ProcessHandle> proxies = Map.of("gateway", processes.get(0).toHandle(), "nginx", processes.get(1).toHandle());
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, String> way : ways.entrySet()) {
                    ProcessHandle proxy = proxies.get(way.getKey());
                    double proxyBefore = proxy == null ? 0 : cpuMillis(proxy);
                    double benchBefore = ownCpuMillis();
                    measured.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(load(way.getValue(), tokens, Math.max(1, seconds / ROUNDS)));
                    CpuSpent spent = cpu.computeIfAbsent(way.getKey(), k -> new CpuSpent());
                    spent.proxyMs += proxy == null ? 0 : cpuMillis(proxy) - proxyBefore;
                    spent.benchMs += ownCpuMillis() - benchBefore;
                }
            }
            List<Result> results = new ArrayList<>();
            for (Map.Entry<String, List<Sample>> way : measured.entrySet()) {
                Result result = summary(way.getKey(), way.getValue(), cpu.get(way.getKey()));
                results.add(result);
                System.out.printf(Locale.ROOT, "  %-8s %9.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d failed)"
                                + "  CPU per request: proxy %.3f ms, services + load generator %.3f ms%n",
                        result.way(), result.throughput(), result.p50Ms(), result.p90Ms(), result.p99Ms(), result.maxMs(),
                        result.requests(), result.failures(), result.proxyCpuMsPerRequest(), result.benchCpuMsPerRequest());
            }
            report(results, clients, seconds);
        } finally {
            for (Process process : processes.reversed()) {
                stop(process);
            }
            if (services != null) {
                services.close();
            }
            weChat.close();
        }
    }

    // ------------------------------------------------------------------ load

    /** The latencies (nanoseconds) of one measured period, with its length and failures. */
    record Sample(long[] nanos, long failures, double seconds) {
    }

    private static Sample load(String url, List<String> tokens, int seconds) throws Exception {
        int clients = tokens.size();
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] failures = new long[clients];
        long started = System.nanoTime();
        // One HTTP client (one selector thread, a keep-alive connection per busy client) keeps the load generator's
        // own CPU use small: it shares the 2 cores with what it measures.
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.add(pool.submit(() -> {
                    // One client, one request at a time (a closed loop).
                    HttpRequest request = get(url, tokens.get(client));
                    long[] mine = new long[1 << 14];
                    int n = 0;
                    while (running.get()) {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                failures[client]++;
                            }
                        } catch (IOException e) {
                            failures[client]++;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t;
                    }
                    latencies[client] = mine;
                    counts[client] = n;
                    return null;
                }));
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Sample(all, Arrays.stream(failures).sum(), elapsed);
    }

    private static Result summary(String way, List<Sample> samples, CpuSpent cpu) {
        long[] all = samples.stream().map(Sample::nanos).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = samples.stream().mapToDouble(Sample::seconds).sum();
        long failures = samples.stream().mapToLong(Sample::failures).sum();
        double perRequest = Math.max(1, all.length);
        return new Result(way, all.length, failures, seconds, all.length / seconds,
                percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                cpu.proxyMs / perRequest, cpu.benchMs / perRequest);
    }

    /**
     * CPU time (ms) a process and its descendants (nginx's workers) have used so far, from /proc: unlike throughput,
     * it barely moves with whatever else runs on the machine, so it is the figure to compare changes by.
     */
    private static double cpuMillis(ProcessHandle process) {
        long ticks = clockTicks(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            ticks += clockTicks(child.pid());
        }
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    private static long clockTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces): state is field 3, utime 14 and stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** CPU time (ms) of this JVM: the services under test and the load generator. */
    private static double ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    // ------------------------------------------------------------------ what is measured

    /** The gateway as `./civic up` runs it (its own JVM), but with full JIT and a default policy above the load. */
    private static Process startGateway(int port, int servicesPort, String weChatUrl) throws IOException {
        String classpath = "gateway/target/classes:" + Files.readString(Path.of("gateway/target/runtime-classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                // Rate limiting stays on (the shared Redis bucket, settled in batches for generous read policies); the
                // bench's subjects just never reach the limit.
                "-Dgateway.rate-limits.default.capacity=1000000000",
                // The bench signs one citizen in per client, all from 127.0.0.1.
                "-Dgateway.rate-limits.login.capacity=1000000",
                "-Dcivic.notifications.enabled=false",
                // Notifications are off, so nothing in the gateway needs Kafka; no client polling a broker that is not there.
                "-Dkafka.enabled=false",
                "-cp", classpath, "cn.nanning.civic.gateway.GatewayApplication"));
        // For profiling the gateway under this load, e.g. -Dbench.gateway-jvm-options=-XX:StartFlightRecording=filename=gw.jfr
        String extra = System.getProperty("bench.gateway-jvm-options", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(1, List.of(extra.split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve("gateway-bench.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("DATASOURCES_DEFAULT_URL", BenchSupport.DATASOURCE_URL);
        env.put("SERVICES_URL", "http://127.0.0.1:" + servicesPort);
        env.put("WECHAT_API_HOST", weChatUrl);
        env.put("WECHAT_APP_ID", WeChatStandIn.DEV_APP_ID);
        env.put("WECHAT_APP_SECRET", WeChatStandIn.DEV_APP_SECRET);
        env.put("CIVIC_SEED_DEMO", "false");
        return builder.start();
    }

    /** nginx in the foreground with a generated configuration: a plain keep-alive reverse proxy to services. */
    private static Process startNginx(int port, int servicesPort) throws IOException {
        Path prefix = OUT.resolve("nginx").toAbsolutePath();
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        String conf = """
                daemon off;
                master_process on;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log %1$s/logs/access.log combined buffer=64k flush=1s;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    upstream services { server 127.0.0.1:%3$d; keepalive 64; }
                    server {
                        listen 127.0.0.1:%2$d;
                        keepalive_requests 1000000;
                        location / {
                            proxy_pass http://services;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        }
                    }
                }
                """.formatted(prefix, port, servicesPort);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        return new ProcessBuilder(nginxBinary(), "-p", prefix.toString(), "-c", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
    }

    private static String citizenToken(HttpClient http, int gatewayPort) throws Exception {
        String code = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".login";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/auth/wechat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("citizen sign-in at the gateway failed: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    // ------------------------------------------------------------------ report

    private static void report(List<Result> results, int clients, int seconds) throws IOException {
        Result direct = results.get(0);
        Result gateway = results.get(1);
        Result nginx = results.get(2);
        double keptByGateway = gateway.throughput() / direct.throughput();
        double keptByNginx = nginx.throughput() / direct.throughput();
        double addedByGateway = gateway.p50Ms() - direct.p50Ms();
        double addedByNginx = nginx.p50Ms() - direct.p50Ms();
        System.out.printf(Locale.ROOT, "Gateway keeps %.0f%% of direct throughput (goal ≥ 70%%) and adds %.2f ms at p50 (goal < 2 ms): %s%n",
                keptByGateway * 100, addedByGateway, keptByGateway >= 0.70 && addedByGateway < 2 ? "goal met" : "goal MISSED");
        System.out.printf(Locale.ROOT, "nginx keeps %.0f%% of direct throughput and adds %.2f ms at p50%n", keptByNginx * 100, addedByNginx);
        System.out.printf(Locale.ROOT, "CPU per request: the gateway process %.3f ms, nginx %.3f ms; services + load generator %.3f ms direct%n",
                gateway.proxyCpuMsPerRequest(), nginx.proxyCpuMsPerRequest(), direct.benchCpuMsPerRequest());
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"date\":\"%s\",\"path\":\"%s\",\"clients\":%d,\"seconds\":%d,\"cores\":%d,\"ways\":[",
                LocalDate.now(), PATH, clients, seconds, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"way\":\"%s\",\"requests\":%d,\"failures\":%d,\"seconds\":%.2f,\"throughput\":%.1f,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"proxyCpuMsPerRequest\":%.3f,\"benchCpuMsPerRequest\":%.3f}",
                    r.way(), r.requests(), r.failures(), r.seconds(), r.throughput(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(),
                    r.proxyCpuMsPerRequest(), r.benchCpuMsPerRequest()));
        }
        json.append(String.format(Locale.ROOT,
                "],\"gatewayThroughputRatio\":%.3f,\"gatewayAddedP50Ms\":%.3f,\"nginxThroughputRatio\":%.3f,\"nginxAddedP50Ms\":%.3f,\"goalMet\":%s}",
                keptByGateway, addedByGateway, keptByNginx, addedByNginx, keptByGateway >= 0.70 && addedByGateway < 2));
        BenchSupport.report("gateway", "Gateway overhead", json.toString());
    }

    // ------------------------------------------------------------------ processes

    private static void awaitStatus(HttpClient http, String url, int status, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (exit " + process.exitValue() + "); see " + OUT);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + status + " at " + url + "; see " + OUT);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed (./civic bench gateway installs Debian's package)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
