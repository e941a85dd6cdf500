package cn.nanning.civic.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A steady mixed workload through the gateway, as the mini-program and the portal make it:
 * <ul>
 *   <li>citizens ask for 代办 in the mini-program (one a second): the request is a row, and its status change reaches
 *       the gateway's notifier through the outbox and Kafka (one inbox notice per request);</li>
 *   <li>the clerk records a request at the counter and refers it to legal aid (one every two seconds): the referral
 *       is a row, and appointments opens one referral case from the Kafka event;</li>
 *   <li>two citizens race for the same legal-consultation slot (every three seconds): one booking, the other 409;</li>
 *   <li>the administrator publishes a catalogue item (every four seconds): a row, and one search document;</li>
 *   <li>reads: public service search and signed-in catalogue pages (one a second).</li>
 * </ul>
 * Every write answered 2xx is remembered with its id, to be found in the database later. Clients do not retry a
 * write (a retry without an idempotency key could duplicate it); a read is not retried either. An expired access
 * token is renewed and the request repeated, as the real clients do.
 */
final class Workload implements AutoCloseable {

    static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final String QINGXIU = "450103";

    enum Kind { CITIZEN_REQUEST, COUNTER_REQUEST, REFERRAL, BOOKING, CATALOGUE_ITEM }

    /** A write the platform acknowledged (2xx): its id (for a catalogue item its code) and, for items, the search marker. */
    record Acked(Kind kind, String id, String extra, Instant at) {
    }

    /** What clients saw in one window of time. */
    static final class Stats {
        final String name;
        final AtomicLong writes = new AtomicLong();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong failedWrites = new AtomicLong();
        final AtomicLong failedReads = new AtomicLong();
        final AtomicLong refusedAsDesigned = new AtomicLong();
        /** Writes a client repeated with the same Idempotency-Key after an error, and how many of those then went through. */
        final AtomicLong retried = new AtomicLong();
        final AtomicLong retriedThenAcknowledged = new AtomicLong();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

        Stats(String name) {
            this.name = name;
        }

        String errorKinds() {
            if (errors.isEmpty()) {
                return "none";
            }
            List<String> kinds = new ArrayList<>();
            errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> kinds.add((e.getKey().equals("0") ? "no answer" : e.getKey()) + " ×" + e.getValue().get()));
            return String.join(", ", kinds);
        }
    }

    final Http gateway = new Http("http://127.0.0.1:" + ChaosPlatform.GATEWAY);
    final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
    /** Catalogue codes whose publishing got no 2xx: not acknowledged, but perhaps committed (checked at the end). */
    final Set<String> unacknowledgedItems = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Stats> window = new AtomicReference<>(new Stats("set-up"));
    private final ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    private Session admin;
    private Session clerk;
    private final List<Session> citizens = new ArrayList<>();
    private final List<String> providers = new ArrayList<>();
    private String pointId;
    private String itemCode;
    private final AtomicInteger citizenTurn = new AtomicInteger();

    /** A signed-in client: staff by password, citizens by a WeChat code of their own user (same openid every time). */
    final class Session {
        private final String user;
        private final boolean staff;
        private volatile String accessToken;
        private volatile String refreshToken;
        private volatile String accountId;

        Session(String user, boolean staff) {
            this.user = user;
            this.staff = staff;
        }

        /** Signs in; false when the gateway did not answer 200 (the caller counts the answer). */
        Http.Answer signIn() {
            Http.Answer login = staff
                    ? gateway.post("/api/v1/auth/staff/login", Map.of("username", user, "password", ChaosPlatform.DEMO_STAFF_PASSWORD), null)
                    : gateway.post("/api/v1/auth/wechat", Map.of("code", user + "." + UUID.randomUUID().toString().substring(0, 8)), null);
            if (login.status() == 200) {
                accessToken = login.text("accessToken");
                refreshToken = login.text("refreshToken");
                accountId = login.text("accountId");
            }
            return login;
        }

        String token() {
            return accessToken;
        }

        String refreshToken() {
            return refreshToken;
        }

        String accountId() {
            return accountId;
        }
    }

    // ------------------------------------------------------------------ set-up

    /** Accounts, a service point with the clerk, three lawyers with plans, through the API as an administrator would. */
    void prepare() {
        admin = require(new Session("admin", true));
        clerk = require(new Session("clerk", true));
        for (int i = 0; i < 6; i++) {
            citizens.add(require(new Session("chaos-citizen-" + i, false)));
        }
        JsonNode items = must(gateway.get("/api/v1/catalogue/items?size=100", admin.token()), 200, "list the catalogue").json();
        for (JsonNode item : items.path("content")) {
            if (item.path("proxyAllowed").asBoolean() && item.path("bundleOf").isEmpty()) {
                itemCode = item.path("code").asText();
                break;
            }
        }
        if (itemCode == null) {
            throw new IllegalStateException("no proxy-allowed catalogue item: " + items);
        }
        String township = must(gateway.get("/api/v1/regions/" + QINGXIU + "/children", admin.token()), 200, "list townships").json()
                .get(0).path("code").asText();
        String village = must(gateway.get("/api/v1/regions/" + township + "/children", admin.token()), 200, "list villages").json()
                .get(0).path("code").asText();
        pointId = must(gateway.post("/api/v1/proxy/points", Map.of("regionCode", village, "itemCodes", List.of(itemCode)), admin.token()),
                201, "open a service point").text("id");
        must(gateway.post("/api/v1/proxy/points/" + pointId + "/staff", Map.of("accountId", clerk.accountId(), "role", "CLERK"),
                admin.token()), 204, 201, "assign the clerk");

        String placeId = must(gateway.post("/api/v1/appointments/places", Map.of("name", "青秀区公共法律服务中心（演练）",
                "kind", "LEGAL_SERVICE_STATION", "regionCode", QINGXIU, "address", "南宁市青秀区"), admin.token()), 201, "open a place").text("id");
        List<String> lawyers = new ArrayList<>(List.of("lawyer"));
        for (int i = 0; i < 2; i++) {
            String username = "chaos-lawyer-" + UUID.randomUUID().toString().substring(0, 6);
            must(gateway.post("/api/v1/identity/staff", Map.of("username", username, "displayName", "演练律师" + (i + 1),
                    "roles", List.of("LAWYER"), "regionCode", QINGXIU, "initialPassword", ChaosPlatform.DEMO_STAFF_PASSWORD),
                    admin.token()), 201, "create a lawyer account");
            lawyers.add(username);
        }
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            windows.add(Map.of("weekday", day, "starts", "08:00", "ends", "20:00"));
        }
        int n = 0;
        for (String lawyer : lawyers) {
            Session session = require(new Session(lawyer, true));
            String provider = must(gateway.post("/api/v1/appointments/providers", Map.of("accountId", session.accountId(),
                    "displayName", "演练律师" + (++n), "kind", "LAWYER", "placeId", placeId, "slotMinutes", 30,
                    "minNoticeMinutes", 0, "horizonDays", 14), admin.token()), 201, "register a provider").text("id");
            must(gateway.put("/api/v1/appointments/providers/" + provider + "/plan", Map.of("windows", windows), admin.token()),
                    200, "set a plan");
            providers.add(provider);
        }
    }

    // ------------------------------------------------------------------ the loops

    void start() {
        running = true;
        loop(1000, this::citizenRequest);
        loop(2000, this::counterRequestAndReferral);
        loop(3000, this::bookingRace);
        loop(4000, this::catalogueItem);
        loop(1000, this::read);
    }

    /** Counting from now into a new window; returns the one that ends. */
    Stats window(String name) {
        return window.getAndSet(new Stats(name));
    }

    Stats currentWindow() {
        return window.get();
    }

    private void loop(long everyMillis, Runnable step) {
        loops.submit(() -> {
            while (running) {
                long started = System.currentTimeMillis();
                try {
                    step.run();
                } catch (RuntimeException e) {
                    System.out.println("[chaos] workload step failed: " + e);
                }
                long rest = everyMillis - (System.currentTimeMillis() - started);
                if (rest > 0) {
                    try {
                        Thread.sleep(rest);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    /**
     * 委托 from the mini-program, with an Idempotency-Key as the mini-program sends it: after an error (no answer, or
     * 5xx) the client repeats it once, 2 s later, with the same key, and must not get a second request for it.
     */
    Http.Answer citizenRequest() {
        return citizenRequest(true);
    }

    /** One attempt only (the recovery probe and the checks while Redis is down count each answer as it is). */
    Http.Answer citizenRequestOnce() {
        return citizenRequest(false);
    }

    private Http.Answer citizenRequest(boolean retry) {
        Session citizen = citizens.get(Math.floorMod(citizenTurn.getAndIncrement(), citizens.size()));
        String key = UUID.randomUUID().toString();
        Supplier<Http.Answer> send = () -> gateway.post("/api/v1/proxy/requests", Map.of("pointId", pointId, "itemCode", itemCode,
                "residentName", "黄秀英", "residentPhone", "13907712345", "consent", true), citizen.token(), key);
        Http.Answer answer = write(citizen, send);
        if (retry && (answer.status() == 0 || answer.status() >= 500)) {
            Stats stats = window.get();
            stats.retried.incrementAndGet();
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = write(citizen, send);
            if (answer.status() == 201) {
                stats.retriedThenAcknowledged.incrementAndGet();
            }
        }
        if (answer.status() == 201) {
            acked.add(new Acked(Kind.CITIZEN_REQUEST, answer.text("id"), null, Instant.now()));
        }
        return answer;
    }

    private void counterRequestAndReferral() {
        Http.Answer created = write(clerk, () -> gateway.post("/api/v1/proxy/requests", Map.of("pointId", pointId, "itemCode", itemCode,
                "residentName", "韦大伯", "residentPhone", "13807713456", "consent", true, "consentChannel", "IN_PERSON"), clerk.token()));
        if (created.status() != 201) {
            return;
        }
        String requestId = created.text("id");
        acked.add(new Acked(Kind.COUNTER_REQUEST, requestId, null, Instant.now()));
        Http.Answer referred = write(clerk, () -> gateway.post("/api/v1/proxy/requests/" + requestId + "/referrals",
                Map.of("target", "LEGAL_AID", "reason", "拖欠工资纠纷，需要法律援助"), clerk.token()));
        if (referred.status() == 201) {
            acked.add(new Acked(Kind.REFERRAL, referred.text("id"), requestId, Instant.now()));
        }
    }

    private void bookingRace() {
        String provider = providers.get(ThreadLocalRandom.current().nextInt(providers.size()));
        Session first = new Session("chaos-booker-" + UUID.randomUUID().toString().substring(0, 8), false);
        Session second = new Session("chaos-booker-" + UUID.randomUUID().toString().substring(0, 8), false);
        if (status(first.signIn(), true, 200) != 200 || status(second.signIn(), true, 200) != 200) {
            return;
        }
        LocalDate today = LocalDate.now(NANNING);
        Http.Answer slots = read(first, () -> gateway.get("/api/v1/appointments/providers/" + provider + "/slots?from=" + today
                + "&to=" + today.plusDays(13), first.token()));
        if (slots.status() != 200) {
            return;
        }
        OffsetDateTime notBefore = OffsetDateTime.now().plusHours(2);
        String startsAt = null;
        for (JsonNode slot : slots.json()) {
            if (OffsetDateTime.parse(slot.path("startsAt").asText()).isAfter(notBefore)) {
                startsAt = slot.path("startsAt").asText();
                break;
            }
        }
        if (startsAt == null) {
            return;
        }
        Map<String, Object> body = Map.of("providerId", provider, "startsAt", startsAt, "mode", "IN_PERSON", "topic", "劳动争议咨询");
        CompletableFuture<Http.Answer> a = CompletableFuture.supplyAsync(
                () -> gateway.post("/api/v1/appointments/legal-aid/consultations", body, first.token()), loops);
        CompletableFuture<Http.Answer> b = CompletableFuture.supplyAsync(
                () -> gateway.post("/api/v1/appointments/legal-aid/consultations", body, second.token()), loops);
        for (Http.Answer answer : List.of(a.join(), b.join())) {
            count(answer, true, 201, 409);
            if (answer.status() == 201) {
                acked.add(new Acked(Kind.BOOKING, answer.text("id"), provider + "@" + startsAt, Instant.now()));
            }
        }
    }

    private void catalogueItem() {
        String code = "CHAOS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String marker = marker();
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("name", marker + "社区养老服务补贴申请");
        item.put("type", "行政给付");
        item.put("department", "区县民政局");
        item.put("implementingLevel", "乡镇（街道）受理");
        item.put("conditions", "具有本地户籍、达到规定年龄的老年人");
        item.put("materials", "居民身份证");
        item.put("proxyAllowed", true);
        Http.Answer answer = write(admin, () -> gateway.post("/api/v1/catalogue/items", item, admin.token()));
        if (answer.status() == 201) {
            acked.add(new Acked(Kind.CATALOGUE_ITEM, code, marker, Instant.now()));
        } else {
            unacknowledgedItems.add(code);
        }
    }

    private final AtomicInteger readTurn = new AtomicInteger();

    /** A public service search, as anyone opening the mini-program's search page. */
    Http.Answer publicSearch() {
        return count(gateway.get("/api/v1/search/services?q=" + URLEncoder.encode("养老", StandardCharsets.UTF_8) + "&size=5", null),
                false, new int[] {200});
    }

    private void read() {
        if (readTurn.getAndIncrement() % 2 == 0) {
            publicSearch();
        } else {
            Session citizen = citizens.get(Math.floorMod(citizenTurn.get(), citizens.size()));
            read(citizen, () -> gateway.get("/api/v1/catalogue/items?size=5", citizen.token()));
        }
    }

    // ------------------------------------------------------------------ counting

    private Http.Answer write(Session session, Supplier<Http.Answer> request) {
        return count(renewing(session, request), true, 200, 201);
    }

    private Http.Answer read(Session session, Supplier<Http.Answer> request) {
        return count(renewing(session, request), false, new int[] {200});
    }

    /** An access token lives 15 minutes: on 401 the client signs in again and repeats, as the mini-program does. */
    private Http.Answer renewing(Session session, Supplier<Http.Answer> request) {
        Http.Answer answer = request.get();
        if (answer.status() == 401 && session.signIn().status() == 200) {
            answer = request.get();
        }
        return answer;
    }

    /** Counts an answer in the current window: expected statuses are fine (a 409 in a race is refused as designed). */
    Http.Answer count(Http.Answer answer, boolean write, int... expected) {
        Stats stats = window.get();
        (write ? stats.writes : stats.reads).incrementAndGet();
        for (int status : expected) {
            if (answer.status() == status) {
                if (status == 409) {
                    stats.refusedAsDesigned.incrementAndGet();
                }
                return answer;
            }
        }
        (write ? stats.failedWrites : stats.failedReads).incrementAndGet();
        stats.errors.computeIfAbsent(String.valueOf(answer.status()), k -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    private int status(Http.Answer answer, boolean write, int expected) {
        count(answer, write, new int[] {expected});
        return answer.status();
    }

    Session newCitizen(String user) {
        return new Session(user, false);
    }

    Session citizen() {
        return citizens.getFirst();
    }

    String pointId() {
        return pointId;
    }

    List<Acked> ackedBefore(Instant cutoff) {
        return acked.stream().filter(a -> !a.at().isAfter(cutoff)).toList();
    }

    @Override
    public void close() {
        running = false;
        loops.shutdownNow();
    }

    // ------------------------------------------------------------------ helpers

    private Session require(Session session) {
        Http.Answer login = session.signIn();
        if (login.status() != 200) {
            throw new IllegalStateException(session.user + " could not sign in: " + login.status() + " " + login.body());
        }
        return session;
    }

    private static Http.Answer must(Http.Answer answer, int status, String what) {
        return must(answer, status, status, what);
    }

    private static Http.Answer must(Http.Answer answer, int status, int alsoFine, String what) {
        if (answer.status() != status && answer.status() != alsoFine) {
            throw new IllegalStateException("could not " + what + ": " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    /** Four random CJK characters: each item is the only match for its own query. */
    private static String marker() {
        Random random = ThreadLocalRandom.current();
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            marker.append((char) ('\u4e00' + random.nextInt(0x5000)));
        }
        return marker.toString();
    }
}
