package cn.nanning.civic.portal.gateway;

import java.util.Map;

/** A failed gateway call; the message is Simplified Chinese and safe to show to the signed-in person. */
public final class GatewayException extends RuntimeException {

    private final int status;
    private final String problemType;
    private final Map<String, Object> problem;
    private final Long retryAfterSeconds;

    GatewayException(int status, String message) {
        this(status, message, null, Map.of(), null);
    }

    GatewayException(int status, String message, String problemType, Map<String, Object> problem, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.problemType = problemType;
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The last segment of the problem's type URI (e.g. {@code otp-required}), or null. */
    public String problemType() {
        return problemType;
    }

    /** A further member of the problem body (e.g. {@code otpauthUri}), or null. */
    public String problemMember(String name) {
        Object value = problem.get(name);
        return value == null ? null : value.toString();
    }

    /** Seconds from the gateway's Retry-After header (rate limits), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** HTTP status from the gateway, or 0 when it could not be reached. */
    public int status() {
        return status;
    }

    public boolean unauthorized() {
        return status == 401;
    }
}
