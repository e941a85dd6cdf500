package cn.nanning.civic.proxy.requests;

/** The proxy lifecycle, in order: 委托 → 受理 → 办理 → 送达 → 归档 → 回访. */
public enum RequestStatus {
    AUTHORISED("已委托"),
    ACCEPTED("已受理"),
    FORWARDED("办理中"),
    DELIVERED("已送达"),
    ARCHIVED("已归档"),
    FOLLOWED_UP("已回访"),
    /** The resident withdrew the request before it was accepted (受理); outside the lifecycle's order. */
    WITHDRAWN("已撤回");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The only status a request may move to from this one; null at the end of the lifecycle or once withdrawn. */
    public RequestStatus next() {
        return this == FOLLOWED_UP || this == WITHDRAWN ? null : values()[ordinal() + 1];
    }
}
