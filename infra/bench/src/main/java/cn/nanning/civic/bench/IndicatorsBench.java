package cn.nanning.civic.bench;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.pii.FieldCipher;
import cn.nanning.civic.indicators.refresh.Refresher;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * `./civic bench indicators [volunteers] [hourEntries] [proxyRequests] [samples]`: the plan indicator dashboard at city
 * scale. Reuses the volunteers and proxy benchmarks' generators (1.8 million volunteers over all villages, one million
 * proxy requests) and adds a year of council, station/team, population and appointment data, all generated in SQL in
 * {@code civic_bench}. Then it times the indicators refresh (every indicator of all 2,007 regions) and, through the real
 * services HTTP API one request at a time, what opening the dashboard asks for: a region's indicators, the ranking of
 * its children and the trend of one indicator, for the city and for random districts. Writes
 * {@code .civic/bench/indicators.json}.
 */
public final class IndicatorsBench {

    private IndicatorsBench() {
    }

    public static void main(String[] args) throws Exception {
        long volunteers = args.length > 0 ? Long.parseLong(args[0]) : 1_800_000;
        long entries = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;

        // No Kafka listeners (the benchmark must not join a running platform's consumer groups) and no access log lines.
        ApplicationContext context = BenchSupport.startServices(Map.ofEntries(
                Map.entry("civic.indicators.refresh.enabled", false),
                Map.entry("civic.access-log.enabled", false),
                Map.entry("civic.appointments.referrals.enabled", false),
                Map.entry("civic.proxy.referral-progress.enabled", false),
                Map.entry("civic.volunteers.statistics.refresh.enabled", false),
                Map.entry("civic.volunteers.reminders.enabled", false),
                Map.entry("civic.volunteers.star-notice-job.enabled", false),
                Map.entry("civic.volunteers.consultation-hours.enabled", false),
                Map.entry("civic.volunteers.search-backfill.enabled", false),
                Map.entry("civic.appointments.reminders.enabled", false),
                Map.entry("civic.appointments.retention.enabled", false)));
        try {
            int port = context.getBean(EmbeddedServer.class).getPort();
            Map<String, Object> results = new TreeMap<>();
            try (Connection db = DriverManager.getConnection(BenchSupport.DATASOURCE_URL, "postgres", "")) {
                FieldCipher cipher = context.getBean(FieldCipher.class);
                long started = System.nanoTime();
                ProxyWorkbenchBench.seed(db, requests, cipher);
                results.put("load", VolunteersBench.seed(db, volunteers, entries, cipher));
                seedPlanData(db);
                results.put("seedSeconds", round((System.nanoTime() - started) / 1e9));
                results.put("volunteers", BenchSupport.count(db, "select count(*) from volunteers.volunteer"));
                results.put("hourEntries", BenchSupport.count(db, "select count(*) from volunteers.hours_ledger"));
                results.put("proxyRequests", BenchSupport.count(db, "select count(*) from proxy.proxy_request"));
                results.put("councils", BenchSupport.count(db, "select count(*) from council.council"));
                results.put("decisionSteps", BenchSupport.count(db, "select count(*) from council.decision_step"));
                results.put("bookings", BenchSupport.count(db, "select count(*) from appointments.booking"));
                results.put("legalAidApplications", BenchSupport.count(db, "select count(*) from appointments.legal_aid_application"));
                results.put("teamMemberships", BenchSupport.count(db, "select count(*) from volunteers.team_membership"));

                Refresher refresher = context.getBean(Refresher.class);
                started = System.nanoTime();
                refresher.refresh();
                results.put("firstRefreshSeconds", round((System.nanoTime() - started) / 1e9));
                double[] refreshes = new double[3];
                for (int i = 0; i < refreshes.length; i++) {
                    started = System.nanoTime();
                    refresher.refresh();
                    refreshes[i] = round((System.nanoTime() - started) / 1e9);
                }
                results.put("refreshSeconds", refreshes);
                results.put("indicatorValues", BenchSupport.count(db, "select count(*) from indicators.current_value"));

                List<String> districts = BenchSupport.strings(db, "select code from kernel.region where level = 'district' order by code");
                JwtTokenGenerator tokens = context.getBean(JwtTokenGenerator.class);
                String city = token(tokens, "bench-city-admin", "450100");
                Map<String, String> districtTokens = new TreeMap<>();
                districts.forEach(d -> districtTokens.put(d, token(tokens, "bench-admin-" + d, d)));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                String base = "http://127.0.0.1:" + port + "/api/v1/indicators";
                Random random = new Random(19);
                String indicator = "council-coverage";

                measure(samples / 5, () -> open(http, base, "450100", indicator, city)); // warm-up
                results.put("boardCity", measure(samples, () -> get(http, base + "?region=450100", city)));
                results.put("boardDistrict", measure(samples, () -> {
                    String d = districts.get(random.nextInt(districts.size()));
                    get(http, base + "?region=" + d, districtTokens.get(d));
                }));
                results.put("rankingCity", measure(samples / 2, () -> get(http, base + "/" + indicator + "/ranking?region=450100", city)));
                results.put("trendCity", measure(samples / 2, () -> get(http, base + "/" + indicator + "/trend?region=450100", city)));
                results.put("openDashboardCity", measure(samples / 2, () -> open(http, base, "450100", indicator, city)));
                results.put("openDashboardDistrict", measure(samples / 2, () -> {
                    String d = districts.get(random.nextInt(districts.size()));
                    open(http, base, d, indicator, districtTokens.get(d));
                }));
                results.put("publicSummaryCity", measure(samples / 2, () -> get(http, base + "/public", null)));
                results.put("measuredAt", Instant.now().toString());
                BenchSupport.report("indicators", "Indicators dashboard benchmark", context.getBean(JsonMapper.class).writeValueAsString(results));
            }
        } finally {
            context.close();
        }
    }

    /** What the dashboard asks for when it opens on a region: the indicators, the children's ranking, the trend. */
    private static void open(HttpClient http, String base, String region, String indicator, String token) throws Exception {
        get(http, base + "?region=" + region, token);
        get(http, base + "/" + indicator + "/ranking?region=" + region, token);
        get(http, base + "/" + indicator + "/trend?region=" + region, token);
    }

    /**
     * A year of what the plan counts besides volunteers and proxy requests, deterministic per region code (hashtext):
     * councils with representatives (some terms over) and decisions through 四议两公开 over the last 500 days; a station
     * and teams in most townships with patrol members; resident population per township (synthetic: this database is
     * for measuring only, the figures are marked as such); legal service places at all four levels, counselling rooms in
     * most counties, their providers, a year of bookings and legal-aid applications. Skips what a previous run seeded.
     */
    static void seedPlanData(Connection db) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = db.createStatement()) {
            if (BenchSupport.count(db, "select count(*) from council.council where created_by = 'bench'") == 0) {
                s.execute("""
                        insert into council.council (id, region_code, name, charter, resolution_body, quorum_numerator, quorum_denominator,
                          quorum_comparison, majority_numerator, majority_denominator, majority_comparison, created_by, created_at, updated_at)
                        select gen_random_uuid(), code, name || '老友议事会', '基准测试章程', 'REPRESENTATIVES_MEETING', 2, 3, 'AT_LEAST', 1, 2,
                               'MORE_THAN', 'bench', now(), now()
                        from kernel.region where level = 'village' and abs(hashtext(code || 'council')) % 100 < 88
                        on conflict (region_code) do nothing""");
                s.execute("""
                        insert into council.council_representative (id, council_id, name, term_start, term_end, created_by, created_at)
                        select gen_random_uuid(), c.id, '代表' || n, current_date - 700,
                               case when abs(hashtext(c.region_code || 'term')) % 100 < 92 then current_date + 400 else current_date - 30 end,
                               'bench', now()
                        from council.council c cross join generate_series(1, 5) n where c.created_by = 'bench'""");
                s.execute("""
                        with d as (
                          insert into council.decision (id, council_id, title, matter, status, next_step, progress, created_by, created_at, updated_at)
                          select gen_random_uuid(), c.id, '基准测试事项' || n, '村内公共事务', 'DONE', null, 100, 'bench',
                                 now() - make_interval(days => o.x + 30), now() - make_interval(days => o.x)
                          from council.council c cross join generate_series(1, 3) n
                          cross join lateral (select abs(hashtext(c.region_code || n)) % 500 as x) o
                          where c.created_by = 'bench' and abs(hashtext(c.region_code || 'decision' || n)) % 100 < 45
                          returning id, created_at, updated_at)
                        insert into council.decision_step (id, decision_id, step, attempt, held_at, outcome, recorded_by, recorded_at)
                        select gen_random_uuid(), d.id, st.step, 1, d.created_at + make_interval(days => st.i),
                               case when st.i <= 4 then 'PASSED' else 'PUBLISHED' end, 'bench',
                               case when st.i = 6 then d.updated_at else d.created_at + make_interval(days => st.i) end
                        from d cross join (values (1, 'PROPOSAL'), (2, 'COMMITTEES_DISCUSSION'), (3, 'PARTY_REVIEW'),
                            (4, 'RESIDENTS_RESOLUTION'), (5, 'RESOLUTION_PUBLISHED'), (6, 'RESULT_PUBLISHED')) st(i, step)""");
                System.out.println("  seeded councils and decisions");
            }
            if (BenchSupport.count(db, "select count(*) from volunteers.station where created_by = 'bench'") == 0) {
                s.execute("""
                        insert into volunteers.region_population (code, population, year, source, loaded_at, loaded_by)
                        select t.code, (select count(*) from kernel.region v where v.parent_code = t.code) * 2500 + abs(hashtext(t.code)) % 20000,
                               2020, '基准测试合成数据（非真实人口）', now(), 'bench'
                        from kernel.region t where t.level = 'township' and abs(hashtext(t.code || 'population')) % 100 < 96
                        on conflict do nothing""");
                s.execute("""
                        insert into volunteers.station (id, township_code, name, created_by, created_at)
                        select gen_random_uuid(), code, name || '志愿服务站', 'bench', now() from kernel.region
                        where level = 'township' and abs(hashtext(code || 'station')) % 100 < 93
                        on conflict do nothing""");
                for (String[] team : List.of(new String[]{"PING_AN", "平安建设志愿服务队", "85"}, new String[]{"PATROL", "平安巡防队", "90"})) {
                    s.execute("""
                            insert into volunteers.team (id, station_id, township_code, name, type, leader_volunteer_id, created_by, created_at)
                            select gen_random_uuid(), st.id, st.township_code, '%2$s', '%1$s', l.id, 'bench', now()
                            from volunteers.station st
                            cross join lateral (select v.id from volunteers.volunteer v
                                                where v.home_region like st.township_code || '%%' and v.status = 'ACTIVE' limit 1) l
                            where st.created_by = 'bench' and abs(hashtext(st.township_code || '%1$s')) %% 100 < %3$s""".formatted(team[0], team[1], team[2]));
                }
                s.execute("""
                        insert into volunteers.team_membership (id, team_id, volunteer_id, role, status, requested_at, decided_at)
                        select gen_random_uuid(), id, leader_volunteer_id, 'LEADER', 'APPROVED', now(), now() from volunteers.team where created_by = 'bench'""");
                s.execute("""
                        insert into volunteers.team_membership (id, team_id, volunteer_id, role, status, requested_at, decided_at)
                        select gen_random_uuid(), t.id, m.id, 'MEMBER', 'APPROVED', now(), now()
                        from volunteers.team t
                        join volunteers.region_population p on p.code = t.township_code
                        cross join lateral (select v.id from volunteers.volunteer v
                                            where v.home_region like t.township_code || '%' and v.status = 'ACTIVE' and v.id <> t.leader_volunteer_id
                                            limit (p.population / 1000.0 * (0.6 + (abs(hashtext(t.township_code)) % 80) / 100.0))::int) m
                        where t.type = 'PATROL' and t.created_by = 'bench'""");
                System.out.println("  seeded stations, teams, patrol members and population");
            }
            // Points without a catalogue item cannot proxy: one village in nine, so the coverage is not 100% everywhere.
            s.execute("""
                    delete from proxy.service_point_item i using proxy.service_point p
                    where p.id = i.point_id and abs(hashtext(p.region_code || 'items')) % 9 = 0""");
            if (BenchSupport.count(db, "select count(*) from appointments.place where address = 'bench'") == 0) {
                s.execute("""
                        insert into appointments.place (id, name, kind, region_code, address, active)
                        select gen_random_uuid(), name || case when level = 'village' then '公共法律服务点' else '公共法律服务站' end,
                               case when level = 'village' then 'LEGAL_SERVICE_POINT' else 'LEGAL_SERVICE_STATION' end, code, 'bench', true
                        from kernel.region
                        where level in ('city', 'district') or (level = 'township' and abs(hashtext(code || 'legal')) % 100 < 90)
                           or (level = 'village' and abs(hashtext(code || 'legal')) % 100 < 60)""");
                s.execute("""
                        insert into appointments.place (id, name, kind, region_code, address, active)
                        select gen_random_uuid(), r.name || '心理咨询室' || n, 'COUNSELLING_ROOM', r.code, 'bench', true
                        from kernel.region r cross join generate_series(1, 3) n
                        where r.level = 'district' and abs(hashtext(r.code || 'room')) % 12 < 10 and n <= 1 + abs(hashtext(r.code)) % 3""");
                s.execute("""
                        insert into appointments.provider (id, account_id, display_name, kind, place_id, slot_minutes)
                        select gen_random_uuid(), 'bench-provider-' || p.id, '基准测试服务人员',
                               case when p.kind = 'COUNSELLING_ROOM' then 'COUNSELLOR' else 'LAWYER' end, p.id, 30
                        from appointments.place p where p.address = 'bench' and length(p.region_code) <= 9""");
                // A year of bookings, one every 8 hours per provider (never overlapping): 80% attended, 10% no-show, 10% cancelled.
                s.execute("""
                        insert into appointments.booking (id, provider_id, citizen_account_id, service, mode, starts_at, ends_at, blocked,
                          status, urgent, cancelled_by, cancelled_at, created_at, updated_at)
                        select gen_random_uuid(), pr.id, 'bench-citizen-' || (k * 31 + abs(hashtext(pr.id::text)) % 1000),
                               case when pr.kind = 'COUNSELLOR' then 'PSYCHOLOGY' else 'LEGAL_CONSULTATION' end, 'IN_PERSON',
                               t.at, t.at + interval '30 minutes', tstzrange(t.at, t.at + interval '30 minutes'),
                               case when k % 10 = 0 then 'CANCELLED' when k % 10 = 1 then 'NO_SHOW' else 'ATTENDED' end,
                               pr.kind = 'COUNSELLOR' and k % 20 = 3,
                               case when k % 10 = 0 then 'bench-citizen-' || (k * 31 + abs(hashtext(pr.id::text)) % 1000) end,
                               case when k % 10 = 0 then t.at end, t.at - interval '3 days', t.at
                        from appointments.provider pr cross join generate_series(0, 1094) k
                        cross join lateral (select date_trunc('hour', now()) - interval '365 days' + k * interval '8 hours' as at) t
                        where pr.account_id like 'bench-provider-%'""");
                s.execute("""
                        insert into appointments.legal_aid_application (id, citizen_account_id, region_code, applicant_name, id_number, id_number_index,
                          phone, case_type, other_party, description, hardship_statement, status, submitted_on, decision_due, decided_on,
                          decided_at, created_at, updated_at)
                        select gen_random_uuid(), 'bench-citizen-' || g, v.code, 'bench', 'bench', 'bench-' || g, 'bench',
                               'SOCIAL_INSURANCE_OR_ASSISTANCE', '某单位', '基准测试', '家庭困难',
                               case when g % 33 = 0 then 'UNDER_REVIEW' else 'APPROVED' end,
                               current_date - (g % 365)::int, current_date - (g % 365)::int + 9,
                               case when g % 33 = 0 then null else current_date - (g % 365)::int + 3 + (g % 9)::int end,
                               case when g % 33 = 0 then null else now() - make_interval(days => (g % 365)::int) end, now(), now()
                        from generate_series(1, 20000) g
                        join (select row_number() over (order by code) as rn, code from kernel.region where level = 'village') v
                          on v.rn = 1 + (g * 7919) % 1856""");
                System.out.println("  seeded legal service places, counselling rooms, bookings and legal-aid applications");
            }
            for (String table : List.of("council.council", "council.decision_step", "volunteers.team_membership", "appointments.booking",
                    "appointments.legal_aid_application", "proxy.service_point_item")) {
                s.execute("analyze " + table);
            }
        }
        System.out.printf(Locale.ROOT, "Plan data seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @FunctionalInterface
    private interface Call {
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
        figures.put("p50Ms", micros[samples / 2] / 1000.0);
        figures.put("p95Ms", micros[(int) (samples * 0.95)] / 1000.0);
        figures.put("p99Ms", micros[(int) (samples * 0.99)] / 1000.0);
        figures.put("maxMs", micros[samples - 1] / 1000.0);
        return figures;
    }

    private static void get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String token(JwtTokenGenerator tokens, String subject, String region) {
        Authentication who = Authentication.build(subject, List.of("ADMIN"), Map.of(Claims.KIND, Claims.KIND_STAFF, Claims.REGION, region));
        return tokens.generateToken(who, 3600).orElseThrow();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
