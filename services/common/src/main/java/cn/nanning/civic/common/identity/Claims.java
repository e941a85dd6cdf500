package cn.nanning.civic.common.identity;

/** Names of the JWT claims the gateway issues and every service reads. */
public final class Claims {
    public static final String KIND = "kind";
    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String NAME = "name";

    public static final String KIND_CITIZEN = "citizen";
    public static final String KIND_STAFF = "staff";

    private Claims() {
    }
}
