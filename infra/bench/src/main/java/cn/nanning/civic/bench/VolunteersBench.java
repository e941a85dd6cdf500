package cn.nanning.civic.bench;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.pii.FieldCipher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * `./civic bench volunteers [volunteers] [hourEntries] [samples]`: volunteers spread over Nanning's 1,856
 * villages/communities and confirmed hour entries (default 1.8 million and 20 million, generated in SQL), then through
 * the real services HTTP API: sign-up throughput under contention, and p50/p99 of my-hours, certificate issue and PDF,
 * and region statistics. Writes {@code .civic/bench/volunteers.json}.
 */
public final class VolunteersBench {

    private VolunteersBench() {
    }

    public static void main(String[] args) throws Exception {
        long volunteers = args.length > 0 ? Long.parseLong(args[0]) : 1_800_000;
        long entries = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;

        ApplicationContext context = BenchSupport.startServices(Map.of(
                "civic.volunteers.statistics.refresh.enabled", false,
                "civic.volunteers.reminders.enabled", false,
                "civic.volunteers.star-notice-job.enabled", false,
                "civic.volunteers.consultation-hours.enabled", false,
                "civic.volunteers.search-backfill.enabled", false,
                "datasources.default.maximum-pool-size", 24));
        try {
            int port = context.getBean(EmbeddedServer.class).getPort();
            String base = "http://127.0.0.1:" + port + "/api/v1/volunteers";
            Map<String, Object> results = new TreeMap<>();
            try (Connection db = DriverManager.getConnection(BenchSupport.DATASOURCE_URL, "postgres", "")) {
                results.put("load", seed(db, volunteers, entries, context.getBean(FieldCipher.class)));
                long started = System.nanoTime();
                context.getBean(cn.nanning.civic.volunteers.statistics.VolunteerStatistics.class).refresh();
                results.put("statisticsRollupRefreshSeconds", round((System.nanoTime() - started) / 1e9));
                // A day's worth of changes (1,000 confirmations for random volunteers), then the incremental run.
                try (var s = db.createStatement()) {
                    s.execute("""
                            insert into volunteers.hours_ledger (volunteer_id, minutes, kind, recorded_by, recorded_at, source)
                            select id, 120, 'CONFIRMED', 'bench-incremental', now(), '基准测试'
                            from volunteers.volunteer tablesample system (0.1) limit 1000""");
                }
                started = System.nanoTime();
                var incremental = context.getBean(cn.nanning.civic.volunteers.statistics.VolunteerStatistics.class).refresh();
                results.put("statisticsIncrementalRefreshSeconds", round((System.nanoTime() - started) / 1e9));
                results.put("statisticsIncrementalVillages", incremental.villages().size());
                results.put("volunteers", BenchSupport.count(db, "select count(*) from volunteers.volunteer"));
                results.put("hourEntries", BenchSupport.count(db, "select count(*) from volunteers.hours_ledger"));

                JwtTokenGenerator tokens = context.getBean(JwtTokenGenerator.class);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                long benchVolunteers = BenchSupport.count(db, "select count(*) from volunteers.volunteer where account_id like 'bench-vol-%'");
                Random random = new Random(7);
                Supplier<Long> someone = () -> 1 + (long) (random.nextDouble() * benchVolunteers);

                String cityAdmin = token(tokens, "bench-admin", "ADMIN", "450100", Claims.KIND_STAFF);
                String cityOrganiser = token(tokens, "bench-organiser", "ORGANIZER", "450100", Claims.KIND_STAFF);
                List<String> regions = BenchSupport.strings(db, "select code from kernel.region where level in ('city', 'district', 'township') order by code");

                // Warm-up, then the measured runs.
                measure(samples / 10, () -> get(http, base + "/me/hours", citizen(tokens, someone.get())));
                results.put("myHours", measure(samples, () -> get(http, base + "/me/hours", citizen(tokens, someone.get()))));
                measure(samples / 10, () -> get(http, base + "/statistics?region=" + regions.get(random.nextInt(regions.size())), cityAdmin));
                results.put("regionStatistics", measure(samples, () -> get(http, base + "/statistics?region="
                        + regions.get(random.nextInt(regions.size())), cityAdmin)));
                results.put("regionStatisticsCity", measure(samples / 5, () -> get(http, base + "/statistics?region=450100", cityAdmin)));

                PreparedStatement idOf = db.prepareStatement("select id from volunteers.volunteer where account_id = ?");
                List<String> numbers = new ArrayList<>();
                results.put("certificateIssue", measure(samples / 5, () -> {
                    String id = single(idOf, "bench-vol-" + someone.get());
                    String body = "{\"issuer\":\"南宁市志愿者协会\",\"contact\":\"0771-5550000\"}";
                    String answer = post(http, base + "/" + id + "/certificates", body, cityOrganiser);
                    numbers.add(answer.replaceAll(".*\"number\":\"([^\"]+)\".*", "$1"));
                }));
                int[] next = {0};
                results.put("certificatePdf", measure(numbers.size(), () -> getBytes(http, base + "/certificates/" + numbers.get(next[0]++) + "/pdf",
                        cityOrganiser)));

                results.put("signupContention", signups(http, base, tokens, db, someone));
                results.put("measuredAt", Instant.now().toString());
                BenchSupport.report("volunteers", "Volunteers benchmark", context.getBean(JsonMapper.class).writeValueAsString(results));
            }
        } finally {
            context.close();
        }
    }

    /** Volunteers over every village and hour entries over the volunteers, generated in SQL in chunks; reuses what exists. */
    static Map<String, Object> seed(Connection db, long target, long entries, FieldCipher cipher) throws SQLException {
        Map<String, Object> load = new TreeMap<>();
        long existing = BenchSupport.count(db, "select count(*) from volunteers.volunteer where account_id like 'bench-vol-%'");
        String name = cipher.encrypt("韦小燕", "volunteer.real_name");
        String id = cipher.encrypt("450103199001011234", "volunteer.id_number");
        String phone = cipher.encrypt("13907712345", "volunteer.phone");
        long started = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_villages");
            s.execute("create temp table bench_villages as select row_number() over (order by code) as rn, code from kernel.region where level = 'village'");
            s.execute("alter table bench_villages add primary key (rn)");
        }
        long villages = BenchSupport.count(db, "select count(*) from bench_villages");
        int chunk = 200_000;
        try (PreparedStatement insert = db.prepareStatement("""
                insert into volunteers.volunteer (id, account_id, id_blind_index, real_name, id_number, phone, birth_date, sex, home_region,
                    skills, availability, status, registered_at)
                select gen_random_uuid(), 'bench-vol-' || g, 'bench-' || g, ?, ?, ?, date '1960-01-01' + (g % 15000)::int,
                       case when g % 2 = 0 then 'F' else 'M' end, v.code, '{}', null, 'ACTIVE', now() - make_interval(days => (g % 1500)::int)
                from generate_series(?::bigint, ?::bigint) g join bench_villages v on v.rn = 1 + (g * 7919) % ?""")) {
            for (long from = existing + 1; from <= target; from += chunk) {
                long to = Math.min(target, from + chunk - 1);
                insert.setString(1, name);
                insert.setString(2, id);
                insert.setString(3, phone);
                insert.setLong(4, from);
                insert.setLong(5, to);
                insert.setLong(6, villages);
                insert.executeUpdate();
                System.out.printf(Locale.ROOT, "  seeded %,d / %,d volunteers%n", to, target);
            }
        }
        load.put("volunteersSeconds", round((System.nanoTime() - started) / 1e9));
        load.put("volunteersAdded", Math.max(0, target - existing));

        long existingEntries = BenchSupport.count(db, "select count(*) from volunteers.hours_ledger where recorded_by = 'bench'");
        started = System.nanoTime();
        if (existingEntries < entries) {
            try (Statement s = db.createStatement()) {
                s.execute("drop table if exists bench_vols");
                s.execute("""
                        create temp table bench_vols as select (substr(account_id, 11))::bigint as rn, id from volunteers.volunteer
                        where account_id like 'bench-vol-%'""");
                s.execute("alter table bench_vols add primary key (rn)");
            }
            long vols = BenchSupport.count(db, "select count(*) from bench_vols");
            int entryChunk = 1_000_000;
            // Ledger rows spread over two years; most volunteers a few, some many (the multiplier walks all of them).
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into volunteers.hours_ledger (volunteer_id, activity_id, minutes, kind, reason, recorded_by, recorded_at, source)
                    select v.id, null, 30 + (g % 8) * 30, 'CONFIRMED', null, 'bench', now() - make_interval(days => (g % 730)::int), '基准测试服务'
                    from generate_series(?::bigint, ?::bigint) g join bench_vols v on v.rn = 1 + (g * 104729) % ?""")) {
                for (long from = existingEntries + 1; from <= entries; from += entryChunk) {
                    long to = Math.min(entries, from + entryChunk - 1);
                    insert.setLong(1, from);
                    insert.setLong(2, to);
                    insert.setLong(3, vols);
                    insert.executeUpdate();
                    System.out.printf(Locale.ROOT, "  seeded %,d / %,d hour entries (%.0f s)%n", to, entries, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        load.put("hourEntriesSeconds", round((System.nanoTime() - started) / 1e9));
        load.put("hourEntriesAdded", Math.max(0, entries - existingEntries));
        try (Statement s = db.createStatement()) {
            long t = System.nanoTime();
            s.execute("analyze volunteers.volunteer");
            s.execute("analyze volunteers.hours_ledger");
            load.put("analyzeSeconds", round((System.nanoTime() - t) / 1e9));
        }
        return load;
    }

    /** Many volunteers sign up for one small activity at once: throughput, and the capacity must hold. */
    private static Map<String, Object> signups(HttpClient http, String base, JwtTokenGenerator tokens, Connection db, Supplier<Long> someone)
            throws Exception {
        String township = BenchSupport.strings(db, "select code from kernel.region where level = 'township' order by code limit 1").get(0);
        String organiser = token(tokens, "bench-organiser-" + township, "ORGANIZER", township, Claims.KIND_STAFF);
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        int capacity = 50;
        int people = 400;
        String body = """
                {"title":"基准测试活动","regionCode":"%s","place":"基准测试场地","startsAt":"%s","endsAt":"%s","plannedMinutes":120,"capacity":%d}"""
                .formatted(township, start, start.plus(3, ChronoUnit.HOURS), capacity);
        String activity = post(http, base + "/activities", body, organiser).replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        List<String> people400 = new ArrayList<>();
        java.util.Set<Long> chosen = new java.util.HashSet<>();
        while (people400.size() < people) {
            long n = someone.get();
            if (chosen.add(n)) {
                people400.add(citizen(tokens, n));
            }
        }
        long t0 = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String token : people400) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/activities/" + activity + "/signups"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (var call : calls) {
            statuses.merge(call.get().statusCode(), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> figures = new TreeMap<>();
        figures.put("concurrentSignups", people);
        figures.put("capacity", capacity);
        figures.put("seconds", round(seconds));
        figures.put("signupsPerSecond", round(people / seconds));
        figures.put("statuses", statuses);
        figures.put("confirmed", BenchSupport.count(db, "select count(*) from volunteers.signup where status = 'CONFIRMED' and activity_id = '" + activity + "'"));
        figures.put("waitlisted", BenchSupport.count(db, "select count(*) from volunteers.signup where status = 'WAITLISTED' and activity_id = '" + activity + "'"));
        return figures;
    }

    interface Call {
        void run() throws Exception;
    }

    private static Map<String, Object> measure(int samples, Call call) throws Exception {
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        Map<String, Object> figures = new TreeMap<>();
        figures.put("samples", samples);
        if (samples > 0) {
            figures.put("p50Ms", micros[samples / 2] / 1000.0);
            figures.put("p95Ms", micros[(int) (samples * 0.95)] / 1000.0);
            figures.put("p99Ms", micros[(int) (samples * 0.99)] / 1000.0);
            figures.put("maxMs", micros[samples - 1] / 1000.0);
        }
        return figures;
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static void getBytes(HttpClient http, String url, String token) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || r.body().length < 1000) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    private static String post(HttpClient http, String url, String json, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String single(PreparedStatement ps, String arg) throws SQLException {
        ps.setString(1, arg);
        try (var rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static final Map<Long, String> CITIZEN_TOKENS = new HashMap<>();

    private static String citizen(JwtTokenGenerator tokens, long n) {
        return CITIZEN_TOKENS.computeIfAbsent(n, k -> token(tokens, "bench-vol-" + k, "CITIZEN", null, Claims.KIND_CITIZEN));
    }

    private static String token(JwtTokenGenerator tokens, String subject, String role, String region, String kind) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(Claims.KIND, kind);
        claims.put(Claims.NAME, "基准测试");
        if (region != null) {
            claims.put(Claims.REGION, region);
        }
        return tokens.generateToken(Authentication.build(subject, List.of(role), claims), 7200).orElseThrow();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
