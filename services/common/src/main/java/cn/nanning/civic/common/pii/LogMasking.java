package cn.nanning.civic.common.pii;

import java.util.regex.Pattern;

/**
 * Masks what looks like a resident ID number (18 characters, the last a digit or X) or a mainland mobile number
 * (11 digits from 13–19) anywhere in a text, the way {@link Masking} shows them: for log lines, where request paths,
 * SQL errors or a framework's messages may carry a value a caller sent. Longer digit runs (timestamps, offsets) and
 * values inside longer words (UUIDs, hashes) are left alone.
 */
public final class LogMasking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})\\d{10}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9A-Za-z])");

    private LogMasking() {
    }

    /** The text with ID-like and phone-like values masked; the same instance when there is nothing to mask. */
    public static String mask(String text) {
        if (text == null || !hasLongDigitRun(text)) {
            return text;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("$1**********$2");
        return PHONE.matcher(masked).replaceAll("$1****$2");
    }

    /** A cheap pre-check: most lines have no run of 11 digits, so they skip the regular expressions. */
    private static boolean hasLongDigitRun(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= 11) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
