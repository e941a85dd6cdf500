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
    /**
     * The sign-in (session) an access token belongs to: every token of one sign-in carries the same id, so a logout,
     * a disabled account or a detected refresh-token reuse can refuse them all at once ({@link RevokedSessions}).
     */
    public static final String SESSION = "sid";

    public static final String KIND_CITIZEN = "citizen";
    public static final String KIND_STAFF = "staff";

    private Claims() {
    }
}
