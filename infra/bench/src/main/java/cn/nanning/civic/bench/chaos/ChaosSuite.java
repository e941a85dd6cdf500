package cn.nanning.civic.bench.chaos;

import cn.nanning.civic.wechat.WeChatStandIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./civic chaos}: starts the whole platform (its own ports and database), drives a steady mixed workload
 * through the gateway ({@link Workload}) and, one after another, injects faults: {@code kill -9} of services and its
 * restart, a Kafka broker restart, Elasticsearch stopped for a minute, Redis stopped and started, PostgreSQL
 * restarted, and PostgreSQL stopped for 30 s. After each it measures how long the platform took to accept writes again by itself and checks the
 * {@link Invariants}. The table goes to {@code .civic/chaos/results.md} and, for a run of every fault, into
 * {@code docs/reliability.md} between its result markers.
 * <p>
 * Arguments: {@code [--faults services,kafka,elasticsearch,redis,postgres,postgres-down]} (default all, in that order),
 * {@code [--report FILE]} (where the table goes besides .civic/chaos; default docs/reliability.md for a full run).
 * Before touching PostgreSQL or Redis it waits while another test run uses them.
 */
public final class ChaosSuite {

    /** The platform must accept writes again within this long after a fault ended, by itself. */
    static final Duration RECOVERY_TARGET = Duration.ofSeconds(90);
    /** ... and every event of the writes acknowledged so far must have reached its consumers within this long. */
    static final Duration CATCH_UP_TARGET = Duration.ofSeconds(180);
    static final List<String> ALL_FAULTS = List.of("services", "kafka", "elasticsearch", "redis", "postgres", "postgres-down");
    static final String BEGIN = "<!-- chaos:results:begin -->";
    static final String END = "<!-- chaos:results:end -->";

    private final ChaosPlatform platform;
    private final Workload workload = new Workload();
    private final Invariants invariants = new Invariants();
    private final List<Row> rows = new ArrayList<>();
    private final Path state;

    record Row(String fault, long seconds, long writes, long reads, long failedWrites, long failedReads, String errorKinds,
               long refusedAsDesigned, long retried, long retriedThenAcknowledged, Duration recovered, int ackedInPhase,
               Invariants.Check check, String notes) {
    }

    private ChaosSuite(ChaosPlatform platform, Path state) {
        this.platform = platform;
        this.state = state;
    }

    public static void main(String[] args) throws Exception {
        List<String> faults = ALL_FAULTS;
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--faults" -> faults = List.of(args[++i].split(","));
                case "--report" -> report = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--faults services,kafka,elasticsearch,redis,postgres,postgres-down; --report FILE)");
            }
        }
        for (String fault : faults) {
            if (!ALL_FAULTS.contains(fault)) {
                throw new IllegalArgumentException("unknown fault " + fault + "; known: " + ALL_FAULTS);
            }
        }
        if (report == null && faults.equals(ALL_FAULTS)) {
            report = Path.of("docs/reliability.md");
        }
        Path root = Path.of("").toAbsolutePath();
        Path state = root.resolve(".civic/chaos");
        Files.createDirectories(state);
        int exit = 0;
        try (WeChatStandIn weChat = new WeChatStandIn(WeChatStandIn.DEV_APP_ID, WeChatStandIn.DEV_APP_SECRET)) {
            weChat.start(0);
            try (ChaosPlatform platform = new ChaosPlatform(root, state, weChat.baseUrl())) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    platform.close();
                    MachineServices.leaveRunning();
                }));
                ChaosSuite suite = new ChaosSuite(platform, state);
                exit = suite.run(faults, report);
            }
        } finally {
            MachineServices.leaveRunning();
        }
        System.exit(exit);
    }

    private int run(List<String> faults, Path report) throws Exception {
        say("starting the platform (logs in " + state.resolve("logs") + ")");
        long started = System.nanoTime();
        platform.startAll();
        say("platform healthy after " + (System.nanoTime() - started) / 1_000_000_000 + " s; preparing accounts and data");
        workload.prepare();
        workload.start();
        phase("none (steady load)", "30 s of the workload with no fault", () -> ChaosPlatform.pause(30_000), null);
        for (String fault : faults) {
            switch (fault) {
                case "services" -> phase("kill -9 services", "services killed (SIGKILL) and started again at once", () -> {
                    platform.kill("services");
                    platform.startApp("services");
                }, null);
                case "kafka" -> phase("Kafka broker restart", "the broker stopped (SIGTERM) and started again", () -> {
                    platform.stop("kafka");
                    platform.startPart("kafka");
                }, null);
                case "elasticsearch" -> phase("Elasticsearch stopped 60 s", "the node stopped, 60 s later started again", () -> {
                    platform.stop("elasticsearch");
                    ChaosPlatform.pause(60_000);
                    platform.startPart("elasticsearch");
                }, null);
                case "redis" -> redisPhase();
                case "postgres" -> {
                    MachineServices.awaitNoOtherTests("restarting PostgreSQL");
                    phase("PostgreSQL restart", "pg_ctlcluster … restart (fast shutdown, then start)", MachineServices::restartPostgres, null);
                }
                case "postgres-down" -> {
                    MachineServices.awaitNoOtherTests("stopping PostgreSQL");
                    postgresDownPhase();
                }
                default -> throw new IllegalStateException(fault);
            }
        }
        say("stopping the workload; final check over every acknowledged write");
        workload.close();
        Workload.Stats rest = workload.window("end");
        Instant end = Instant.now();
        Invariants.Check last = invariants.check(workload.ackedBefore(end), end, CATCH_UP_TARGET, workload.pointId());
        long committedUnacknowledged = ChaosStore.existingCatalogueItems(workload.unacknowledgedItems).size();
        rows.add(new Row("all (final check)", 0, 0, 0, 0, 0, "", 0, 0, 0, Duration.ZERO, last.acked(), last,
                workload.unacknowledgedItems.size() + " catalogue writes got no 2xx; " + committedUnacknowledged
                        + " of them were committed all the same (a client would see them on its next read)"));
        String table = table();
        Files.writeString(state.resolve("results.md"), table, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
        if (report != null) {
            writeInto(report, table);
            say("results written into " + report);
        }
        boolean ok = rows.stream().allMatch(r -> r.check().lost().isEmpty() && r.check().duplicateEvents() == 0
                && r.check().doubleBookings() == 0);
        say(ok ? "no acknowledged write lost, no duplicate effect, no double booking" : "INVARIANTS BROKEN: see the table");
        return ok ? 0 : 1;
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /** Steady load, the fault, recovery by itself, then the invariants over everything acknowledged so far. */
    private Row phase(String name, String how, Fault fault, PhaseExtras extras) throws Exception {
        ChaosPlatform.pause(15_000);
        say(name + ": " + how);
        workload.window(name);
        Instant injected = Instant.now();
        fault.inject();
        Instant ended = Instant.now();
        Duration recovered = awaitRecovery(ended);
        say(name + ": writes accepted again " + seconds(recovered) + " after the fault ended");
        String notes = extras == null ? "" : extras.afterRecovery();
        ChaosPlatform.pause(10_000);
        Workload.Stats stats = workload.window("between faults");
        Instant cutoff = Instant.now();
        List<Workload.Acked> writes = workload.ackedBefore(cutoff);
        int inPhase = (int) writes.stream().filter(w -> !w.at().isBefore(injected)).count();
        Invariants.Check check = invariants.check(writes, ended, CATCH_UP_TARGET, workload.pointId());
        Row row = new Row(name, Duration.between(injected, cutoff).toSeconds(), stats.writes.get(), stats.reads.get(),
                stats.failedWrites.get(), stats.failedReads.get(), stats.errorKinds(), stats.refusedAsDesigned.get(),
                stats.retried.get(), stats.retriedThenAcknowledged.get(), recovered, inPhase, check, notes);
        rows.add(row);
        say(name + ": " + summary(row));
        Files.writeString(state.resolve("results.md"), table(), StandardCharsets.UTF_8);
        return row;
    }

    private interface PhaseExtras {
        String afterRecovery();
    }

    /**
     * Redis stopped for 20 s. While it is down: writes must fail closed (503) and reads stay open (local limit). A
     * sign-in revoked before must still be refused after Redis came back empty (it keeps nothing on disk).
     */
    private void redisPhase() throws Exception {
        MachineServices.awaitNoOtherTests("stopping Redis");
        Workload.Session revoked = workload.newCitizen("chaos-revoked-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> seen = new LinkedHashMap<>();
        Http.Answer login = revoked.signIn();
        String revokedToken = revoked.token();
        Http.Answer logout = workload.gateway.post("/api/v1/auth/logout", Map.of("refreshToken", String.valueOf(revoked.refreshToken())), revokedToken);
        int before = workload.gateway.get("/api/v1/me", revokedToken).status();
        seen.put("revoked before", login.status() + "/" + logout.status() + "/" + before);
        phase("Redis stopped 20 s", "redis-cli shutdown nosave; 20 s later redis-server started again (empty)", () -> {
            MachineServices.stopRedis();
            ChaosPlatform.pause(3000);
            int writes503 = 0;
            int writesWithRetryAfter = 0;
            int readsOk = 0;
            for (int i = 0; i < 5; i++) {
                Http.Answer write = workload.citizenRequestOnce();
                if (write.status() == 503) {
                    writes503++;
                    if (write.retryAfter() != null) {
                        writesWithRetryAfter++;
                    }
                }
                Http.Answer publicRead = workload.publicSearch();
                Http.Answer signedInRead = workload.count(workload.gateway.get("/api/v1/catalogue/items?size=5", workload.citizen().token()), false, 200);
                readsOk += (publicRead.status() == 200 ? 1 : 0) + (signedInRead.status() == 200 ? 1 : 0);
                ChaosPlatform.pause(1000);
            }
            seen.put("while down", "writes answered 503: " + writes503 + "/5 (with Retry-After: " + writesWithRetryAfter
                    + "); reads answered 200: " + readsOk + "/10");
            ChaosPlatform.pause(12_000);
            MachineServices.startRedis();
        }, () -> {
            ChaosPlatform.pause(3000);
            int after = workload.gateway.get("/api/v1/me", revokedToken).status();
            int atServices = new Http("http://127.0.0.1:" + ChaosPlatform.SERVICES).get("/api/v1/proxy/requests/mine", revokedToken).status();
            return seen.get("while down") + "; a sign-in revoked before the fault: " + (before == 401 ? "refused" : "ANSWERED " + before)
                    + " before, after Redis came back " + (after == 401 ? "still refused" : "ACCEPTED (" + after + ")")
                    + " at the gateway, " + (atServices == 401 ? "refused" : "ACCEPTED (" + atServices + ")") + " at services";
        });
    }

    /**
     * PostgreSQL stopped for 30 s, longer than a restart: what clients are answered meanwhile (a 503 with Retry-After
     * that says the database is out of reach, not a 500 or a gateway timeout), and that everything resumes by itself.
     */
    private void postgresDownPhase() throws Exception {
        Map<String, Integer> answers = new java.util.TreeMap<>();
        int[] withRetryAfter = {0};
        phase("PostgreSQL stopped 30 s", "pg_ctlcluster … stop -m fast; 30 s later started again", () -> {
            MachineServices.stopPostgres();
            ChaosPlatform.pause(5000);
            for (int i = 0; i < 5; i++) {
                Http.Answer write = workload.citizenRequestOnce();
                String type = write.status() == 0 ? "no answer" : write.status() + " "
                        + (write.contentType().startsWith("application/problem+json") ? write.json().path("type").asText().replaceAll(".*/", "") : "");
                answers.merge(type.strip(), 1, Integer::sum);
                if (write.retryAfter() != null) {
                    withRetryAfter[0]++;
                }
                ChaosPlatform.pause(1000);
            }
            ChaosPlatform.pause(15_000);
            MachineServices.startPostgres();
        }, () -> "writes while it was down answered " + answers + " (with Retry-After: " + withRetryAfter[0] + "/5)");
    }

    /**
     * Time from the end of the fault until every deployable reports healthy, a citizen's write goes through the
     * gateway again (201) and so does a public service search (200).
     */
    private Duration awaitRecovery(Instant ended) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            boolean healthy = List.of("gateway", "services", "search", "portal").stream().allMatch(platform::healthy);
            if (healthy && workload.citizenRequestOnce().status() == 201 && workload.publicSearch().status() == 200) {
                return Duration.between(ended, Instant.now());
            }
            ChaosPlatform.pause(1000);
        }
        return null;
    }

    // ------------------------------------------------------------------ report

    private String table() {
        StringBuilder out = new StringBuilder();
        out.append("Run of ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC on ").append(Runtime.getRuntime().availableProcessors()).append(" cores; recovery target ")
                .append(RECOVERY_TARGET.toSeconds()).append(" s after the fault ended, catch-up target ")
                .append(CATCH_UP_TARGET.toSeconds()).append(" s.\n\n");
        out.append("| fault | window (s) | client requests in it (writes / reads) | errors seen by clients | recovered by itself after | events caught up after | acknowledged writes (in window / checked) | acknowledged writes lost | events missing / duplicated | double bookings | notes |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Invariants.Check c = r.check();
            boolean finalRow = r.fault().startsWith("all");
            out.append("| ").append(r.fault())
                    .append(" | ").append(finalRow ? "–" : r.seconds())
                    .append(" | ").append(finalRow ? "–" : r.writes() + " / " + r.reads())
                    .append(" | ").append(finalRow ? "–" : errors(r))
                    .append(" | ").append(finalRow ? "–" : seconds(r.recovered()) + mark(r.recovered(), RECOVERY_TARGET))
                    .append(" | ").append(c.caughtUp() ? seconds(c.caughtUpAfter()) + mark(c.caughtUpAfter(), CATCH_UP_TARGET)
                            + (c.missingDetail().isEmpty() ? "" : " (" + c.missingDetail() + ")")
                            : "not within " + CATCH_UP_TARGET.toSeconds() + " s (" + c.missingDetail() + ")")
                    .append(" | ").append(finalRow ? "– / " + c.acked() : r.ackedInPhase() + " / " + c.acked())
                    .append(" | ").append(c.lost().isEmpty() ? "0" : c.lost().size() + " (" + String.join(", ", c.lost().subList(0, Math.min(3, c.lost().size()))) + ")")
                    .append(" | ").append(c.missingEvents()).append(" / ").append(c.duplicateEvents())
                    .append(" | ").append(c.doubleBookings())
                    .append(" | ").append(r.notes().isEmpty() ? "" : r.notes().replace("|", "/"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String errors(Row r) {
        String failed = r.failedWrites() + " writes, " + r.failedReads() + " reads";
        String kinds = r.failedWrites() + r.failedReads() == 0 ? "" : " (" + r.errorKinds() + ")";
        String races = r.refusedAsDesigned() == 0 ? "" : "; " + r.refusedAsDesigned() + " × 409 lost booking races (by design)";
        String retries = r.retried() == 0 ? "" : "; " + r.retried() + " 代办 requests repeated with their Idempotency-Key, "
                + r.retriedThenAcknowledged() + " of them then acknowledged";
        return failed + kinds + races + retries;
    }

    private static String mark(Duration measured, Duration target) {
        return measured != null && measured.compareTo(target) <= 0 ? "" : " ⚠";
    }

    private static String seconds(Duration d) {
        return d == null ? "not within 5 min" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String summary(Row r) {
        Invariants.Check c = r.check();
        return String.format(Locale.ROOT, "%d writes / %d reads, failed %d / %d (%s); recovered %s; caught up %s; lost %d; missing %d, duplicated %d; double bookings %d %s",
                r.writes(), r.reads(), r.failedWrites(), r.failedReads(), r.errorKinds(), seconds(r.recovered()),
                c.caughtUp() ? seconds(c.caughtUpAfter()) : "NO (" + c.missingDetail() + ")", c.lost().size(), c.missingEvents(),
                c.duplicateEvents(), c.doubleBookings(), r.notes());
    }

    /** Replaces what stands between the result markers of the report (or appends the markers and the table). */
    private static void writeInto(Path report, String table) throws IOException {
        String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "# Reliability\n\n";
        String block = BEGIN + "\n" + table + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin >= 0 && end > begin) {
            text = text.substring(0, begin) + block + text.substring(end + END.length());
        } else {
            text = text + "\n" + block + "\n";
        }
        Files.writeString(report, text, StandardCharsets.UTF_8);
    }

    private static void say(String message) {
        System.out.println("[chaos " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }
}
