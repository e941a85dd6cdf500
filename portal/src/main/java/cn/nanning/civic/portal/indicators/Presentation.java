package cn.nanning.civic.portal.indicators;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the dashboard shows statuses, values and times to people (shared by the views, the workbook and the report). */
final class Presentation {

    static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(NANNING);

    private Presentation() {
    }

    /** A symbol for each status, so a status never depends on colour alone. */
    static String symbol(String status) {
        return switch (status) {
            case "MET" -> "✔";
            case "NEAR" -> "▲";
            case "BEHIND" -> "✘";
            case "MONITORED" -> "●";
            default -> "—";
        };
    }

    /** The status as shown: symbol and words, e.g. “✔ 达标”. */
    static String status(String status, String label) {
        return symbol(status) + " " + label;
    }

    /** Lumo badge theme for a status (colour in addition to symbol and words). */
    static String badgeTheme(String status) {
        return switch (status) {
            case "MET" -> "badge success";
            case "NEAR" -> "badge warning";
            case "BEHIND" -> "badge error";
            case "MONITORED" -> "badge";
            default -> "badge contrast";
        };
    }

    /** Chart colour of a status. */
    static String colour(String status) {
        return switch (status) {
            case "MET" -> "#2e7d32";
            case "NEAR" -> "#e65100";
            case "BEHIND" -> "#c62828";
            default -> "#1565c0";
        };
    }

    /** A value on a chart's scale: shares in % or ‰, counts and days as they are. */
    @Nullable
    static BigDecimal chartValue(String unit, @Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        return switch (unit) {
            case "PERCENT" -> value.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
            case "PERMILLE" -> value.movePointRight(3).setScale(2, RoundingMode.HALF_UP);
            default -> value.stripTrailingZeros();
        };
    }

    /** The unit a chart's axis is labelled with. */
    static String axisUnit(String unit) {
        return switch (unit) {
            case "PERCENT" -> "%";
            case "PERMILLE" -> "‰";
            case "DAYS" -> "天";
            default -> "次";
        };
    }

    /** “规划 6” for a numbered indicator of the plan's 专栏1, “规划专栏1 · 心理服务” for the unnumbered ones. */
    static String plan(String planNo) {
        return !planNo.isEmpty() && Character.isDigit(planNo.charAt(0)) ? "规划 " + planNo : "规划专栏1 · " + planNo;
    }

    static String time(@Nullable Instant instant) {
        return instant == null ? "尚未计算" : TIME.format(instant);
    }

    /** “9 / 10（可办理或代办的村（社区） / 村（社区）总数）”, or an empty string when there are no parts. */
    static String parts(IndicatorsClient.IndicatorValue v) {
        if (v.numerator() == null && v.denominator() == null || v.numeratorLabel() == null && v.denominatorLabel() == null) {
            return "";
        }
        String n = v.numerator() == null ? "—" : String.valueOf(v.numerator());
        String d = v.denominator() == null ? "—" : String.valueOf(v.denominator());
        if (v.denominatorLabel() == null) {
            return (v.numeratorLabel() != null ? v.numeratorLabel() + "：" : "") + n;
        }
        return n + " / " + d + "（" + (v.numeratorLabel() == null ? "" : v.numeratorLabel()) + " / " + v.denominatorLabel() + "）";
    }
}
