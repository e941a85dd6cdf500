package cn.nanning.civic.indicators.domain;

/**
 * Where an indicator stands against its target. MET: at or above the target; NEAR: at least 90% of the target;
 * BEHIND: below that. Indicators the plan gives no target are monitored only; without a denominator (no population
 * figure, nothing due in the period) there is no value; some indicators do not apply below a level.
 */
public enum Status {
    MET("达标"),
    NEAR("接近"),
    BEHIND("落后"),
    MONITORED("监测（无目标值）"),
    NO_DATA("暂无数据"),
    NOT_APPLICABLE("不适用");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
