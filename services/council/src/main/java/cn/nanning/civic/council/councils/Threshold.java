package cn.nanning.civic.council.councils;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A share of a base that a count must reach: "at least 2/3" (AT_LEAST, 以上 in the sense of the law, the boundary
 * itself counts) or "more than 1/2" (MORE_THAN, 过半数). Exact integer arithmetic, no rounding.
 */
@Serdeable
public record Threshold(int numerator, int denominator, Comparison comparison) {

    public enum Comparison { AT_LEAST, MORE_THAN }

    public static final Threshold TWO_THIRDS = new Threshold(2, 3, Comparison.AT_LEAST);
    public static final Threshold MORE_THAN_HALF = new Threshold(1, 2, Comparison.MORE_THAN);

    public Threshold {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator || comparison == null) {
            throw new IllegalArgumentException("a threshold is a fraction in (0, 1] with a comparison");
        }
    }

    /** Whether {@code count} out of {@code base} reaches this share. */
    public boolean isMetBy(long count, long base) {
        long left = count * denominator;
        long right = (long) numerator * base;
        return comparison == Comparison.AT_LEAST ? left >= right : left > right;
    }

    /** The smallest count out of {@code base} that reaches this share. */
    public long smallestCount(long base) {
        long product = (long) numerator * base;
        long atLeast = (product + denominator - 1) / denominator;
        return comparison == Comparison.AT_LEAST ? atLeast : product / denominator + 1;
    }

    /** For people: "不少于应到人数的 2/3" or "超过到会人数的 1/2". */
    public String describe(String base) {
        return (comparison == Comparison.AT_LEAST ? "不少于" : "超过") + base + "的 " + numerator + "/" + denominator;
    }
}
