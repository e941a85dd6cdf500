package cn.nanning.civic.search.catalogue;

/** Elasticsearch could not take a change right now; the Kafka listener retries the same record until it can. */
class IndexUnavailableException extends RuntimeException {

    IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
