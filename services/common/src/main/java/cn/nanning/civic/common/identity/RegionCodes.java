package cn.nanning.civic.common.identity;

/**
 * Region codes as in the statistical division data: 6 digits for a province, city or county
 * (450000, 450100, 450103), 9 for a township/street (450103001), 12 for a village/community (450103001001).
 * A code's area contains every code that starts with its significant digits.
 */
public final class RegionCodes {

    private RegionCodes() {
    }

    /** The prefix that every code inside the area starts with (450100 → 4501, 450103 → 450103). */
    public static String significantPrefix(String code) {
        String c = code.strip();
        if (c.length() == 6) {
            if (c.endsWith("0000")) {
                return c.substring(0, 2);
            }
            if (c.endsWith("00")) {
                return c.substring(0, 4);
            }
        }
        return c;
    }
}
