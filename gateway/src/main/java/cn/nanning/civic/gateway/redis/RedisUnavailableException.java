package cn.nanning.civic.gateway.redis;

/** Redis did not answer (down, unreachable, or its circuit is open); callers decide whether to fail open or closed. */
public class RedisUnavailableException extends RuntimeException {

    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
