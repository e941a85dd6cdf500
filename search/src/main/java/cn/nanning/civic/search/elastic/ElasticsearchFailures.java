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

    /** One read from Elasticsearch. */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws IOException;
    }

    /**
     * Runs a read: a missing index or document reads as null, an unreachable or overloaded cluster is the 503 problem,
     * any other failure goes on as it was (transport failures may arrive wrapped; {@link #isUnavailable} looks through).
     */
    public static <T> T readOrNull(Read<T> read) {
        try {
            return read.run();
        } catch (ElasticsearchException e) {
            if (e.status() == 404 || "index_not_found_exception".equals(e.error().type())) {
                return null;
            }
            if (isUnavailable(e)) {
                throw unavailable();
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            if (isUnavailable(e)) {
                throw unavailable();
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
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
