package cn.nanning.civic.common.requestid;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Forwards the current request id on every outgoing call made with a Micronaut HTTP client. No path pattern: a client
 * filter without one applies to every call without matching each call's path against it.
 */
@ClientFilter
public class RequestIdClientFilter {

    @RequestFilter
    public void forward(MutableHttpRequest<?> request) {
        String id = RequestIds.current();
        if (id != null && !request.getHeaders().contains(RequestIds.HEADER)) {
            request.header(RequestIds.HEADER, id);
        }
    }
}
