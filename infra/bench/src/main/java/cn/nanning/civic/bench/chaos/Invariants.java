package cn.nanning.civic.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invariants after a fault, over every write acknowledged up to a moment:
 * <ul>
 *   <li>every acknowledged write is in the database (checked at once: a 2xx means committed);</li>
 *   <li>every event reached its consumers exactly once in effect: one inbox notice per citizen request, one referral
 *       case per referral, one search document per catalogue item (none missing once caught up, never two);</li>
 *   <li>search caught up: each item is found by its own words through the search API;</li>
 *   <li>no double booking; nothing left in the outbox; no 代办 request made twice by a client repeating it with its
 *       Idempotency-Key (counted as a duplicate).</li>
 * </ul>
 * The eventual ones are polled until they hold or the limit passes; the time that took is the catch-up time.
 */
final class Invariants {

    record Check(int acked, List<String> lost, int missingEvents, int duplicateEvents, long doubleBookings,
                 long unpublished, Duration caughtUpAfter, String missingDetail) {
        boolean caughtUp() {
            return caughtUpAfter != null;
        }
    }

    private final Http search = new Http("http://127.0.0.1:" + ChaosPlatform.SEARCH);
    /** Items already found by search once (a document does not go away). */
    private final Set<String> searchable = ConcurrentHashMap.newKeySet();

    Check check(List<Workload.Acked> writes, Instant faultEnded, Duration limit, String pointId) {
        List<String> lost = retrying(() -> lost(writes));
        long deadline = System.nanoTime() + limit.toNanos();
        String lastWaitedFor = "";
        while (true) {
            Eventual e = retrying(() -> eventual(writes, pointId));
            boolean settled = e.missing == 0 && e.unpublished == 0;
            if (settled || System.nanoTime() > deadline) {
                Duration caughtUp = settled ? Duration.between(faultEnded, Instant.now()) : null;
                String detail = settled ? (lastWaitedFor.isEmpty() ? "" : "last waited for: " + lastWaitedFor) : e.detail;
                return new Check(writes.size(), lost, e.missing, e.duplicates, e.doubleBookings, e.unpublished, caughtUp, detail);
            }
            lastWaitedFor = e.detail;
            ChaosPlatform.pause(2000);
        }
    }

    private record Eventual(int missing, int duplicates, long doubleBookings, long unpublished, String detail) {
    }

    private static List<String> lost(List<Workload.Acked> writes) throws SQLException {
        List<String> lost = new ArrayList<>();
        for (Workload.Kind kind : Workload.Kind.values()) {
            List<String> ids = writes.stream().filter(w -> w.kind() == kind).map(Workload.Acked::id).toList();
            Set<String> found = switch (kind) {
                case CITIZEN_REQUEST, COUNTER_REQUEST -> ChaosStore.existingRequests(ids);
                case REFERRAL -> ChaosStore.existingReferrals(ids);
                case BOOKING -> ChaosStore.existingBookings(ids);
                case CATALOGUE_ITEM -> ChaosStore.existingCatalogueItems(ids);
            };
            ids.stream().filter(id -> !found.contains(id)).forEach(id -> lost.add(kind + " " + id));
        }
        return lost;
    }

    private Eventual eventual(List<Workload.Acked> writes, String pointId) throws SQLException {
        int missing = 0;
        List<String> detail = new ArrayList<>();
        // A citizen's request that no Idempotency-Key produced was made twice by a repeated attempt.
        int duplicates = (int) ChaosStore.requestsWithoutTheirKey(pointId);

        List<String> citizenRequests = ids(writes, Workload.Kind.CITIZEN_REQUEST);
        Map<String, Integer> notices = ChaosStore.noticesPerRequest(citizenRequests);
        int noNotice = (int) citizenRequests.stream().filter(id -> notices.getOrDefault(id, 0) == 0).count();
        int twoNotices = (int) notices.values().stream().filter(n -> n > 1).count();
        missing += noNotice;
        duplicates += twoNotices;
        if (noNotice > 0) {
            detail.add(noNotice + " notices");
        }

        List<String> referred = writes.stream().filter(w -> w.kind() == Workload.Kind.REFERRAL).map(Workload.Acked::extra).toList();
        Map<String, Integer> cases = ChaosStore.referralCasesPerRequest(referred);
        int noCase = (int) referred.stream().filter(id -> cases.getOrDefault(id, 0) == 0).count();
        missing += noCase;
        duplicates += (int) cases.values().stream().filter(n -> n > 1).count();
        if (noCase > 0) {
            detail.add(noCase + " referral cases");
        }

        int notFound = 0;
        for (Workload.Acked item : writes) {
            if (item.kind() != Workload.Kind.CATALOGUE_ITEM || searchable.contains(item.id())) {
                continue;
            }
            Http.Answer found = search.get("/api/v1/search/services?size=50&q=" + URLEncoder.encode(item.extra(), StandardCharsets.UTF_8), null);
            int hits = 0;
            if (found.status() == 200) {
                for (JsonNode hit : found.json().path("hits")) {
                    if (item.id().equals(hit.path("code").asText())) {
                        hits++;
                    }
                }
            }
            if (hits == 0) {
                notFound++;
            } else {
                searchable.add(item.id());
                if (hits > 1) {
                    duplicates++;
                }
            }
        }
        missing += notFound;
        if (notFound > 0) {
            detail.add(notFound + " search documents");
        }
        long unpublished = ChaosStore.unpublishedEvents();
        if (unpublished > 0) {
            detail.add(unpublished + " unpublished outbox events");
        }
        return new Eventual(missing, duplicates, ChaosStore.doubleBookings(), unpublished, String.join(", ", detail));
    }

    private static List<String> ids(List<Workload.Acked> writes, Workload.Kind kind) {
        return writes.stream().filter(w -> w.kind() == kind).map(Workload.Acked::id).toList();
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    /** PostgreSQL may be coming back: a check waits for it (up to two minutes) rather than failing. */
    private static <T> T retrying(Query<T> query) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                return query.run();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the database did not answer the checks: " + e.getMessage(), e);
                }
                ChaosPlatform.pause(1000);
            }
        }
    }
}
