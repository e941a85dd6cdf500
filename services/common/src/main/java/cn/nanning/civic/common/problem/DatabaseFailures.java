package cn.nanning.civic.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that cannot be reached (restarting, failing over, no connection free in the pool) from a fault
 * of the request or of our code: the former is answered 503 with {@code Retry-After}, for the client may simply
 * repeat the request shortly; the latter stays a 500.
 */
public final class DatabaseFailures {

    /** PostgreSQL: admin shutdown, crash shutdown, cannot connect now (starting up or shutting down). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    /** How long a client should wait before repeating: a PostgreSQL restart or failover takes a few seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Optional<Throwable> failure) {
        return failure.isPresent() && isUnavailable(failure.get());
    }

    public static boolean isUnavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
