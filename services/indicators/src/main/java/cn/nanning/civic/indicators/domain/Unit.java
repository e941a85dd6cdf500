package cn.nanning.civic.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How an indicator's value reads: a share (shown in % or ‰), a count, or days. */
public enum Unit {
    PERCENT("百分比"),
    PERMILLE("千分比"),
    COUNT("次数"),
    DAYS("天");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value as people read it: 92.3%, 1.25‰, 118,864, 3 天. */
    public String format(BigDecimal value) {
        return switch (this) {
            case PERCENT -> value.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
            case PERMILLE -> value.movePointRight(3).setScale(2, RoundingMode.HALF_UP).toPlainString() + "‰";
            case COUNT -> String.format(java.util.Locale.ROOT, "%,d", value.setScale(0, RoundingMode.HALF_UP).longValueExact());
            case DAYS -> value.stripTrailingZeros().toPlainString() + " 天";
        };
    }
}
