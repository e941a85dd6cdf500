package cn.nanning.civic.search.laws;

/** Values of the {@code status} keyword in both law indices. */
final class LawStatus {

    static final String CURRENT = "current";
    static final String HISTORICAL = "historical";

    private LawStatus() {
    }
}
