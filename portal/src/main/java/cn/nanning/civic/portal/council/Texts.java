package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.ui.Times;

import java.time.ZoneId;

/** Small formatting helpers for the council screens (Nanning time). */
final class Texts {

    static final ZoneId NANNING = ZoneId.of("Asia/Shanghai");

    private Texts() {
    }

    static String time(String iso) {
        return Times.minute(iso);
    }

    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
