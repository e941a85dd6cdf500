package cn.nanning.civic.council.decisions;

/** The steps of 四议两公开, in the only order they may happen. */
public enum Step {
    PROPOSAL("党组织提议", true),
    COMMITTEES_DISCUSSION("两委会商议", true),
    PARTY_REVIEW("党员大会审议", true),
    RESIDENTS_RESOLUTION("村民会议或村民代表会议决议", true),
    RESOLUTION_PUBLISHED("决议公开", false),
    RESULT_PUBLISHED("实施结果公开", false);

    private final String label;
    private final boolean vote;

    Step(String label, boolean vote) {
        this.label = label;
        this.vote = vote;
    }

    public String label() {
        return label;
    }

    /** Whether the step is a meeting that votes (the four 议), as opposed to a publication (the two 公开). */
    public boolean isVote() {
        return vote;
    }

    /** The step after this one, or null after the last. */
    Step following() {
        Step[] all = values();
        return ordinal() + 1 < all.length ? all[ordinal() + 1] : null;
    }
}
