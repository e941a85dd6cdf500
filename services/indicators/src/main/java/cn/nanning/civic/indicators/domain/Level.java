package cn.nanning.civic.indicators.domain;

/** The levels of Nanning's divisions, top down, as named in the region data. */
public enum Level {
    CITY("city", "市级"),
    DISTRICT("district", "县级"),
    TOWNSHIP("township", "乡镇级"),
    VILLAGE("village", "村级");

    private final String code;
    private final String label;

    Level(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Level of(String code) {
        for (Level level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown region level " + code);
    }
}
