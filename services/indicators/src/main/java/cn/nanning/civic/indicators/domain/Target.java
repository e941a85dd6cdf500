package cn.nanning.civic.indicators.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A plan target as an exact fraction (1/1 = 100%, 9/10 = 90%, 1/5 = 20%, 1/1000 = 1‰) that a value must reach, so a
 * region exactly at the target counts as met without rounding doubts.
 */
public record Target(long numerator, long denominator, String text) {

    /** How much of the target counts as close to it. */
    static final int NEAR_TENTHS = 9;

    public BigDecimal value() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64);
    }

    /** Judges {@code part / whole} (whole > 0) against the target with whole-number arithmetic. */
    public Status judge(long part, long whole) {
        // part / whole >= n / d  ⇔  part·d >= n·whole
        BigDecimal lhs = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(denominator));
        BigDecimal rhs = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(whole));
        if (lhs.compareTo(rhs) >= 0) {
            return Status.MET;
        }
        return lhs.multiply(BigDecimal.TEN).compareTo(rhs.multiply(BigDecimal.valueOf(NEAR_TENTHS))) >= 0 ? Status.NEAR : Status.BEHIND;
    }
}
