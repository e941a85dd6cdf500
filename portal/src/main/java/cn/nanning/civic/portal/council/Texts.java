package cn.nanning.civic.portal.council;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers for the council screens (Nanning time). */
final class Texts {

    static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(NANNING);

    private Texts() {
    }

    static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
