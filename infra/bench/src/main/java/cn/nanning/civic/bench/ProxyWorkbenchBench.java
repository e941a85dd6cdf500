package cn.nanning.civic.bench;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.pii.FieldCipher;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * `./civic bench proxy`: service points in all of Nanning's villages/communities, one million proxy requests spread
 * over them, then the clerk and township-supervisor workbench queries through the real services HTTP API.
 * Prints latency percentiles and writes them to {@code .civic/bench/proxy-workbench.json}.
 */
public final class ProxyWorkbenchBench {


    private ProxyWorkbenchBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;

        ApplicationContext context = BenchSupport.startServices(Map.of());
        try {
            int port = context.getBean(EmbeddedServer.class).getPort();
            try (Connection db = DriverManager.getConnection(BenchSupport.DATASOURCE_URL, "postgres", "")) {
                seed(db, requests, context.getBean(FieldCipher.class));
                List<String> villages = BenchSupport.strings(db, "select region_code from proxy.service_point order by region_code");
                List<String> townships = BenchSupport.strings(db, "select code from kernel.region where level = 'township' order by code");
                JwtTokenGenerator tokens = context.getBean(JwtTokenGenerator.class);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://127.0.0.1:" + port + "/api/v1/proxy/requests/";

                measure(http, base + "workbench", villages, v -> token(tokens, "bench-clerk-" + v, v), 200);  // warm-up
                Map<String, Object> results = new java.util.TreeMap<>();
                results.put("requests", BenchSupport.count(db, "select count(*) from proxy.proxy_request"));
                results.put("servicePoints", villages.size());
                results.put("clerkWorkbench", measure(http, base + "workbench", villages, v -> token(tokens, "bench-clerk-" + v, v), samples));
                results.put("townshipWorkbench", measure(http, base + "workbench", townships, t -> token(tokens, "bench-supervisor-" + t, t), samples / 4));
                results.put("townshipOverdue", measure(http, base + "overdue", townships, t -> token(tokens, "bench-supervisor-" + t, t), samples / 4));
                results.put("measuredAt", Instant.now().toString());
                BenchSupport.report("proxy-workbench", "Proxy workbench benchmark", context.getBean(JsonMapper.class).writeValueAsString(results));
            }
        } finally {
            context.close();
        }
    }

    /** Points for every village, a clerk each, and requests until there are {@code target} of them. */
    static void seed(Connection db, int target, FieldCipher cipher) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    insert into proxy.service_point (id, region_code, name, active, created_at)
                    select gen_random_uuid(), code, name || '便民服务点', true, now() from kernel.region where level = 'village'
                    on conflict (region_code) do nothing""");
            s.execute("""
                    insert into proxy.service_point_staff (point_id, account_id, role)
                    select id, 'bench-clerk-' || region_code, 'CLERK' from proxy.service_point on conflict do nothing""");
            s.execute("""
                    insert into proxy.service_point_item (point_id, item_code)
                    select p.id, i.code from proxy.service_point p cross join proxy.catalogue_item i
                    where i.code in ('NN-MZ-001', 'NN-YL-001', 'NN-SB-001', 'NN-LD-001') on conflict do nothing""");
        }
        long existing = BenchSupport.count(db, "select count(*) from proxy.proxy_request");
        if (existing >= target) {
            System.out.printf(Locale.ROOT, "Reusing %,d existing requests%n", existing);
            return;
        }
        String name = cipher.encrypt("韦秀兰", "proxy_request.resident_name");
        String phone = cipher.encrypt("13907710000", "proxy_request.resident_phone");
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists bench_points");
            s.execute("create temp table bench_points as select row_number() over (order by region_code) as rn, id, region_code from proxy.service_point");
        }
        long points = BenchSupport.count(db, "select count(*) from bench_points");
        int chunk = 100_000;
        long started = System.nanoTime();
        // Statuses spread like a running system: most requests long finished, a working set still open.
        try (PreparedStatement insert = db.prepareStatement("""
                insert into proxy.proxy_request (id, receipt_no, point_id, region_code, item_code, citizen_account_id, resident_name,
                    resident_phone, consent_channel, consent_at, created_by, status, created_at, accepted_at, forward_due,
                    forwarded_at, office, delivered_at, archived_at, satisfaction, version)
                select gen_random_uuid(),
                       case when g % 100 >= 15 then 'DB-BENCH-' || g end,
                       p.id, p.region_code,
                       (array['NN-MZ-001', 'NN-YL-001', 'NN-SB-001', 'NN-LD-001'])[1 + g % 4],
                       'bench-citizen-' || (g % 200000), ?, ?, 'IN_PERSON', now() - make_interval(days => (g % 365)::int),
                       'bench', st.status, now() - make_interval(days => (g % 365)::int),
                       case when st.status <> 'AUTHORISED' then now() - make_interval(days => (g % 365)::int) end,
                       case when st.status <> 'AUTHORISED' then current_date - (g % 20)::int + 7 end,
                       case when st.status in ('FORWARDED', 'DELIVERED', 'ARCHIVED', 'FOLLOWED_UP') then now() - make_interval(days => (g % 300)::int) end,
                       case when st.status in ('FORWARDED', 'DELIVERED', 'ARCHIVED', 'FOLLOWED_UP') then '区民政局' end,
                       case when st.status in ('DELIVERED', 'ARCHIVED', 'FOLLOWED_UP') then now() - make_interval(days => (g % 200)::int) end,
                       case when st.status in ('ARCHIVED', 'FOLLOWED_UP') then now() - make_interval(days => (g % 100)::int) end,
                       case when st.status = 'FOLLOWED_UP' then 1 + (g % 5)::int end,
                       0
                from generate_series(?::bigint, ?::bigint) g
                join bench_points p on p.rn = 1 + (g * 7919) % ?
                cross join lateral (select case
                    when g % 100 < 15 then 'AUTHORISED' when g % 100 < 35 then 'ACCEPTED' when g % 100 < 50 then 'FORWARDED'
                    when g % 100 < 60 then 'DELIVERED' when g % 100 < 70 then 'ARCHIVED' else 'FOLLOWED_UP' end as status) st""")) {
            for (long from = existing + 1; from <= target; from += chunk) {
                long to = Math.min(target, from + chunk - 1);
                insert.setString(1, name);
                insert.setString(2, phone);
                insert.setLong(3, from);
                insert.setLong(4, to);
                insert.setLong(5, points);
                insert.executeUpdate();
                System.out.printf(Locale.ROOT, "  seeded %,d / %,d requests%n", to, target);
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("analyze proxy.proxy_request");
        }
        System.out.printf(Locale.ROOT, "Seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static Map<String, Object> measure(HttpClient http, String url, List<String> scopes,
                                               java.util.function.Function<String, String> tokenFor, int samples)
            throws IOException, InterruptedException {
        Random random = new Random(42);
        long[] micros = new long[samples];
        Map<String, String> tokens = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            String scope = scopes.get(random.nextInt(scopes.size()));
            String token = tokens.computeIfAbsent(scope, tokenFor);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        Arrays.sort(micros);
        Map<String, Object> figures = new HashMap<>();
        figures.put("samples", samples);
        figures.put("p50Ms", micros[samples / 2] / 1000.0);
        figures.put("p95Ms", micros[(int) (samples * 0.95)] / 1000.0);
        figures.put("p99Ms", micros[(int) (samples * 0.99)] / 1000.0);
        figures.put("maxMs", micros[samples - 1] / 1000.0);
        return figures;
    }

    private static String token(JwtTokenGenerator tokens, String subject, String region) {
        Authentication who = Authentication.build(subject, List.of("CLERK"), Map.of(Claims.KIND, Claims.KIND_STAFF, Claims.REGION, region));
        return tokens.generateToken(who, 3600).orElseThrow();
    }
}
