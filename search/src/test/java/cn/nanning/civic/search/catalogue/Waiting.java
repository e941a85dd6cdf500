package cn.nanning.civic.search.catalogue;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded polling for effects that arrive asynchronously (Kafka to Elasticsearch to a refreshed index). */
final class Waiting {

    private Waiting() {
    }

    static void until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                last = null;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not within " + limit.toSeconds() + " s: " + what, last);
    }
}
