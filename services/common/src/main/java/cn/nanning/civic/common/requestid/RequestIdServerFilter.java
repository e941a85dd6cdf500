package cn.nanning.civic.common.requestid;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * Takes or creates the request id, puts it into the logging context (unless a {@link LoggingContextPolicy} says not
 * to) and echoes it in the response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdServerFilter implements Ordered {

    @Nullable
    private final LoggingContextPolicy loggingContext;

    public RequestIdServerFilter(@Nullable LoggingContextPolicy loggingContext) {
        this.loggingContext = loggingContext;
    }

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext propagatedContext) {
        String id = RequestIds.takeOrCreate(request);
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        if (loggingContext != null && !loggingContext.carriesRequestId(request)) {
            return;
        }
        Map<String, String> mdc = new HashMap<>();
        Map<String, String> existing = MDC.getCopyOfContextMap();
        if (existing != null) {
            mdc.putAll(existing);
        }
        mdc.put(RequestIds.MDC_KEY, id);
        propagatedContext.add(new MdcPropagationContext(mdc));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(RequestIds.ATTRIBUTE, String.class)
                .ifPresent(id -> response.getHeaders().set(RequestIds.HEADER, id));
    }

    @Override
    public int getOrder() {
        // Before security and everything else, so that even a refused request carries its id.
        return ServerFilterPhase.FIRST.before();
    }
}
