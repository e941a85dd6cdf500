package cn.nanning.civic.council.councils;

/** Who takes the residents' resolution under the council's charter. */
public enum ResolutionBody {
    VILLAGERS_MEETING("村民会议"),
    REPRESENTATIVES_MEETING("村民代表会议");

    private final String label;

    ResolutionBody(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
