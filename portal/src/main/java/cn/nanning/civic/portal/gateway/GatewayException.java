package cn.nanning.civic.portal.gateway;

/** A failed gateway call; the message is Simplified Chinese and safe to show to the signed-in person. */
public final class GatewayException extends RuntimeException {

    private final int status;

    GatewayException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** HTTP status from the gateway, or 0 when it could not be reached. */
    public int status() {
        return status;
    }

    public boolean unauthorized() {
        return status == 401;
    }
}
