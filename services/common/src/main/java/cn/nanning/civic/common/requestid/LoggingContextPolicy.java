package cn.nanning.civic.common.requestid;

import io.micronaut.http.HttpRequest;

/**
 * Whether a request's request id is carried in the logging context (MDC) through every asynchronous step of its
 * handling. Carrying it costs a copy of the context on each step; a deployable whose requests mostly pass through
 * without logging anything (the gateway's forwarded routes) can opt out for those and name the id in its own lines.
 * Without such a bean every request carries it.
 */
@FunctionalInterface
public interface LoggingContextPolicy {

    boolean carriesRequestId(HttpRequest<?> request);
}
