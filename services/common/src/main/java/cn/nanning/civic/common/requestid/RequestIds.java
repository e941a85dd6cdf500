package cn.nanning.civic.common.requestid;

import io.micronaut.http.HttpRequest;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The request id that follows a call from the gateway through every service and into every log line. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "civic.requestId";
    /** Ids from outside are echoed into logs, so only harmless characters are accepted. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    /** The id carried by the request, or a new one when it has none or an unsafe one. */
    static String takeOrCreate(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        return given != null && SAFE.matcher(given).matches() ? given : newId();
    }

    /**
     * A new random (version 4) UUID. Request ids must be unique, not unguessable: {@link UUID#randomUUID()} reads the
     * system's entropy source under a lock for each one (1% of the gateway's CPU per forwarded request).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The id assigned to this request, if the filter saw it. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> MDC.get(MDC_KEY));
    }

    /**
     * Runs a logging statement with this request's id in the logging context, for requests that do not carry it
     * there (see {@link LoggingContextPolicy}); the context is left as it was found.
     */
    public static void logging(HttpRequest<?> request, Runnable statement) {
        logging(of(request), statement);
    }

    /** Runs a logging statement with the given request id in the logging context, leaving the context as found. */
    public static void logging(String id, Runnable statement) {
        String previous = MDC.get(MDC_KEY);
        if (id == null || id.equals(previous)) {
            statement.run();
            return;
        }
        MDC.put(MDC_KEY, id);
        try {
            statement.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /** The id of the work running on this thread (a request or a message), if any. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
