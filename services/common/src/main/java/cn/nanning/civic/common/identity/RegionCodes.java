package cn.nanning.civic.common.identity;

import cn.nanning.civic.common.problem.ProblemException;

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

    /** A district/county (6 digits), township (9) or village (12) code. */
    public static boolean isAreaCode(String code) {
        return code != null && code.strip().matches("\\d{6}|\\d{9}|\\d{12}");
    }

    /**
     * The prefix of every code inside the area a caller asked about (query parameter {@code field}); a malformed
     * code is a 400 problem with a Chinese message.
     */
    public static String areaPrefix(String area, String field) {
        if (!isAreaCode(area)) {
            throw ProblemException.invalidField(field, "区域代码应为 6 位（市、县区）、9 位（乡镇街道）或 12 位（村社区）数字。");
        }
        return significantPrefix(area);
    }
}
