package cn.nanning.civic.gateway.edge;

import cn.nanning.civic.common.requestid.RequestIds;
import cn.nanning.civic.gateway.ratelimit.ClientAddresses;
import cn.nanning.civic.gateway.routing.RouteDefinition;
import cn.nanning.civic.gateway.routing.Routes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.security.authentication.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.regex.Pattern;

/**
 * One line per request on logger {@code civic.access}: request id, method, path, route, status, latency, subject and
 * client address. Never the query string, headers or body (tokens, search terms), and ID numbers in paths are masked.
 *
 * <p>The filter gathers what it knows about the request (plain request and response filter methods: a reactive
 * chain per request cost more); the line is written by {@link AccessLogWire} when the
 * response's status line actually goes out on the connection, so the status is the one the client gets, even when
 * writing the answer failed after the filters had seen a different one (a body that cannot be encoded ends as 500).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class AccessLogFilter implements Ordered {

    static final Logger ACCESS = LoggerFactory.getLogger("civic.access");
    private static final String ENTRY = "civic.gateway.access-log";
    /** A resident ID number (GB 11643) anywhere in a path. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    private final Routes routes;
    private final ClientAddresses clients;

    AccessLogFilter(Routes routes, ClientAddresses clients) {
        this.routes = routes;
        this.clients = clients;
    }

    /** One request on its way; completed by the filter, logged by the connection when its answer is written. */
    static final class Entry {
        final long started = System.nanoTime();
        final String requestId;
        final String method;
        final String path;
        final String client;
        volatile String route = "gateway";
        volatile String subject = "anonymous";
        /** No connection to write the line (not served by Netty): the filter writes it. */
        boolean loggedHere;

        Entry(String requestId, String method, String path, String client) {
            this.requestId = requestId;
            this.method = method;
            this.path = path;
            this.client = client;
        }

        void log(int status) {
            if (!ACCESS.isInfoEnabled()) {
                return;
            }
            long micros = (System.nanoTime() - started) / 1_000;
            RequestIds.logging(requestId == null ? "" : requestId, () -> ACCESS.info(
                    "requestId={} method={} path={} route={} status={} latencyMs={} subject={} client={}",
                    requestId, method, path, route, status, millis(micros), subject, client));
        }
    }

    /** Microseconds as milliseconds with three decimals, e.g. 1.042 (String.format cost 2% of a forwarded request). */
    static String millis(long micros) {
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** Opens the request's entry: before anything else may refuse it, so refusals are logged too. */
    @RequestFilter
    void open(HttpRequest<?> request) {
        Entry entry = new Entry(RequestIds.of(request), request.getMethod().name(), maskIdNumbers(request.getPath()),
                clients.of(request));
        request.setAttribute(ENTRY, entry);
        Queue<Entry> connection = request instanceof NettyHttpRequest<?> netty
                ? netty.getChannelHandlerContext().channel().attr(AccessLogWire.PENDING).get()
                : null;
        if (connection != null) {
            // Answers leave a connection in the order its requests came in; the wire writes the line.
            connection.add(entry);
        } else {
            entry.loggedHere = true;
        }
    }

    /** Adds what is known once the request has been handled: its route and who it was. */
    @ResponseFilter
    void close(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Entry entry = request.getAttribute(ENTRY, Entry.class).orElse(null);
        if (entry == null) {
            return;
        }
        complete(entry, request);
        if (entry.loggedHere) {
            entry.log(response.code());
        }
    }

    private void complete(Entry entry, HttpRequest<?> request) {
        entry.route = routes.forwardedRoute(request).map(RouteDefinition::getName).orElse("gateway");
        entry.subject = request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse("anonymous");
    }

    static String maskIdNumbers(String path) {
        return ID_NUMBER.matcher(path).replaceAll("$1**********$2");
    }

    @Override
    public int getOrder() {
        // Outside everything but the request id filter, so refusals (401, 429, 413) are logged too.
        return ServerFilterPhase.FIRST.after();
    }
}
