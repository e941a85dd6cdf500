package cn.nanning.civic.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
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
    private static final String HIKARI_CLOSED = "Connection is closed";
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
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            // HikariCP, once it has closed a connection the database dropped mid-transaction, answers every further
            // call on it with this (and no SQLState): the connection was lost under the request.
            if (cause instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
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
