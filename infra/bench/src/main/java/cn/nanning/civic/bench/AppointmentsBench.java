package cn.nanning.civic.bench;

import cn.nanning.civic.common.identity.Claims;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `./civic bench appointments [clients] [providers]`: providers with full weekly plans in as many townships, then
 * (1) slot search — a week of slots for a random provider, by the clients at once — and (2) booking under contention:
 * every client books the same few slots of random providers at the same moment, through the real services HTTP API.
 * Reports throughput, latency percentiles, outcomes and the number of double bookings in the database (must be 0).
 * Writes {@code .civic/bench/appointments.json}.
 */
public final class AppointmentsBench {

    private static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private AppointmentsBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int providerCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        ApplicationContext context = BenchSupport.startServices(Map.of("civic.appointments.reminders.enabled", false));
        try {
            String base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + "/api/v1/appointments";
            JwtTokenGenerator tokens = context.getBean(JwtTokenGenerator.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            try (Connection db = DriverManager.getConnection(BenchSupport.DATASOURCE_URL, "postgres", "")) {
                List<String> townships = new ArrayList<>(BenchSupport.strings(db, "select code from kernel.region where level = 'township' order by code"));
                Collections.shuffle(townships, new Random(3));
                List<String> providers = seed(http, base, tokens, townships, providerCount);
                LocalDate day = LocalDate.now(NANNING).plusDays(2);
                List<String> citizens = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    citizens.add(token(tokens, "bench-citizen-" + UUID.randomUUID(), Claims.KIND_CITIZEN, "CITIZEN", null));
                }
                Map<String, Object> results = new TreeMap<>();
                results.put("clients", clients);
                results.put("providers", providers.size());
                slotSearch(http, base, providers, citizens, day);  // warm-up: JIT, connection pools
                results.put("slotSearch", slotSearch(http, base, providers, citizens, day));
                results.put("bookingUnderContention", contention(http, base, providers, citizens, day));
                results.put("doubleBookings", BenchSupport.count(db, """
                        select count(*) from appointments.booking a join appointments.booking b
                        on a.provider_id = b.provider_id and a.id < b.id and a.blocked && b.blocked
                        where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'"""));
                results.put("measuredAt", Instant.now().toString());
                BenchSupport.report("appointments", "Appointments benchmark", context.getBean(JsonMapper.class).writeValueAsString(results));
            }
        } finally {
            context.close();
        }
    }

    /** One legal-service station per township (first N), one lawyer each, working every day 08:00–18:00 in 30-minute slots. */
    private static List<String> seed(HttpClient http, String base, JwtTokenGenerator tokens, List<String> townships, int count)
            throws IOException, InterruptedException {
        List<String> providers = new ArrayList<>();
        List<Map<String, Object>> week = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            week.add(Map.of("weekday", d, "starts", "08:00", "ends", "18:00"));
        }
        String admin = token(tokens, "bench-admin-" + UUID.randomUUID(), Claims.KIND_STAFF, "ADMIN", "450100");
        for (int i = 0; i < count; i++) {
            String township = townships.get(i % townships.size());
            String place = id(send(http, "POST", base + "/places", admin, json(Map.of("name", "公共法律服务站 " + township,
                    "kind", "LEGAL_SERVICE_STATION", "regionCode", township)), 201));
            String provider = id(send(http, "POST", base + "/providers", admin, json(Map.of("accountId", "bench-lawyer-" + UUID.randomUUID(),
                    "displayName", "律师" + i, "kind", "LAWYER", "placeId", place, "slotMinutes", 30, "bufferMinutes", 0,
                    "minNoticeMinutes", 0, "horizonDays", 30)), 201));
            send(http, "PUT", base + "/providers/" + provider + "/plan", admin, json(Map.of("windows", week)), 200);
            providers.add(provider);
        }
        System.out.printf(Locale.ROOT, "Seeded %d providers%n", providers.size());
        return providers;
    }

    private static Map<String, Object> slotSearch(HttpClient http, String base, List<String> providers, List<String> citizens, LocalDate day)
            throws InterruptedException {
        Random random = new Random(7);
        List<Runnable> calls = new ArrayList<>();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        for (String citizen : citizens) {
            String provider = providers.get(random.nextInt(providers.size()));
            calls.add(() -> {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(request("GET", base + "/providers/" + provider + "/slots?from=" + day + "&to=" + day.plusDays(6),
                            citizen, null), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                }
                micros.add((System.nanoTime() - start) / 1_000);
            });
        }
        Map<String, Object> figures = runTogether(calls, micros);
        figures.put("failures", failures.get());
        return figures;
    }

    /** Every client tries to book one of the first two slots of a random provider, all released at once. */
    private static Map<String, Object> contention(HttpClient http, String base, List<String> providers, List<String> citizens, LocalDate day)
            throws InterruptedException {
        Random random = new Random(11);
        List<String> starts = List.of(day + "T08:00:00+08:00", day + "T08:30:00+08:00");
        List<Runnable> calls = new ArrayList<>();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (String citizen : citizens) {
            String provider = providers.get(random.nextInt(providers.size()));
            String start = starts.get(random.nextInt(starts.size()));
            asked.add(provider + start);
            calls.add(() -> {
                long t0 = System.nanoTime();
                int status;
                try {
                    status = http.send(request("POST", base + "/legal-aid/consultations", citizen,
                            json(Map.of("providerId", provider, "startsAt", start, "mode", "IN_PERSON"))), HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (IOException | InterruptedException e) {
                    status = -1;
                }
                micros.add((System.nanoTime() - t0) / 1_000);
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            });
        }
        Map<String, Object> figures = runTogether(calls, micros);
        Map<String, Integer> outcomes = new TreeMap<>();
        statuses.forEach((k, v) -> outcomes.put(String.valueOf(k), v.get()));
        figures.put("outcomes", outcomes);
        // Exactly one booking per slot that anyone asked for: wins (201) must equal this.
        figures.put("distinctSlotsAsked", asked.size());
        return figures;
    }

    private static Map<String, Object> runTogether(List<Runnable> calls, ConcurrentLinkedQueue<Long> micros) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(calls.size());
        long started;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable call : calls) {
                clients.submit(() -> {
                    try {
                        go.await();
                        call.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            started = System.nanoTime();
            go.countDown();
            done.await();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> figures = new HashMap<>();
        figures.put("requests", sorted.length);
        figures.put("seconds", Math.round(seconds * 1000) / 1000.0);
        figures.put("throughputPerSecond", Math.round(sorted.length / seconds * 10) / 10.0);
        figures.put("p50Ms", sorted[sorted.length / 2] / 1000.0);
        figures.put("p95Ms", sorted[(int) (sorted.length * 0.95)] / 1000.0);
        figures.put("p99Ms", sorted[(int) (sorted.length * 0.99)] / 1000.0);
        figures.put("maxMs", sorted[sorted.length - 1] / 1000.0);
        return figures;
    }

    private static String send(HttpClient http, String method, String url, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static HttpRequest request(String method, String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        return body == null ? b.GET().build()
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String json(Map<String, Object> value) {
        try {
            return JsonMapper.createDefault().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    private static String token(JwtTokenGenerator tokens, String subject, String kind, String role, String region) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(Claims.KIND, kind);
        if (region != null) {
            claims.put(Claims.REGION, region);
        }
        return tokens.generateToken(Authentication.build(subject, List.of(role), claims), 3600).orElseThrow();
    }
}
