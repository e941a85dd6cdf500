package cn.nanning.civic.search.elastic;

import cn.nanning.civic.common.problem.ProblemException;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

import java.io.IOException;

/** Tells a passing outage (node down, overloaded, timing out) from a request Elasticsearch rejects for good. */
public final class ElasticsearchFailures {

    private ElasticsearchFailures() {
    }

    /** The answer of every search endpoint while Elasticsearch cannot be reached: 503 problem+json in Chinese. */
    public static ProblemException unavailable() {
        return ProblemException.unavailable("search-unavailable", "搜索服务暂时不可用，请稍后再试。");
    }

    /** True when trying again later may succeed: transport failures, 5xx and 429 answers. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException es) {
                int status = es.status();
                return status >= 500 || status == 429;
            }
            if (t instanceof TransportException transport) {
                int status = transport.statusCode();
                // statusCode() is -1 when no response arrived at all.
                return status < 0 || status >= 500 || status == 429;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
