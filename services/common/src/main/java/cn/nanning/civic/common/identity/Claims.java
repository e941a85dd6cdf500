package cn.nanning.civic.common.identity;

/** Names of the JWT claims the gateway issues and every service reads. */
public final class Claims {
    public static final String KIND = "kind";
    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String NAME = "name";
    /**
     * The citizen's openid for our mini-program, in citizen access tokens only: services need it to call WeChat for
     * the citizen (msgSecCheck v2, subscribe messages). It comes only from code2session, never from a client.
     */
    public static final String OPENID = "openid";

    public static final String KIND_CITIZEN = "citizen";
    public static final String KIND_STAFF = "staff";

    private Claims() {
    }
}
